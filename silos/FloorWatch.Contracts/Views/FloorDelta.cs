namespace FloorWatch.Contracts.Views;

/// <summary>
/// The queues, agents and calls of a center that changed since the previous delta (contract
/// section 4). Views are whole: a receiver replaces what it holds by id.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FloorDelta
{
    [Id(0)] public required string Center { get; init; }
    [Id(1)] public long Seq { get; init; }
    [Id(2)] public DateTimeOffset AsOf { get; init; }

    /// <summary>The earliest and latest <c>ts</c> of the events folded in since the previous delta; null when only time moved.</summary>
    [Id(3)] public DateTimeOffset? OldestEventTs { get; init; }
    [Id(4)] public DateTimeOffset? NewestEventTs { get; init; }

    [Id(5)] public required QueueView Totals { get; init; }
    [Id(6)] public IReadOnlyList<QueueView> Queues { get; init; } = [];
    [Id(7)] public IReadOnlyList<AgentView> Agents { get; init; } = [];

    /// <summary>Calls that started or changed (queue, position, agent, hold, tags).</summary>
    [Id(8)] public IReadOnlyList<LiveCall> Calls { get; init; } = [];

    /// <summary>Ids of calls that are no longer waiting nor connected.</summary>
    [Id(9)] public IReadOnlyList<string> EndedCalls { get; init; } = [];

    [Id(10)] public required FeedView Feed { get; init; }

    /// <summary>The open alerts of the agents in <see cref="Agents"/>, for their rows.</summary>
    [Id(11)] public IReadOnlyList<AlertView> AgentAlerts { get; init; } = [];
}
