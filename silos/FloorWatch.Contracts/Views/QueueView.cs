using FloorWatch.Domain.Figures;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;

namespace FloorWatch.Contracts.Views;

/// <summary>A queue on the floor: now, this interval, today (contract section 3, snapshot).</summary>
[GenerateSerializer, Immutable]
public sealed record QueueView
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public string? Name { get; init; }
    [Id(2)] public required QueueNowView Now { get; init; }
    [Id(3)] public required WindowFigures Interval { get; init; }
    [Id(4)] public required WindowFigures Today { get; init; }
    [Id(5)] public int RequiredAgents { get; init; }
    [Id(6)] public required QueueSettings Settings { get; init; }
    [Id(7)] public IReadOnlyList<WaitingCall> WaitingCalls { get; init; } = [];
}

/// <summary>The "now" figures with the staffing estimates.</summary>
[GenerateSerializer, Immutable]
public sealed record QueueNowView
{
    [Id(0)] public required QueueNow Counts { get; init; }
    [Id(1)] public int RequiredAgents { get; init; }
    [Id(2)] public double? EstimatedWaitSeconds { get; init; }
}
