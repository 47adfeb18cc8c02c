using FloorWatch.Domain.Figures;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;
using FloorWatch.Domain.Time;

namespace FloorWatch.Domain.Rules;

/// <summary>
/// A queue's own rules: too many of its agents away from the seat at once, and the interval's
/// service level under target. Each remembers when its cause began, so that the cause is one alert
/// for as long as it lasts. Judged after each member change and each answer or abandon, so it
/// counts in place and writes text only while a cause holds.
/// </summary>
public sealed class QueueRules(string queue)
{
    private DateTimeOffset? _overQuotaSince;
    private string? _quotaText;
    private (double Value, bool Percent, bool Valid) _quota;
    private DateTimeOffset? _breachSince;
    private long _breachInterval;

    /// <summary>The causes that hold at <paramref name="now"/>, after the facts up to it.</summary>
    public void Conditions(QueueProjection q, QueueSettings settings, RuleSettings r, DateTimeOffset now, List<RuleCondition> into)
    {
        into.Clear();
        var staffed = q.Staffed;
        var away = q.NotReadyFor(r.ApprovalRequired);
        var quota = CachedQuota(r, staffed);
        if (away > quota)
        {
            _overQuotaSince ??= now;
            into.Add(new RuleCondition
            {
                Kind = AlertKinds.BreakConcurrency,
                Queue = queue,
                Since = _overQuotaSince.Value,
                RaiseAt = _overQuotaSince.Value,
                Extra = r.MaxConcurrentOnBreak,
                Figure = away,
                Figure2 = staffed,
                Figure3 = quota,
            });
        }
        else
        {
            _overQuotaSince = null;
        }

        var interval = CenterClock.IntervalStartTicks(now);
        if (q.CountersAt(now) is { } counters
            && FigureCalculator.ServiceLevelDenominator(counters, settings.SlFormula) >= r.SlBreachMinCalls
            && FigureCalculator.ServiceLevel(counters, settings.SlFormula) is { } sl
            && sl < settings.SlTarget)
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
                Figure = sl,
                Figure2 = settings.SlTarget,
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

        return QuotaOf(value, percent, staffed);
    }

    /// <summary>As <see cref="Quota"/>, parsing the rule's text only when it changes (it is judged after every member change).</summary>
    private int CachedQuota(RuleSettings r, int staffed)
    {
        if (!ReferenceEquals(_quotaText, r.MaxConcurrentOnBreak))
        {
            _quotaText = r.MaxConcurrentOnBreak;
            _quota = SettingsValidator.TryParseQuota(_quotaText, out var value, out var percent) ? (value, percent, true) : (0, false, false);
        }

        return !_quota.Valid ? int.MaxValue
            : QuotaOf(_quota.Value, _quota.Percent, staffed);
    }

    private static int QuotaOf(double value, bool percent, int staffed) =>
        percent ? Math.Max(value > 0 ? 1 : 0, (int)Math.Floor(staffed * value / 100 + 1e-9)) : (int)value;

    /// <summary>The start of the next interval: when an interval's breach ends by itself.</summary>
    public static DateTimeOffset NextInterval(DateTimeOffset now) =>
        CenterClock.FromTicks(CenterClock.IntervalStartTicks(now) + CenterClock.IntervalTicks);
}
