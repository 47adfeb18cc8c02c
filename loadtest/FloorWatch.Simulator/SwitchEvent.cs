namespace FloorWatch.Simulator;

/// <summary>One CTI event as the switch sends it (contract section 1); only the fields its type uses are set.</summary>
public sealed record SwitchEvent
{
    public string Id { get; init; } = "";
    public DateTimeOffset Ts { get; init; }
    public string Center { get; init; } = "";
    public required string Type { get; init; }
    public string? Agent { get; init; }
    public string? Call { get; init; }
    public string? Seat { get; init; }
    public string? Name { get; init; }
    public string? Reason { get; init; }
    public string? Queue { get; init; }
    public string? Caller { get; init; }
    public bool? Vip { get; init; }
    public int? Priority { get; init; }
    public string? RecordingUrl { get; init; }
    public IReadOnlyList<string>? Queues { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
}
