namespace FloorWatch.Domain.Floor;

/// <summary>
/// One ordered fact for one agent or queue, produced by the <see cref="CenterSequencer"/>.
/// Flat on purpose: one small value type for every kind keeps the fan-out cheap to build and copy.
/// </summary>
public readonly record struct FloorFact
{
    public FactKind Kind { get; init; }
    public DateTimeOffset Ts { get; init; }
    public string? Agent { get; init; }
    public string? Call { get; init; }
    public string? Queue { get; init; }
    public AgentPhase Phase { get; init; }
    public string? Reason { get; init; }
    public string? Text { get; init; }
    public double Seconds { get; init; }
    public DateTimeOffset Start { get; init; }
    public bool Flag { get; init; }
    public int Priority { get; init; }
    public IReadOnlyList<string>? List { get; init; }
}
