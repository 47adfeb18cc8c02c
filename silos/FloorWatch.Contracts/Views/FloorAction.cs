namespace FloorWatch.Contracts.Views;

/// <summary>
/// A person's (or the feed watch's) act on a center's floor, journaled in the floor's order like an
/// event: so it holds across restarts and applies to the floor as it was at that moment.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FloorAction
{
    public const string AcknowledgeAlert = "alert.acknowledge";
    public const string RequestBreak = "break.request";
    public const string ApproveBreak = "break.approve";
    public const string DenyBreak = "break.deny";
    public const string FeedSilent = "feed.silent";
    public const string FeedHeard = "feed.heard";

    [Id(0)] public required string Kind { get; init; }

    /// <summary>The alert or break request acted on (for a request: its new id).</summary>
    [Id(1)] public string? Id { get; init; }
    [Id(2)] public string? Agent { get; init; }
    [Id(3)] public string? Reason { get; init; }
    [Id(4)] public int Minutes { get; init; }
    [Id(5)] public string? Why { get; init; }
    [Id(6)] public required string By { get; init; }
    [Id(7)] public required DateTimeOffset At { get; init; }
}
