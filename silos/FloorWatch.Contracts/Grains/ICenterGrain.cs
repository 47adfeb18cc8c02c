using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Settings;

namespace FloorWatch.Contracts.Grains;

/// <summary>A center, keyed by its id: the sequencer that applies the center's journal in order and fans facts out.</summary>
public interface ICenterGrain : IGrainWithStringKey
{
    /// <summary>Sets the settings from configuration, if nothing has been applied yet.</summary>
    Task Initialize(CenterSettings settings);

    /// <summary>
    /// Applies journal entries in order; entries at or below the applied position are skipped.
    /// True when viewers watch the center, which then gathers its facts until its next push; false
    /// when they went out to the agents and queues at once.
    /// </summary>
    Task<bool> Apply(Immutable<JournalEntry[]> entries);

    Task<CenterSnapshot> Snapshot(DateTimeOffset asOf);

    /// <summary>The center's own figures (all queues, every agent once), without asking each queue and agent.</summary>
    Task<QueueView> Totals(DateTimeOffset asOf);

    /// <summary>Every interval of business day <paramref name="day"/> for one queue, or for the center when <paramref name="queue"/> is null; null for an unknown queue.</summary>
    Task<IntervalRow[]?> Intervals(DateOnly day, string? queue, DateTimeOffset asOf);

    /// <summary>Every interval of business day <paramref name="day"/> for one agent; null for an unknown agent.</summary>
    Task<AgentIntervalRow[]?> AgentIntervals(string agent, DateOnly day, DateTimeOffset asOf);

    Task<CenterSettings> Settings();

    /// <summary>One agent's view; null for an agent this center has never seen.</summary>
    Task<AgentView?> Agent(string agent, DateTimeOffset asOf);

    /// <summary>
    /// Subscribes a server node to this center's deltas, or renews its lease. Deltas go out at most
    /// every push interval, only while some node is subscribed.
    /// </summary>
    Task Subscribe(IFloorObserver observer);

    Task Unsubscribe(IFloorObserver observer);

    /// <summary>The journal's replay at start has been applied: from now on the wall clock moves the rules too.</summary>
    Task GoLive();

    /// <summary>Alerts a timer of an agent or queue changed; one-way, as the center may be waiting on that grain.</summary>
    [OneWay]
    Task Changed(string? agent, AlertView[] alerts);

    /// <summary>Alerts newest first: those not resolved, or all that are kept.</summary>
    Task<AlertView[]> Alerts(bool all);

    Task<AlertView?> Alert(string id);

    /// <summary>Break requests newest first: those pending, or all that are kept.</summary>
    Task<BreakView[]> Breaks(bool all);

    Task<BreakView?> Break(string id);

    /// <summary>
    /// <paramref name="by"/> monitors the connected call <paramref name="callId"/> (the switch took the
    /// command): the call's <c>monitoredBy</c> names them until it ends. Not journaled: a restart forgets it.
    /// </summary>
    Task Monitoring(string callId, string by);

    /// <summary>The business day that holds <paramref name="asOf"/> on the center's clock.</summary>
    Task<DateOnly> BusinessDay(DateTimeOffset asOf);
}
