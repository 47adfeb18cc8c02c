using FloorWatch.Domain.Floor;

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
    [Id(10)] public IReadOnlyDictionary<string, double> SecondsByState { get; init; } = new Dictionary<string, double>();
    [Id(11)] public IReadOnlyDictionary<string, double> SecondsByReason { get; init; } = new Dictionary<string, double>();
    [Id(12)] public long MissedOffers { get; init; }
}
