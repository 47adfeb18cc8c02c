using FloorWatch.Contracts.Views;

namespace FloorWatch.Contracts.Grains;

/// <summary>The time and clock a view is asked for: a push's, handed to the grains it fans facts out to.</summary>
[GenerateSerializer, Immutable]
public sealed record ViewAsOf([property: Id(0)] DateTimeOffset At, [property: Id(1)] ClockInfo Clock);
