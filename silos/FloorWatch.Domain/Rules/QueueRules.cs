using System.Globalization;
using FloorWatch.Domain.Figures;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;
using FloorWatch.Domain.Time;

namespace FloorWatch.Domain.Rules;

/// <summary>
/// A queue's own rules: too many of its agents away from the seat at once, and the interval's
/// service level under target. Each remembers when its cause began, so that the cause is one alert
/// for as long as it lasts.
/// </summary>
public sealed class QueueRules(string queue)
{
    private DateTimeOffset? _overQuotaSince;
    private DateTimeOffset? _breachSince;
    private long _breachInterval;

    /// <summary>The causes that hold at <paramref name="now"/>, after the facts up to it.</summary>
    public void Conditions(QueueProjection q, QueueSettings settings, RuleSettings r, DateTimeOffset now, List<RuleCondition> into)
    {
        into.Clear();
        var counts = q.Now(now);
        var away = OnLeave(counts, r);
        var quota = Quota(r, counts.Staffed);
        if (away > quota)
        {
            _overQuotaSince ??= now;
            into.Add(new RuleCondition
            {
                Kind = AlertKinds.BreakConcurrency,
                Queue = queue,
                Since = _overQuotaSince.Value,
                RaiseAt = _overQuotaSince.Value,
                Detail = $"queue {queue}: {away} of {counts.Staffed} staffed away from the seat at once (quota {r.MaxConcurrentOnBreak.Trim()}, {quota} now)",
            });
        }
        else
        {
            _overQuotaSince = null;
        }

        var interval = CenterClock.IntervalStartTicks(now);
        var figures = q.Figures(interval, interval + CenterClock.IntervalTicks, now, settings.SlFormula);
        var calls = figures.Answered + figures.Abandoned - figures.ShortAbandoned;
        if (figures.ServiceLevel is { } sl && sl < settings.SlTarget && calls >= r.SlBreachMinCalls)
        {
            if (_breachSince is null || _breachInterval != interval)
            {
                _breachSince = now;
                _breachInterval = interval;
            }

            into.Add(new RuleCondition
            {
                Kind = AlertKinds.SlBreach,
                Queue = queue,
                Since = _breachSince.Value,
                RaiseAt = _breachSince.Value,
                Detail = $"queue {queue}: service level this interval {Percent(sl)} under the target of {Percent(settings.SlTarget)}",
            });
        }
        else
        {
            _breachSince = null;
        }
    }

    /// <summary>Agents of the queue not ready for a reason that takes them from the seat (those needing approval).</summary>
    public static int OnLeave(QueueNow counts, RuleSettings r) =>
        counts.NotReadyByReason.Where(p => r.ApprovalRequired.Contains(p.Key, StringComparer.Ordinal)).Sum(p => p.Value);

    /// <summary>How many of <paramref name="staffed"/> may be away at once: a count, or a share rounded down but at least one (20 % of a team of three still lets one go).</summary>
    public static int Quota(RuleSettings r, int staffed)
    {
        if (!SettingsValidator.TryParseQuota(r.MaxConcurrentOnBreak, out var value, out var percent))
        {
            return int.MaxValue;
        }

        return percent ? Math.Max(value > 0 ? 1 : 0, (int)Math.Floor(staffed * value / 100 + 1e-9)) : (int)value;
    }

    /// <summary>The start of the next interval: when an interval's breach ends by itself.</summary>
    public static DateTimeOffset NextInterval(DateTimeOffset now) =>
        CenterClock.FromTicks(CenterClock.IntervalStartTicks(now) + CenterClock.IntervalTicks);

    private static string Percent(double v) => (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
