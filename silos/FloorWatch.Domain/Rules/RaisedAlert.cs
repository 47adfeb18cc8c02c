namespace FloorWatch.Domain.Rules;

/// <summary>An alert as its rule sees it: raised, maybe escalated, maybe resolved. <see cref="Version"/> orders the changes of one alert.</summary>
public sealed record RaisedAlert
{
    public required string Key { get; init; }
    public required string Kind { get; init; }
    public required string Severity { get; init; }
    public string? Agent { get; init; }
    public string? Queue { get; init; }
    public string? Call { get; init; }
    public required DateTimeOffset RaisedAt { get; init; }
    public DateTimeOffset? EscalatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public required string Detail { get; init; }
    public int Version { get; init; }
}
