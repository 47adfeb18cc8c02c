namespace FloorWatch.Contracts.Views;

/// <summary>
/// An agent's view as its grain last left it, without the time of the state it is in: its
/// figures hold until its next fact, so a push finishes it for its own moment instead of asking
/// the grain again (AgentViewBuilder.Finish).
/// </summary>
/// <param name="View">The view whose seconds per state and per reason leave out the open state.</param>
/// <param name="Day">The business day those figures are of.</param>
[GenerateSerializer, Immutable]
public sealed record AgentViewDraft([property: Id(0)] AgentView View, [property: Id(1)] DateOnly Day);
