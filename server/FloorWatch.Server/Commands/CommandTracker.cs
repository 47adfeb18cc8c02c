using System.Threading.Channels;
using FloorWatch.Domain.Events;
using FloorWatch.Server.Journal;

namespace FloorWatch.Server.Commands;

/// <summary>
/// Follows commands from pending to their end. A command sent to the switch is done when the
/// switch's own event shows its effect (<see cref="Confirmation"/>) and failed when none comes
/// within <see cref="ConfirmWithin"/>. One that waits for the agent's call starts that clock only
/// when the call ends (or the agent logs out). Every change goes out on <see cref="Changes"/>, in order.
/// </summary>
public sealed class CommandTracker(CommandStore store, TimeProvider time) : IEventWatcher, IDisposable
{
    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, Entry> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Center, string Agent), List<Entry>> _byAgent = [];
    private readonly Dictionary<(string Center, string Call), List<Entry>> _byCall = [];
    private readonly Channel<CommandChange> _changes = Channel.CreateUnbounded<CommandChange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();

    private sealed class Entry(CommandRecord record, string? before)
    {
        public CommandRecord Record { get; set; } = record;
        public string? Before { get; } = before;
        public Confirmation? Confirm { get; set; }
        public string? WaitsForCall { get; set; }
        public ITimer? Clock { get; set; }
    }

    /// <summary>Each change of a command, for its sender's hub connection and the audit log.</summary>
    public ChannelReader<CommandChange> Changes => _changes.Reader;

    /// <summary>Takes a new pending command; <paramref name="before"/> is the agent's state as the audit log shows it.</summary>
    public void Open(CommandRecord record, string? before)
    {
        lock (_gate)
        {
            var entry = new Entry(record with { State = CommandState.Pending }, before);
            _pending[record.Id] = entry;
            Publish(entry);
        }
    }

    /// <summary>
    /// Waits for the switch's event that confirms the command, before it is sent so the answer cannot
    /// be missed. With <paramref name="waitsForCall"/> the clock starts only when that call ends.
    /// </summary>
    public void Expect(string id, Confirmation confirm, string? waitsForCall)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(id, out var entry))
            {
                return;
            }

            entry.Confirm = confirm;
            Index(_byAgent, (entry.Record.Center, confirm.Agent), entry);
            if (waitsForCall is null)
            {
                StartClock(entry);
                return;
            }

            entry.WaitsForCall = waitsForCall;
            Index(_byCall, (entry.Record.Center, waitsForCall), entry);
            entry.Record = entry.Record with { Outcome = $"waits for the end of call {waitsForCall}" };
            Publish(entry);
        }
    }

    /// <summary>Ends a pending command; false if it had already ended.</summary>
    public bool Finish(string id, CommandState state, string outcome)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(id, out var entry))
            {
                return false;
            }

            End(entry, state, outcome);
            return true;
        }
    }

    public void Durable(CtiEvent e)
    {
        // Most events confirm nothing: a look-up under the lock, no allocation.
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            if (e.Agent is { } agent && _byAgent.TryGetValue((e.Center, agent), out var forAgent))
            {
                foreach (var entry in forAgent.ToArray())
                {
                    if (entry.Confirm!.Matches(e))
                    {
                        End(entry, CommandState.Done, $"the switch sent {e.Type.Name()} (event {e.Id})");
                    }
                    else if (e.Type == EventType.AgentLogout && entry.WaitsForCall is not null)
                    {
                        CallOver(entry, $"{agent} logged out");
                    }
                }
            }

            if (e.Call is { } call && _byCall.TryGetValue((e.Center, call), out var forCall))
            {
                foreach (var entry in forCall.ToArray())
                {
                    if (EndsCallFor(e, entry.Confirm!.Agent))
                    {
                        CallOver(entry, $"call {call} ended ({e.Type.Name()})");
                    }
                }
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="e"/> ends the agent's part in its call: the call ended, was abandoned
    /// or overflowed, was handed on by them (not to them), or stopped ringing them.
    /// </summary>
    private static bool EndsCallFor(CtiEvent e, string agent) => e.Type switch
    {
        EventType.CallEnded or EventType.CallAbandoned or EventType.CallOverflowed => true,
        EventType.CallTransferred => e.Agent != agent,
        EventType.CallRingNoAnswer => e.Agent == agent,
        _ => false,
    };

    private void CallOver(Entry entry, string what)
    {
        Unindex(_byCall, (entry.Record.Center, entry.WaitsForCall!), entry);
        entry.WaitsForCall = null;
        entry.Record = entry.Record with { Outcome = $"{what}; waiting for the switch to show the effect" };
        Publish(entry);
        StartClock(entry);
    }

    private void StartClock(Entry entry) =>
        entry.Clock = time.CreateTimer(_ => Expire(entry), null, ConfirmWithin, Timeout.InfiniteTimeSpan);

    private void Expire(Entry entry)
    {
        lock (_gate)
        {
            if (_pending.TryGetValue(entry.Record.Id, out var current) && current == entry)
            {
                End(entry, CommandState.Failed, $"the switch showed no effect within {ConfirmWithin.TotalSeconds:0} s");
            }
        }
    }

    private void End(Entry entry, CommandState state, string outcome)
    {
        _pending.Remove(entry.Record.Id);
        entry.Clock?.Dispose();
        if (entry.Confirm is { } confirm)
        {
            Unindex(_byAgent, (entry.Record.Center, confirm.Agent), entry);
        }

        if (entry.WaitsForCall is { } call)
        {
            Unindex(_byCall, (entry.Record.Center, call), entry);
        }

        entry.Record = entry.Record with { State = state, Outcome = outcome, FinishedAt = time.GetUtcNow() };
        Publish(entry);
    }

    /// <summary>Called under the lock, so the changes of one command go out in the order they happened.</summary>
    private void Publish(Entry entry)
    {
        store.Put(entry.Record);
        _changes.Writer.TryWrite(new CommandChange(entry.Record, entry.Before));
    }

    private static void Index<TKey>(Dictionary<TKey, List<Entry>> index, TKey key, Entry entry)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(entry);
    }

    private static void Unindex<TKey>(Dictionary<TKey, List<Entry>> index, TKey key, Entry entry)
        where TKey : notnull
    {
        if (index.TryGetValue(key, out var list) && list.Remove(entry) && list.Count == 0)
        {
            index.Remove(key);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var entry in _pending.Values)
            {
                entry.Clock?.Dispose();
            }

            _changes.Writer.TryComplete();
        }
    }
}
