using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;

namespace FloorWatch.Contracts.Views;

/// <summary>The whole floor of a center at <see cref="AsOf"/> (contract section 3, snapshot).</summary>
[GenerateSerializer, Immutable]
public sealed record CenterSnapshot
{
    [Id(0)] public required string Center { get; init; }
    [Id(1)] public string? Name { get; init; }
    [Id(2)] public DateTimeOffset AsOf { get; init; }
    [Id(3)] public required QueueView Totals { get; init; }
    [Id(4)] public IReadOnlyList<QueueView> Queues { get; init; } = [];
    [Id(5)] public IReadOnlyList<AgentView> Agents { get; init; } = [];
    [Id(6)] public IReadOnlyList<LiveCall> Calls { get; init; } = [];
    [Id(7)] public required FeedView Feed { get; init; }
    [Id(8)] public required CenterSettings Settings { get; init; }

    /// <summary>The last delta already folded into this snapshot; the next one to apply is <c>Seq + 1</c>.</summary>
    [Id(9)] public long Seq { get; init; }

    /// <summary>The alerts not resolved, newest first.</summary>
    [Id(10)] public IReadOnlyList<AlertView> Alerts { get; init; } = [];
}

/// <summary>A waiting or connected call (contract section 2, live calls).</summary>
[GenerateSerializer, Immutable]
public sealed record LiveCall
{
    [Id(0)] public required string Call { get; init; }
    [Id(1)] public string? Queue { get; init; }
    [Id(2)] public int? Position { get; init; }
    [Id(3)] public double? WaitSeconds { get; init; }
    [Id(4)] public string? Agent { get; init; }
    [Id(5)] public double? TalkSeconds { get; init; }
    [Id(6)] public bool Held { get; init; }
    [Id(7)] public bool Vip { get; init; }
    [Id(8)] public IReadOnlyList<string> Tags { get; init; } = [];
    [Id(9)] public IReadOnlyList<string> MonitoredBy { get; init; } = [];

    /// <summary>When the wait (waiting call) or the talk (connected call) began, so a viewer can tick it.</summary>
    [Id(10)] public DateTimeOffset Since { get; init; }
}

/// <summary>What the center knows of its feed: the last event and the anomalies met.</summary>
[GenerateSerializer, Immutable]
public sealed record FeedView
{
    [Id(0)] public long EventsApplied { get; init; }
    [Id(1)] public long JournalSeq { get; init; }
    [Id(2)] public DateTimeOffset? LastEventTs { get; init; }
    [Id(3)] public long Anomalies { get; init; }
    [Id(4)] public IReadOnlyList<Anomaly> RecentAnomalies { get; init; } = [];
}
