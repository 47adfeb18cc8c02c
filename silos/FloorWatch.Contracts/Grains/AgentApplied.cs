using FloorWatch.Contracts.Views;

namespace FloorWatch.Contracts.Grains;

/// <summary>What an agent's facts changed: its alerts, and its view's draft when the center is watched.</summary>
[GenerateSerializer, Immutable]
public sealed record AgentApplied([property: Id(0)] AlertView[] Alerts, [property: Id(1)] AgentViewDraft? Draft);
