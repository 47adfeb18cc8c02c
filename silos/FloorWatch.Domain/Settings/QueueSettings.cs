namespace FloorWatch.Domain.Settings;

/// <summary>One queue's settings; defaults are the contract's.</summary>
public sealed record QueueSettings
{
    public string? Name { get; init; }
    public double SlThresholdSeconds { get; init; } = 20;
    public double SlTarget { get; init; } = 0.80;
    public double ShortAbandonSeconds { get; init; } = 5;
    public SlFormula SlFormula { get; init; } = SlFormula.AbandonsCount;
    public double WrapUpSeconds { get; init; }

    public static QueueSettings Default { get; } = new();
}
