using System.Globalization;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;

namespace FloorWatch.Domain.Rules;

/// <summary>The causes an agent's state holds under the center's rules (contract section 5), with the moments each becomes an alert.</summary>
public static class AgentRules
{
    /// <summary>The share of the limit at which the agent alone is warned.</summary>
    public const double NoticeShare = 0.8;

    public static void Conditions(AgentProjection a, RuleSettings r, List<RuleCondition> into)
    {
        into.Clear();
        if (a.Phase == AgentPhase.LoggedOut)
        {
            return;
        }

        if (a.DuplicateLogin is { } dup)
        {
            into.Add(new RuleCondition
            {
                Kind = AlertKinds.LoginDuplicate,
                Agent = a.Id,
                Since = dup.At,
                RaiseAt = dup.At,
                Critical = true,
                Detail = $"work id {a.Id} logged in at seat {dup.NewSeat} while logged in at seat {dup.OtherSeat}",
            });
        }

        switch (a.Phase)
        {
            case AgentPhase.NotReady:
                NotReady(a, r, into);
                break;
            case AgentPhase.WrapUp:
                into.Add(Overtime(AlertKinds.WrapUpOvertime, a.Id, null, a.Since, r.WrapUpMaxSeconds, "in wrap-up"));
                break;
            default:
                break;
        }

        if (a.Call is { } call)
        {
            CallRules(a, call, r, into);
        }
    }

    /// <summary>The not-ready limit for <paramref name="reason"/>: the approved minutes of a break approved for it, else the rule's.</summary>
    public static double NotReadyLimit(AgentProjection a, RuleSettings r, string reason) =>
        ApprovedFor(a, reason) is { } approved ? approved.Minutes * 60.0
        : r.NotReadyMaxSeconds.TryGetValue(reason, out var s) ? s
        : r.NotReadyMaxSeconds.TryGetValue("*", out var other) ? other
        : 600;

    public static ApprovedBreak? ApprovedFor(AgentProjection a, string reason) =>
        a.ApprovedBreak is { } b && string.Equals(b.Reason, reason, StringComparison.Ordinal) ? b : null;

    /// <summary>True while <paramref name="at"/> is in the first minutes after login in which no leave is given.</summary>
    public static bool InFirstHour(AgentProjection a, RuleSettings r, DateTimeOffset at) =>
        a.LoggedInAt is { } login && (at - login).TotalMinutes < r.NoLeaveFirstMinutes;

    private static void NotReady(AgentProjection a, RuleSettings r, List<RuleCondition> into)
    {
        var reason = a.Reason ?? "notready";
        var limit = NotReadyLimit(a, r, reason);
        var approved = ApprovedFor(a, reason) is not null;
        var what = approved ? $"not ready ({reason}, approved for {Seconds(limit)})" : $"not ready ({reason})";
        into.Add(Overtime(AlertKinds.NotReadyOvertime, a.Id, null, a.Since, limit, what) with { NoticeAt = a.Since.AddSeconds(limit * NoticeShare) });

        if (!approved && r.ApprovalRequired.Contains(reason, StringComparer.Ordinal))
        {
            var firstHour = InFirstHour(a, r, a.Since);
            into.Add(new RuleCondition
            {
                Kind = AlertKinds.UnapprovedLeave,
                Agent = a.Id,
                Since = a.Since,
                RaiseAt = a.Since,
                Critical = firstHour,
                Detail = firstHour
                    ? $"left the seat ({reason}) without approval, in the first {r.NoLeaveFirstMinutes.ToString(CultureInfo.InvariantCulture)} minutes after login"
                    : $"left the seat ({reason}) without a duty manager's approval",
            });
        }
    }

    private static void CallRules(AgentProjection a, AgentCallInfo call, RuleSettings r, List<RuleCondition> into)
    {
        if (call.Held && a.HeldSince is { } held)
        {
            into.Add(Overtime(AlertKinds.HoldOvertime, a.Id, call.Call, held, r.HoldMaxSeconds, $"call {call.Call} on hold"));
        }

        into.Add(Quality(AlertKinds.QaLongCall, a, call, call.Since.AddSeconds(r.LongCallSeconds), $"call {call.Call} longer than {Seconds(r.LongCallSeconds)}"));
        if (call.Vip)
        {
            into.Add(Quality(AlertKinds.QaVip, a, call, call.Since, $"VIP call {call.Call} connected to {a.Id}"));
        }

        var tags = call.Tags.Where(t => r.QaTags.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
        if (tags.Count > 0)
        {
            into.Add(Quality(AlertKinds.QaTagged, a, call, a.TaggedAt ?? call.Since, $"call {call.Call} tagged {string.Join(", ", tags)}"));
        }

        if (QualitySample.Picks(call.Call, r.QaSampleShare))
        {
            into.Add(Quality(AlertKinds.QaSample, a, call, call.Since, $"call {call.Call} drawn for the quality sample"));
        }

        if (r.QaProbation.Contains(a.Id, StringComparer.Ordinal))
        {
            into.Add(Quality(AlertKinds.QaProbation, a, call, call.Since, $"{a.Id} (on the watch list) is on call {call.Call}"));
        }
    }

    private static RuleCondition Quality(string kind, AgentProjection a, AgentCallInfo call, DateTimeOffset at, string detail) => new()
    {
        Kind = kind,
        Agent = a.Id,
        Queue = call.Queue,
        Call = call.Call,
        Since = call.Since,
        RaiseAt = at,
        Detail = detail,
    };

    private static RuleCondition Overtime(string kind, string agent, string? callId, DateTimeOffset since, double limit, string what) => new()
    {
        Kind = kind,
        Agent = agent,
        Call = callId,
        Since = since,
        RaiseAt = since.AddSeconds(limit),
        CriticalAt = since.AddSeconds(2 * limit),
        LimitSeconds = limit,
        Detail = $"{what} longer than the limit of {Seconds(limit)}",
    };

    private static string Seconds(double s) => s.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}
