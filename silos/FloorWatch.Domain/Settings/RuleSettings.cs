namespace FloorWatch.Domain.Settings;

/// <summary>The floor rules of contract section 5, with the operations manual's defaults.</summary>
public sealed record RuleSettings
{
    public IReadOnlyDictionary<string, double> NotReadyMaxSeconds { get; init; } = new Dictionary<string, double>
    {
        ["away"] = 300,
        ["restroom"] = 300,
        ["break"] = 900,
        ["lunch"] = 3600,
        ["*"] = 600,
    };

    public IReadOnlyList<string> ApprovalRequired { get; init; } = ["break", "lunch", "meeting", "training"];

    /// <summary>A count ("3") or a percent of staffed ("20%").</summary>
    public string MaxConcurrentOnBreak { get; init; } = "20%";

    public double NoLeaveFirstMinutes { get; init; } = 60;
    public double WrapUpMaxSeconds { get; init; } = 120;
    public double HoldMaxSeconds { get; init; } = 120;
    public double LongCallSeconds { get; init; } = 900;
    public bool ProtectServiceLevel { get; init; } = true;
    public int ProtectWaitingAtLeast { get; init; } = 5;
    public double FeedSilenceSeconds { get; init; } = 15;

    /// <summary>The share of calls drawn for quality review (qa.sample).</summary>
    public double QaSampleShare { get; init; } = 0.02;

    /// <summary>Agents on the quality watch list (qa.probation).</summary>
    public IReadOnlyList<string> QaProbation { get; init; } = [];

    /// <summary>Call tags that ask for a quality inspector (qa.tagged).</summary>
    public IReadOnlyList<string> QaTags { get; init; } = ["complaint", "escalation"];

    /// <summary>Calls an interval needs before its service level can breach (one late call at 00:01 is not a breach).</summary>
    public int SlBreachMinCalls { get; init; } = 5;
}
