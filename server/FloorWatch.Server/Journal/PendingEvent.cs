using FloorWatch.Domain.Events;

namespace FloorWatch.Server.Journal;

/// <summary>A validated event with the bytes the switch sent, waiting to be journaled.</summary>
public readonly record struct PendingEvent(CtiEvent Event, ReadOnlyMemory<byte> Raw);
