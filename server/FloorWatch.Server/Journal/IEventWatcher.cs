using FloorWatch.Domain.Events;

namespace FloorWatch.Server.Journal;

/// <summary>Told of each event once it is durable (not for duplicates, nor for the replay at start): how commands see the switch's answer.</summary>
public interface IEventWatcher
{
    /// <summary>Called on the journal writer's thread: must be quick and must not throw.</summary>
    void Durable(CtiEvent e);
}
