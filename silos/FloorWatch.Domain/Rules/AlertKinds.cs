namespace FloorWatch.Domain.Rules;

/// <summary>The alert kinds of contract section 5.</summary>
public static class AlertKinds
{
    public const string NotReadyOvertime = "notready.overtime";
    public const string UnapprovedLeave = "unapproved.leave";
    public const string BreakConcurrency = "break.concurrency";
    public const string WrapUpOvertime = "wrapup.overtime";
    public const string HoldOvertime = "hold.overtime";
    public const string LoginDuplicate = "login.duplicate";
    public const string SlBreach = "sl.breach";
    public const string FeedDown = "feed.down";
    public const string QaLongCall = "qa.longcall";
    public const string QaVip = "qa.vip";
    public const string QaTagged = "qa.tagged";
    public const string QaSample = "qa.sample";
    public const string QaProbation = "qa.probation";

    public const string Warning = "warning";
    public const string Critical = "critical";

    /// <summary>Quality staff see these; supervisors see every kind.</summary>
    public static bool IsQuality(string kind) => kind.StartsWith("qa.", StringComparison.Ordinal);

    /// <summary>The kinds a wallboard shows: the floor's, not a person's.</summary>
    public static bool IsFloorWide(string kind) => kind is BreakConcurrency or SlBreach or FeedDown;
}
