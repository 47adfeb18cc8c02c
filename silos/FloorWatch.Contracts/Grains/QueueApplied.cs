using FloorWatch.Contracts.Views;

namespace FloorWatch.Contracts.Grains;

/// <summary>What a queue's facts changed: its alerts, and its view when the center asked for one for its push.</summary>
[GenerateSerializer, Immutable]
public sealed record QueueApplied([property: Id(0)] AlertView[] Alerts, [property: Id(1)] QueueView? View);
