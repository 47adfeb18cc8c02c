using FloorWatch.Domain.Events;
using FloorWatch.Domain.Settings;

namespace FloorWatch.Domain.Floor;

/// <summary>
/// The center's sequencer: applies the center's events in order, keeps the call routing table and
/// each agent's state machine, and turns every event into ordered facts for the agents and queues
/// it touches (contract sections 1 and 2). The agent state machine lives here, not in the seat,
/// because routing a call (who was ringing, whose leg ends) needs it in the same order.
/// </summary>
public sealed class CenterSequencer
{
    private readonly Dictionary<string, AgentCore> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CallCore> _calls = new(StringComparer.Ordinal);
    private FactBatch _out = new();
    private CtiEvent _event = null!;

    public CenterSequencer(CenterSettings settings) => Settings = settings;

    public CenterSettings Settings { get; set; }

    public AnomalyLog Anomalies { get; } = new();

    public IEnumerable<string> KnownQueues => _queuesSeen;

    /// <summary>Whether the call is waiting, ringing or connected now.</summary>
    public bool IsLive(string call) => _calls.ContainsKey(call);

    private readonly HashSet<string> _queuesSeen = new(StringComparer.Ordinal);

    public void Apply(CtiEvent e, FactBatch output)
    {
        _out = output;
        _event = e;
        switch (e.Type)
        {
            case EventType.AgentLogin: Login(e); break;
            case EventType.AgentReady: SetPhase(e.Agent!, AgentFor(e.Agent!), AgentPhase.Available, null, e.Ts); break;
            case EventType.AgentNotReady: SetPhase(e.Agent!, AgentFor(e.Agent!), AgentPhase.NotReady, e.Reason, e.Ts); break;
            case EventType.AgentLogout: SetPhase(e.Agent!, AgentFor(e.Agent!), AgentPhase.LoggedOut, e.Reason, e.Ts); break;
            case EventType.AgentQueues: SetQueues(e.Agent!, AgentFor(e.Agent!), e.Queues!, e.Ts); break;
            case EventType.CallQueued: Queued(e); break;
            case EventType.CallRinging: Ringing(e); break;
            case EventType.CallRingNoAnswer: RingNoAnswer(e); break;
            case EventType.CallAnswered: Answered(e); break;
            case EventType.CallHeld: Hold(e, true); break;
            case EventType.CallRetrieved: Hold(e, false); break;
            case EventType.CallEnded: Ended(e); break;
            case EventType.CallAbandoned: Abandoned(e); break;
            case EventType.CallOverflowed: Overflowed(e); break;
            case EventType.CallTransferred: Transferred(e); break;
            case EventType.CallTagged: Tagged(e); break;
            default: break;
        }
    }

    private sealed class AgentCore
    {
        public AgentPhase Phase;
        public string? Reason;
        public DateTimeOffset Since;
        public string[] Queues = [];
        public string? ConnectedCall;
        public string? RingingCall;
        public bool LegOpen;
        public string? LegQueue;
        public DateTimeOffset LegStart;
    }

    private sealed class CallCore
    {
        public string? WaitingQueue;
        public DateTimeOffset EntryTs;
        public string? RingingAgent;
        public string? ConnectedAgent;
        public string? AnsweredQueue;
        public bool Vip;
        public int Priority;
        public string? Caller;
        public string[] Tags = [];
    }

    private AgentCore AgentFor(string id)
    {
        if (!_agents.TryGetValue(id, out var a))
        {
            a = new AgentCore();
            _agents[id] = a;
        }

        return a;
    }

    private CallCore CallFor(string id)
    {
        if (!_calls.TryGetValue(id, out var c))
        {
            c = new CallCore();
            _calls[id] = c;
        }

        return c;
    }

    private void Anomaly(string what) => Anomalies.Add(new Anomaly(_event.Ts, _event.Id, what));

    private double Seconds(DateTimeOffset from, DateTimeOffset to)
    {
        var s = (to - from).TotalSeconds;
        if (s < 0)
        {
            Anomaly($"negative duration of {s:0.###} s counted as 0");
            return 0;
        }

        return s;
    }

    // ---- agents ----

    private void Login(CtiEvent e)
    {
        var id = e.Agent!;
        var a = AgentFor(id);
        if (a.Phase != AgentPhase.LoggedOut)
        {
            Anomaly($"agent {id} logged in again at seat {e.Seat} while logged in");
        }

        _out.ToAgent(id, new FloorFact { Kind = FactKind.AgentLoggedIn, Ts = e.Ts, Agent = id, Text = e.Seat, Reason = e.Name, List = e.Queues });
        SetPhase(id, a, AgentPhase.NotReady, "login", e.Ts);
        SetQueues(id, a, e.Queues!, e.Ts);
    }

    private void SetQueues(string id, AgentCore a, IReadOnlyList<string> queues, DateTimeOffset ts)
    {
        var next = queues.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var q in a.Queues)
        {
            if (Array.IndexOf(next, q) < 0)
            {
                _out.ToQueueOnly(q, Member(id, AgentPhase.LoggedOut, null, ts));
            }
        }

        foreach (var q in next)
        {
            _queuesSeen.Add(q);
            if (Array.IndexOf(a.Queues, q) < 0)
            {
                _out.ToQueueOnly(q, Member(id, a.Phase, a.Reason, ts));
            }
        }

        a.Queues = next;
        _out.ToAgent(id, new FloorFact { Kind = FactKind.AgentQueues, Ts = ts, Agent = id, List = next });
    }

    private static FloorFact Member(string agent, AgentPhase phase, string? reason, DateTimeOffset ts) =>
        new() { Kind = FactKind.MemberPhase, Ts = ts, Agent = agent, Phase = phase, Reason = reason };

    /// <summary>Moves an agent to a phase: ends a ring and a leg that the new phase ends, then tells the agent, its queues and the center.</summary>
    private void SetPhase(string id, AgentCore a, AgentPhase phase, string? reason, DateTimeOffset ts)
    {
        if (a.RingingCall is { } ringing && phase != AgentPhase.Ringing)
        {
            a.RingingCall = null;
            if (_calls.TryGetValue(ringing, out var rc) && rc.RingingAgent == id)
            {
                rc.RingingAgent = null;
                if (rc.WaitingQueue is { } wq)
                {
                    _out.ToQueueAndCenter(wq, new FloorFact { Kind = FactKind.CallRinging, Ts = ts, Call = ringing });
                }
            }
        }

        if (a.LegOpen && phase is not (AgentPhase.OnCall or AgentPhase.WrapUp))
        {
            EndLeg(id, a, ts);
        }

        if (a.Phase == phase && a.Reason == reason)
        {
            return;
        }

        if (a.Phase != AgentPhase.LoggedOut)
        {
            // The time in the state that ends here; the projections count a negative one as 0, the anomaly is reported here.
            Seconds(a.Since, ts);
        }

        a.Since = ts > a.Since ? ts : a.Since;
        a.Phase = phase;
        a.Reason = reason;
        _out.ToAgent(id, new FloorFact { Kind = FactKind.AgentPhase, Ts = ts, Agent = id, Phase = phase, Reason = reason });
        var member = Member(id, phase, reason, ts);
        foreach (var q in a.Queues)
        {
            _out.ToQueueOnly(q, member);
        }

        _out.ToCenterOnly(member);
    }

    private void EndLeg(string id, AgentCore a, DateTimeOffset ts)
    {
        a.LegOpen = false;
        var fact = new FloorFact { Kind = FactKind.LegHandled, Ts = ts, Agent = id, Queue = a.LegQueue, Start = a.LegStart, Seconds = Seconds(a.LegStart, ts) };
        _out.ToAgent(id, fact);
        if (a.LegQueue is { } q)
        {
            _out.ToQueueAndCenter(q, fact);
        }
        else
        {
            _out.ToCenterOnly(fact);
        }
    }

    /// <summary>Connects an agent to a call and opens the agent's leg (ending any leg still in wrap-up).</summary>
    private void Connect(string id, AgentCore a, string callId, CallCore c, DateTimeOffset ts)
    {
        if (a.LegOpen)
        {
            EndLeg(id, a, ts);
        }

        if (a.ConnectedCall is { } previous && previous != callId)
        {
            Anomaly($"agent {id} connected to call {callId} while still on call {previous}");
        }

        c.RingingAgent = c.RingingAgent == id ? null : c.RingingAgent;
        a.RingingCall = null;
        SetPhase(id, a, AgentPhase.OnCall, null, ts);
        a.LegOpen = true;
        a.LegQueue = c.AnsweredQueue;
        a.LegStart = ts;
        a.ConnectedCall = callId;
        c.ConnectedAgent = id;
        _out.ToAgent(id, new FloorFact { Kind = FactKind.AgentCall, Ts = ts, Agent = id, Call = callId, Queue = c.AnsweredQueue, Flag = c.Vip, List = c.Tags });
    }

    /// <summary>The connected agent's talk ends: wrap-up starts, the leg stays open until it ends.</summary>
    private void Disconnect(CallCore c, DateTimeOffset ts)
    {
        if (c.ConnectedAgent is not { } id)
        {
            return;
        }

        c.ConnectedAgent = null;
        var a = AgentFor(id);
        a.ConnectedCall = null;
        _out.ToAgent(id, new FloorFact { Kind = FactKind.AgentCall, Ts = ts, Agent = id });
        SetPhase(id, a, AgentPhase.WrapUp, null, ts);
    }

    // ---- calls ----

    /// <summary>A waiting call stops ringing its agent for a reason other than that agent answering.</summary>
    private void StopRinging(CallCore c, DateTimeOffset ts)
    {
        if (c.RingingAgent is not { } id)
        {
            return;
        }

        var a = AgentFor(id);
        if (a.Phase == AgentPhase.Ringing)
        {
            SetPhase(id, a, AgentPhase.Available, null, ts);
        }

        c.RingingAgent = null;
        a.RingingCall = null;
    }

    /// <summary>The call leaves its waiting queue; answers the wait.</summary>
    private double LeaveQueue(string callId, CallCore c, FactKind kind, DateTimeOffset ts, string? agent = null)
    {
        var queue = c.WaitingQueue!;
        var wait = Seconds(c.EntryTs, ts);
        var qs = Settings.Queue(queue);
        var flag = kind switch
        {
            FactKind.CallAnswered => wait <= qs.SlThresholdSeconds,
            FactKind.CallAbandoned => wait < qs.ShortAbandonSeconds,
            _ => false,
        };
        c.WaitingQueue = null;
        _out.ToQueueAndCenter(queue, new FloorFact { Kind = kind, Ts = ts, Call = callId, Queue = queue, Agent = agent, Seconds = wait, Flag = flag });
        return wait;
    }

    private void EnterQueue(string callId, CallCore c, string queue, DateTimeOffset ts)
    {
        _queuesSeen.Add(queue);
        c.WaitingQueue = queue;
        c.EntryTs = ts;
        _out.ToQueueAndCenter(queue, new FloorFact
        {
            Kind = FactKind.CallOffered, Ts = ts, Call = callId, Queue = queue, Flag = c.Vip, Priority = c.Priority, Text = c.Caller, List = c.Tags,
        });
    }

    private void Queued(CtiEvent e)
    {
        var c = CallFor(e.Call!);
        if (c.WaitingQueue == e.Queue)
        {
            return;
        }

        c.Vip |= e.Vip;
        c.Priority = e.Priority ?? c.Priority;
        c.Caller = e.Caller ?? c.Caller;
        StopRinging(c, e.Ts);
        if (c.WaitingQueue is not null)
        {
            LeaveQueue(e.Call!, c, FactKind.CallTransferredOut, e.Ts);
        }

        if (c.ConnectedAgent is not null)
        {
            // Re-queued by the switch without a call.transferred: the agent's talk ends as in a transfer.
            Disconnect(c, e.Ts);
        }

        EnterQueue(e.Call!, c, e.Queue!, e.Ts);
    }

    private void Ringing(CtiEvent e)
    {
        var c = CallFor(e.Call!);
        var id = e.Agent!;
        if (c.RingingAgent is { } other && other != id)
        {
            StopRinging(c, e.Ts);
        }

        if (c.WaitingQueue is null)
        {
            Anomaly($"call {e.Call} rings agent {id} but waits in no queue");
        }

        var a = AgentFor(id);
        if (a.RingingCall is { } previous && previous != e.Call && _calls.TryGetValue(previous, out var pc))
        {
            StopRinging(pc, e.Ts);
        }

        SetPhase(id, a, AgentPhase.Ringing, null, e.Ts);
        a.RingingCall = e.Call;
        c.RingingAgent = id;
        if (c.WaitingQueue is { } q)
        {
            _out.ToQueueAndCenter(q, new FloorFact { Kind = FactKind.CallRinging, Ts = e.Ts, Call = e.Call, Agent = id });
        }
    }

    private void RingNoAnswer(CtiEvent e)
    {
        var id = e.Agent!;
        var a = AgentFor(id);
        _out.ToAgent(id, new FloorFact { Kind = FactKind.MissedOffer, Ts = e.Ts, Agent = id, Call = e.Call });
        if (_calls.TryGetValue(e.Call!, out var c) && c.RingingAgent == id)
        {
            StopRinging(c, e.Ts);
            if (c.WaitingQueue is { } q)
            {
                _out.ToQueueAndCenter(q, new FloorFact { Kind = FactKind.CallRinging, Ts = e.Ts, Call = e.Call });
            }
        }
        else if (a.Phase == AgentPhase.Ringing && a.RingingCall == e.Call)
        {
            SetPhase(id, a, AgentPhase.Available, null, e.Ts);
        }
    }

    private void Answered(CtiEvent e)
    {
        var callId = e.Call!;
        var id = e.Agent!;
        var c = CallFor(callId);
        if (c.RingingAgent is { } other && other != id)
        {
            StopRinging(c, e.Ts);
        }

        if (c.WaitingQueue is { } queue)
        {
            LeaveQueue(callId, c, FactKind.CallAnswered, e.Ts, id);
            c.AnsweredQueue = queue;
        }
        else
        {
            Anomaly($"call {callId} answered by {id} but waits in no queue");
        }

        if (c.ConnectedAgent is { } connected && connected != id)
        {
            Disconnect(c, e.Ts);
        }

        Connect(id, AgentFor(id), callId, c, e.Ts);
    }

    private void Hold(CtiEvent e, bool held)
    {
        if (!_calls.TryGetValue(e.Call!, out var c) || c.ConnectedAgent is not { } id)
        {
            Anomaly($"call {e.Call} {(held ? "held" : "retrieved")} but not connected");
            return;
        }

        _out.ToAgent(id, new FloorFact { Kind = FactKind.CallHold, Ts = e.Ts, Agent = id, Call = e.Call, Flag = held });
    }

    private void Ended(CtiEvent e)
    {
        if (!_calls.TryGetValue(e.Call!, out var c))
        {
            Anomaly($"call {e.Call} ended but is not known");
            return;
        }

        if (c.WaitingQueue is not null)
        {
            // A switch that ends a waiting call: the caller hung up while waiting.
            Anomaly($"call {e.Call} ended while waiting; counted as abandoned");
            StopRinging(c, e.Ts);
            LeaveQueue(e.Call!, c, FactKind.CallAbandoned, e.Ts);
        }

        Disconnect(c, e.Ts);
        _calls.Remove(e.Call!);
    }

    private void Abandoned(CtiEvent e)
    {
        if (!_calls.TryGetValue(e.Call!, out var c))
        {
            Anomaly($"call {e.Call} abandoned but is not known");
            return;
        }

        if (c.WaitingQueue is null)
        {
            Anomaly($"call {e.Call} abandoned while not waiting; counted as ended");
            Disconnect(c, e.Ts);
            _calls.Remove(e.Call!);
            return;
        }

        StopRinging(c, e.Ts);
        LeaveQueue(e.Call!, c, FactKind.CallAbandoned, e.Ts);
        Disconnect(c, e.Ts);
        _calls.Remove(e.Call!);
    }

    private void Overflowed(CtiEvent e)
    {
        if (!_calls.TryGetValue(e.Call!, out var c) || c.WaitingQueue is null)
        {
            Anomaly($"call {e.Call} overflowed but waits in no queue");
            return;
        }

        StopRinging(c, e.Ts);
        LeaveQueue(e.Call!, c, FactKind.CallOverflowed, e.Ts);
        if (c.ConnectedAgent is null)
        {
            _calls.Remove(e.Call!);
        }
    }

    private void Transferred(CtiEvent e)
    {
        var callId = e.Call!;
        var c = CallFor(callId);
        if (c.WaitingQueue is not null)
        {
            Anomaly($"call {callId} transferred while waiting; it leaves its queue as transferred out");
            StopRinging(c, e.Ts);
            LeaveQueue(callId, c, FactKind.CallTransferredOut, e.Ts);
        }
        else if (c.ConnectedAgent is null)
        {
            Anomaly($"call {callId} transferred but not connected");
        }

        Disconnect(c, e.Ts);
        if (e.Queue is { } queue)
        {
            EnterQueue(callId, c, queue, e.Ts);
        }
        else
        {
            Connect(e.Agent!, AgentFor(e.Agent!), callId, c, e.Ts);
        }
    }

    private void Tagged(CtiEvent e)
    {
        var c = CallFor(e.Call!);
        c.Tags = c.Tags.Concat(e.Tags!).Distinct(StringComparer.Ordinal).ToArray();
        var fact = new FloorFact { Kind = FactKind.CallTags, Ts = e.Ts, Call = e.Call, List = c.Tags };
        if (c.WaitingQueue is { } q)
        {
            _out.ToQueueAndCenter(q, fact);
        }

        if (c.ConnectedAgent is { } id)
        {
            _out.ToAgent(id, fact with { Agent = id });
        }
    }
}
