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
}
