namespace FloorWatch.Contracts.Views;

/// <summary>A break request and what became of it (contract section 5).</summary>
[GenerateSerializer, Immutable]
public sealed record BreakView
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Denied = "denied";
    public const string Refused = "refused";
    public const string Taken = "taken";
    public const string Ended = "ended";

    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Center { get; init; }
    [Id(2)] public required string Agent { get; init; }
    [Id(3)] public required string Reason { get; init; }
    [Id(4)] public int Minutes { get; init; }
    [Id(5)] public required string RequestedBy { get; init; }
    [Id(6)] public DateTimeOffset RequestedAt { get; init; }
    [Id(7)] public required string State { get; init; }
    [Id(8)] public string? DecidedBy { get; init; }
    [Id(9)] public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>Why it was denied or refused.</summary>
    [Id(10)] public string? Why { get; init; }
}
