using FloorWatch.Contracts.Views;
using FloorWatch.Grains.Push;

namespace FloorWatch.Grains.Tests;

/// <summary>
/// The live calls as <see cref="LiveCallSet"/> kept them before it went incremental: every diff rebuilt
/// all live calls and compared each with what was sent. Kept as it was (only renamed), as the reference
/// the incremental set must match.
/// </summary>
internal sealed class FullRebuildLiveCalls
{
    private readonly Dictionary<string, LiveCall[]> _waitingByQueue = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LiveCall> _connectedByAgent = new(StringComparer.Ordinal);
    private Dictionary<string, LiveCall> _sent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _monitors = new(StringComparer.Ordinal);

    /// <summary>
    /// Notes that <paramref name="by"/> monitors a live call; answers the agent whose view carries it
    /// connected, or null when it is not connected yet as last seen here (the switch may have answered
    /// it a moment before this center heard so).
    /// </summary>
    public string? Monitor(string call, string by)
    {
        if (!_monitors.TryGetValue(call, out var users))
        {
            _monitors[call] = users = new SortedSet<string>(StringComparer.Ordinal);
        }

        users.Add(by);
        return _connectedByAgent.FirstOrDefault(kv => kv.Value.Call == call).Key;
    }

    /// <summary>The call with who monitors it.</summary>
    public LiveCall WithMonitors(LiveCall call) =>
        _monitors.TryGetValue(call.Call, out var users) ? call with { MonitoredBy = [.. users] } : call;

    public void SetQueue(QueueView queue) =>
        _waitingByQueue[queue.Id] = queue.WaitingCalls.Select(LiveCalls.Waiting).ToArray();

    public void SetAgent(AgentView agent)
    {
        if (agent.Call is { } call)
        {
            _connectedByAgent[agent.Id] = LiveCalls.Connected(agent.Id, call);
        }
        else
        {
            _connectedByAgent.Remove(agent.Id);
        }
    }

    /// <summary>The calls that are new or differ from what was last sent, and the ids that are gone; then this becomes what was sent. <paramref name="isLive"/> says which calls have not ended.</summary>
    public (List<LiveCall> Changed, List<string> Ended) Diff(Func<string, bool> isLive)
    {
        // Monitoring ends with its call.
        foreach (var call in _monitors.Keys.Where(id => !isLive(id)).ToList())
        {
            _monitors.Remove(call);
        }

        var now = Current();
        var changed = now.Values.Where(c => !_sent.TryGetValue(c.Call, out var before) || !Same(before, c)).ToList();
        var ended = _sent.Keys.Where(id => !now.ContainsKey(id)).ToList();
        _sent = now;
        return (changed, ended);
    }

    private Dictionary<string, LiveCall> Current()
    {
        var calls = new Dictionary<string, LiveCall>(StringComparer.Ordinal);
        foreach (var waiting in _waitingByQueue.Values)
        {
            foreach (var c in waiting)
            {
                calls[c.Call] = c;
            }
        }

        foreach (var c in _connectedByAgent.Values)
        {
            calls[c.Call] = WithMonitors(c);
        }

        return calls;
    }

    // Times are left out: a viewer ticks them from Since.
    private static bool Same(LiveCall a, LiveCall b) =>
        a.Queue == b.Queue && a.Position == b.Position && a.Agent == b.Agent && a.Held == b.Held
        && a.Vip == b.Vip && a.Since == b.Since && a.Tags.SequenceEqual(b.Tags) && a.MonitoredBy.SequenceEqual(b.MonitoredBy);
}
