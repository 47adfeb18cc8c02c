namespace FloorWatch.Domain.Floor;

/// <summary>A call waiting in a queue, as the live-calls list shows it.</summary>
public sealed record WaitingCall
{
    public required string Call { get; init; }
    public required string Queue { get; init; }
    public required DateTimeOffset EnteredAt { get; init; }
    public int Position { get; init; }
    public bool Vip { get; init; }
    public int Priority { get; init; }
    public string? Caller { get; init; }
    public string? RingingAgent { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
}
