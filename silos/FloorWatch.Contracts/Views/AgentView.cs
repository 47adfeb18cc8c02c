using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Rules;

namespace FloorWatch.Contracts.Views;

/// <summary>An agent on the floor (contract section 2, per agent).</summary>
[GenerateSerializer, Immutable]
public sealed record AgentView
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public string? Name { get; init; }
    [Id(2)] public string? Seat { get; init; }
    [Id(3)] public IReadOnlyList<string> Queues { get; init; } = [];
    [Id(4)] public required string State { get; init; }
    [Id(5)] public string? Reason { get; init; }
    [Id(6)] public DateTimeOffset Since { get; init; }
    [Id(7)] public AgentCallInfo? Call { get; init; }
    [Id(8)] public long Handled { get; init; }
    [Id(9)] public double? AhtSeconds { get; init; }
    // Empty by default, one map for all: a view is made with its own seconds, so a new dictionary here would be dropped at once.
    [Id(10)] public IReadOnlyDictionary<string, double> SecondsByState { get; init; } = ReasonSecondsDictionary.Empty;
    [Id(11)] public IReadOnlyDictionary<string, double> SecondsByReason { get; init; } = ReasonSecondsDictionary.Empty;
    [Id(12)] public long MissedOffers { get; init; }

    /// <summary>The agent's own early warning (80 % of a not-ready limit); the agent's page shows it.</summary>
    [Id(13)] public AgentNotice? Notice { get; init; }

    /// <summary>When this login began; null while logged out.</summary>
    [Id(14)] public DateTimeOffset? LoggedInAt { get; init; }
}
