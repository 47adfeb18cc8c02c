using FloorWatch.Domain.Figures;

namespace FloorWatch.Contracts.Views;

/// <summary>One 15-minute interval of a queue's or the center's history.</summary>
[GenerateSerializer, Immutable]
public sealed record IntervalRow([property: Id(0)] DateTimeOffset Start, [property: Id(1)] DateTimeOffset End, [property: Id(2)] WindowFigures Figures);

/// <summary>One 15-minute interval of an agent's time per state.</summary>
[GenerateSerializer, Immutable]
public sealed record AgentIntervalRow(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End,
    [property: Id(2)] IReadOnlyDictionary<string, double> SecondsByState,
    [property: Id(3)] IReadOnlyDictionary<string, double> SecondsByReason,
    [property: Id(4)] long Handled,
    [property: Id(5)] double? AhtSeconds);
