using FloorWatch.Domain.Events;
using FloorWatch.Domain.Settings;

namespace FloorWatch.Contracts.Views;

/// <summary>One journal record in a center's order: an event, a settings change in force from here on, or a person's act on the floor.</summary>
[GenerateSerializer, Immutable]
public sealed record JournalEntry([property: Id(0)] long Seq, [property: Id(1)] CtiEvent? Event, [property: Id(2)] CenterSettings? Settings, [property: Id(3)] FloorAction? Action = null);
