using System.Globalization;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Rules;
using FloorWatch.Domain.Settings;

namespace FloorWatch.Grains.Center;

/// <summary>
/// Whether a duty manager's approval may stand (contract section 5): refused by itself, with the
/// reason, in the agent's first hour, when a queue's break quota is full, or while a queue's
/// service level is being protected.
/// </summary>
public static class BreakApproval
{
    /// <summary>Null when the approval stands, else why it is refused.</summary>
    public static string? Refusal(AgentView agent, DateTimeOffset? loggedInAt, IReadOnlyList<QueueView> queues, BreakBook book, RuleSettings rules, DateTimeOffset at)
    {
        if (agent.State == "loggedout")
        {
            return $"{agent.Id} is not logged in";
        }

        if (loggedInAt is { } login && (at - login).TotalMinutes < rules.NoLeaveFirstMinutes)
        {
            return $"no leave in the first {Num(rules.NoLeaveFirstMinutes)} minutes after login ({agent.Id} logged in {Num(Math.Floor((at - login).TotalMinutes))} minutes ago)";
        }

        foreach (var q in queues)
        {
            var counts = q.Now.Counts;
            var away = QueueRules.OnLeave(counts, rules) + book.ApprovedWaiting(q.Id);
            var quota = QueueRules.Quota(rules, counts.Staffed);
            if (away + 1 > quota)
            {
                return $"queue {q.Id}: {away} of {counts.Staffed} staffed already away or approved (quota {rules.MaxConcurrentOnBreak.Trim()}, {quota} now)";
            }
        }

        if (rules.ProtectServiceLevel)
        {
            foreach (var q in queues)
            {
                if (q.Now.Counts.Waiting >= rules.ProtectWaitingAtLeast)
                {
                    return $"service level protected: queue {q.Id} has {q.Now.Counts.Waiting} waiting (at {rules.ProtectWaitingAtLeast} no break is approved)";
                }

                if (q.Interval.ServiceLevel is { } sl && sl < q.Settings.SlTarget)
                {
                    return $"service level protected: queue {q.Id} is at {Num(sl * 100)} % this interval, under its target of {Num(q.Settings.SlTarget * 100)} %";
                }
            }
        }

        return null;
    }

    private static string Num(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
