using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;

namespace FloorWatch.Domain.Rules;

/// <summary>
/// The causes an agent's state holds under the center's rules (contract section 5), with the
/// moments each becomes an alert. Judged after every fact the agent folds, so it makes no text
/// and no objects: plain values into a list the caller reuses.
/// </summary>
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
                Reason = dup.OtherSeat,
                Extra = dup.NewSeat,
            });
        }

        switch (a.Phase)
        {
            case AgentPhase.NotReady:
                NotReady(a, r, into);
                break;
            case AgentPhase.WrapUp:
                into.Add(Overtime(AlertKinds.WrapUpOvertime, a.Id, null, a.Since, r.WrapUpMaxSeconds));
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

    private static void NotReady(AgentProjection a, RuleSettings r, List<RuleCondition> into)
    {
        var reason = a.Reason ?? "notready";
        var approved = ApprovedFor(a, reason) is not null;
        var limit = NotReadyLimit(a, r, reason);
        into.Add(Overtime(AlertKinds.NotReadyOvertime, a.Id, null, a.Since, limit) with
        {
            NoticeAt = a.Since.AddSeconds(limit * NoticeShare),
            Reason = reason,
            Extra = approved ? "approved" : null,
        });

        if (!approved && Contains(r.ApprovalRequired, reason))
        {
            into.Add(new RuleCondition
            {
                Kind = AlertKinds.UnapprovedLeave,
                Agent = a.Id,
                Since = a.Since,
                RaiseAt = a.Since,
                Critical = a.LoggedInAt is { } login && (a.Since - login).TotalMinutes < r.NoLeaveFirstMinutes,
                Reason = reason,
                Figure = r.NoLeaveFirstMinutes,
            });
        }
    }

    private static void CallRules(AgentProjection a, AgentCallInfo call, RuleSettings r, List<RuleCondition> into)
    {
        if (call.Held && a.HeldSince is { } held)
        {
            into.Add(Overtime(AlertKinds.HoldOvertime, a.Id, call.Call, held, r.HoldMaxSeconds));
        }

        into.Add(Quality(AlertKinds.QaLongCall, a, call, call.Since.AddSeconds(r.LongCallSeconds)) with { LimitSeconds = r.LongCallSeconds });
        if (call.Vip)
        {
            into.Add(Quality(AlertKinds.QaVip, a, call, call.Since));
        }

        if (a.TaggedAt is { } taggedAt && TagsToReview(call.Tags, r) is { } tags)
        {
            into.Add(Quality(AlertKinds.QaTagged, a, call, taggedAt) with { Extra = tags });
        }

        if (a.Sampled(r.QaSampleShare))
        {
            into.Add(Quality(AlertKinds.QaSample, a, call, call.Since));
        }

        if (r.QaProbation.Count > 0 && Contains(r.QaProbation, a.Id))
        {
            into.Add(Quality(AlertKinds.QaProbation, a, call, call.Since));
        }
    }

    /// <summary>The call's tags that ask for review, joined; null when none does.</summary>
    private static string? TagsToReview(IReadOnlyList<string> tags, RuleSettings r)
    {
        List<string>? hits = null;
        for (var i = 0; i < tags.Count; i++)
        {
            for (var j = 0; j < r.QaTags.Count; j++)
            {
                if (string.Equals(tags[i], r.QaTags[j], StringComparison.OrdinalIgnoreCase))
                {
                    (hits ??= []).Add(tags[i]);
                    break;
                }
            }
        }

        return hits is null ? null : string.Join(", ", hits);
    }

    /// <summary>By index: a foreach over the interface would allocate an enumerator on every fact.</summary>
    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static RuleCondition Quality(string kind, AgentProjection a, AgentCallInfo call, DateTimeOffset at) => new()
    {
        Kind = kind,
        Agent = a.Id,
        Queue = call.Queue,
        Call = call.Call,
        Since = call.Since,
        RaiseAt = at,
    };

    private static RuleCondition Overtime(string kind, string agent, string? callId, DateTimeOffset since, double limit) => new()
    {
        Kind = kind,
        Agent = agent,
        Call = callId,
        Since = since,
        RaiseAt = since.AddSeconds(limit),
        CriticalAt = since.AddSeconds(2 * limit),
        LimitSeconds = limit,
    };
}
