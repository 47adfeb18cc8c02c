using System.Globalization;
using FloorWatch.Domain.Time;

namespace FloorWatch.Domain.Settings;

/// <summary>Checks settings and names the field that is wrong.</summary>
public static class SettingsValidator
{
    public static IReadOnlyList<string> Validate(CenterSettings s)
    {
        var errors = new List<string>();
        if (!CenterClock.TryFindZone(s.TimeZone, out _))
        {
            errors.Add($"timeZone: '{s.TimeZone}' is not a known IANA time zone");
        }

        if (!CenterClock.TryParseDayStart(s.DayStartsAt, out _))
        {
            errors.Add($"dayStartsAt: '{s.DayStartsAt}' must be HH:mm on a 15-minute boundary");
        }

        foreach (var (id, q) in s.Queues)
        {
            if (!Events.Identifiers.IsEntityId(id))
            {
                errors.Add($"queues.{id}: a queue id must match [A-Za-z0-9_.-]{{1,64}}");
            }

            if (q.SlThresholdSeconds is <= 0 or > 3600 || double.IsNaN(q.SlThresholdSeconds))
            {
                errors.Add($"queues.{id}.slThresholdSeconds: must be above 0 and at most 3600");
            }

            if (q.SlTarget is <= 0 or >= 1 || double.IsNaN(q.SlTarget))
            {
                errors.Add($"queues.{id}.slTarget: must be between 0 and 1 (exclusive)");
            }

            if (q.ShortAbandonSeconds is < 0 or > 3600 || double.IsNaN(q.ShortAbandonSeconds))
            {
                errors.Add($"queues.{id}.shortAbandonSeconds: must be from 0 to 3600");
            }

            if (q.WrapUpSeconds is < 0 or > 86400 || double.IsNaN(q.WrapUpSeconds))
            {
                errors.Add($"queues.{id}.wrapUpSeconds: must be from 0 to 86400");
            }
        }

        var r = s.Rules;
        foreach (var (reason, max) in r.NotReadyMaxSeconds)
        {
            if (max is <= 0 or > 86400 || double.IsNaN(max))
            {
                errors.Add($"rules.notReadyMaxSeconds.{reason}: must be above 0 and at most 86400");
            }
        }

        if (!TryParseQuota(r.MaxConcurrentOnBreak, out _, out _))
        {
            errors.Add($"rules.maxConcurrentOnBreak: '{r.MaxConcurrentOnBreak}' must be a count (3) or a percent (20%)");
        }

        CheckRange(errors, "rules.noLeaveFirstMinutes", r.NoLeaveFirstMinutes, 0, 1440);
        CheckRange(errors, "rules.wrapUpMaxSeconds", r.WrapUpMaxSeconds, 1, 86400);
        CheckRange(errors, "rules.holdMaxSeconds", r.HoldMaxSeconds, 1, 86400);
        CheckRange(errors, "rules.longCallSeconds", r.LongCallSeconds, 1, 86400);
        CheckRange(errors, "rules.feedSilenceSeconds", r.FeedSilenceSeconds, 1, 3600);
        CheckRange(errors, "rules.protectWaitingAtLeast", r.ProtectWaitingAtLeast, 1, 100000);
        CheckRange(errors, "rules.qaSampleShare", r.QaSampleShare, 0, 1);
        CheckRange(errors, "rules.slBreachMinCalls", r.SlBreachMinCalls, 1, 100000);
        foreach (var agent in r.QaProbation)
        {
            if (!Events.Identifiers.IsEntityId(agent))
            {
                errors.Add($"rules.qaProbation: '{agent}' is not an agent id ([A-Za-z0-9_.-]{{1,64}})");
            }
        }

        foreach (var reason in r.ApprovalRequired.Concat(r.NotReadyMaxSeconds.Keys.Where(k => k != "*")))
        {
            if (!Events.Identifiers.IsEntityId(reason))
            {
                errors.Add($"rules: '{reason}' is not a not-ready reason ([A-Za-z0-9_.-]{{1,64}})");
            }
        }
        return errors;
    }

    /// <summary>"3" is a count, "20%" a share of staffed agents.</summary>
    public static bool TryParseQuota(string? text, out double value, out bool percent)
    {
        value = 0;
        percent = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim();
        percent = t.EndsWith('%');
        if (percent)
        {
            t = t[..^1];
        }

        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && value >= 0 && (!percent || value <= 100);
    }

    private static void CheckRange(List<string> errors, string field, double v, double min, double max)
    {
        if (v < min || v > max || double.IsNaN(v))
        {
            errors.Add($"{field}: must be from {min} to {max}");
        }
    }
}
