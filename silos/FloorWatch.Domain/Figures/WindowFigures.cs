namespace FloorWatch.Domain.Figures;

/// <summary>A queue's (or center's) figures for one window, unrounded (contract section 2).</summary>
public sealed record WindowFigures
{
    public long Offered { get; init; }
    public long Answered { get; init; }
    public long Abandoned { get; init; }
    public long ShortAbandoned { get; init; }
    public long Overflowed { get; init; }
    public long TransferredOut { get; init; }
    public long AnsweredWithinThreshold { get; init; }
    public double? ServiceLevel { get; init; }
    public double? AsaSeconds { get; init; }
    public double? AbandonRate { get; init; }
    public long Handled { get; init; }
    public double? AhtSeconds { get; init; }
    public double? Occupancy { get; init; }
}
