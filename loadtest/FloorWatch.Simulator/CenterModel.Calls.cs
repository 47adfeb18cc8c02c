namespace FloorWatch.Simulator;

/// <summary>The calls' side of the model: arrivals, routing, ringing, talk, transfers, and callers who give up.</summary>
public sealed partial class CenterModel
{
    /// <summary>Share of offers the agent does not pick up; the switch then gives up after its ring timeout.</summary>
    private const double RonaChance = 0.05;
    private const double RingTimeoutSeconds = 12;

    /// <summary>Share of answered calls handed on (once per call): three in four to another queue, the rest straight to an agent.</summary>
    private const double TransferChance = 0.04;

    /// <summary>A caller still waiting after a minute is offered a callback (the exit key); some take it and leave the queue.</summary>
    private const double CallbackOfferSeconds = 60, CallbackTakeUp = 0.3;

    /// <summary>Spread of talk times around the queue's mean (lognormal: a long tail of long calls).</summary>
    private const double TalkSigma = 0.7;

    private void PlanArrival(QueueProfile queue)
    {
        var perHour = _options.CallsPerHour * queue.Share / _shareTotal;
        if (perHour > 0)
        {
            After(_random.Exponential(3600 / perHour), () => Arrive(queue));
        }
    }

    private void Arrive(QueueProfile queue)
    {
        PlanArrival(queue);

        // Premier customers reach the ordinary queues too; the IVR gives urgent matters (a lost card, an outage) a higher priority.
        var vip = queue.Vip || _random.Chance(0.04);
        var priority = queue.Vip ? 2 : vip || _random.Chance(0.03) ? 1 : 0;
        var call = new SimCall($"{RunId}-c{++_callCount}", _callCount, queue, vip, priority);
        _calls[call.Id] = call;
        Emit(new SwitchEvent
        {
            Type = EventTypes.CallQueued,
            Call = call.Id,
            Queue = queue.Id,
            Caller = FloorPlan.Caller(_random),
            Vip = vip ? true : null,
            Priority = priority > 0 ? priority : null,
        });
        if (_random.Chance(0.03))
        {
            Emit(new SwitchEvent { Type = EventTypes.CallTagged, Call = call.Id, Tags = ["repeat-caller"] });
        }

        Wait(call, queue);
    }

    /// <summary>The call waits in <paramref name="queue"/> from now: the caller hangs up when patience runs out, or the switch overflows it first.</summary>
    private void Wait(SimCall call, QueueProfile queue)
    {
        call.Queue = queue;
        call.EnteredAt = _now;
        call.Waiting = true;
        _waiting.Add(call);
        _routingChanged = true;

        // Mostly 30–180 s; a few hang up within seconds (short abandons), a few would wait past the overflow.
        var patience = _random.Chance(0.07)
            ? _random.Uniform(2, 15)
            : Draw.Clamp(_random.LogNormal(95, 0.55), 20, 900);
        if (patience > CallbackOfferSeconds && CallbackOfferSeconds < queue.MaxWaitSeconds && _random.Chance(CallbackTakeUp))
        {
            call.Timers.Add(After(CallbackOfferSeconds, () => LeaveUnanswered(call, EventTypes.CallOverflowed, "callback")));
        }
        else if (patience < queue.MaxWaitSeconds)
        {
            call.Timers.Add(After(patience, () => LeaveUnanswered(call, EventTypes.CallAbandoned, null)));
        }
        else
        {
            call.Timers.Add(After(queue.MaxWaitSeconds, () => LeaveUnanswered(call, EventTypes.CallOverflowed, "timeout")));
        }
    }

    /// <summary>Offers waiting calls to the longest-idle available agents: higher priority first, then VIP, then the longest waiting.</summary>
    private void Dispatch()
    {
        if (!_routingChanged)
        {
            return;
        }

        _routingChanged = false;
        if (_waiting.Count == 0 || !_agents.Exists(a => a.State == AgentState.Available))
        {
            return;
        }

        var order = _waiting.Where(c => c.RingingAgent is null)
            .OrderByDescending(c => c.Priority)
            .ThenByDescending(c => c.Vip)
            .ThenBy(c => c.EnteredAt)
            .ThenBy(c => c.Order)
            .ToList();

        // The available agents once, in floor order, rather than a scan of the whole floor per call:
        // a big floor (thousands of agents) with calls waiting would otherwise spend its time here.
        _available.Clear();
        foreach (var a in _agents)
        {
            if (a.State == AgentState.Available)
            {
                _available.Add(a);
            }
        }

        foreach (var call in order)
        {
            if (LongestIdle(_available, call.Queue.Id) is { } agent)
            {
                Ring(call, agent);
            }
        }
    }

    private void Ring(SimCall call, SimAgent agent)
    {
        Enter(agent, AgentState.Ringing);
        agent.Call = call;
        call.RingingAgent = agent;
        Emit(new SwitchEvent { Type = EventTypes.CallRinging, Call = call.Id, Agent = agent.Id });
        call.RingTimer = _random.Chance(RonaChance)
            ? After(RingTimeoutSeconds, () => RingNoAnswer(call, agent))
            : After(_random.Uniform(2, 6), () => Answer(call, agent));
    }

    /// <summary>The agent let it ring: the call waits on (its wait clock running); the agent is out for the RONA penalty.</summary>
    private void RingNoAnswer(SimCall call, SimAgent agent)
    {
        call.RingTimer = null;
        call.RingingAgent = null;
        _routingChanged = true;
        agent.Call = null;
        Emit(new SwitchEvent { Type = EventTypes.CallRingNoAnswer, Call = call.Id, Agent = agent.Id });
        if (agent.Pending?.Command == SwitchCommand.ForceReady)
        {
            agent.Pending = null;
            BecomeAvailable(agent);
            return;
        }

        Enter(agent, AgentState.NotReady);
        Emit(new SwitchEvent { Type = EventTypes.AgentNotReady, Agent = agent.Id, Reason = "rona" });
        agent.StateTimer = After(_random.Uniform(RonaMinSeconds, RonaMaxSeconds), () => WorkDone(agent));
    }

    private void Answer(SimCall call, SimAgent agent)
    {
        _waiting.Remove(call);
        call.CancelTimers();
        call.Waiting = false;
        call.RingingAgent = null;
        Connect(call, agent);
        Emit(new SwitchEvent { Type = EventTypes.CallAnswered, Call = call.Id, Agent = agent.Id });
        PlanTalk(call, agent, call.Queue.TalkSeconds);
    }

    private static void Connect(SimCall call, SimAgent agent)
    {
        Enter(agent, AgentState.OnCall);
        agent.Call = call;
    }

    /// <summary>Plans the conversation: its length, perhaps a hold, perhaps a complaint flagged by speech analytics, then its end.</summary>
    private void PlanTalk(SimCall call, SimAgent agent, double meanSeconds)
    {
        var talk = Draw.Clamp(_random.LogNormal(meanSeconds / Math.Exp(TalkSigma * TalkSigma / 2), TalkSigma), 15, 3600);
        var hold = 0.0;
        if (_random.Chance(0.15))
        {
            var holdAt = talk * _random.Uniform(0.2, 0.7);
            hold = Draw.Clamp(_random.LogNormal(35, 0.6), 5, 300);
            call.Timers.Add(After(holdAt, () => Hold(call, true)));
            call.Timers.Add(After(holdAt + hold, () => Hold(call, false)));
        }

        if (_random.Chance(0.03))
        {
            var at = (talk + hold) * _random.Uniform(0.3, 0.8);
            call.Timers.Add(After(at, () => Tag(call, "complaint")));
            if (_random.Chance(0.35))
            {
                call.Timers.Add(After(at + ((talk + hold - at) * 0.5), () => Tag(call, "escalation")));
            }
        }

        call.Timers.Add(After(talk + hold, () => TalkEnds(call, agent)));
    }

    private void Hold(SimCall call, bool held) =>
        Emit(new SwitchEvent { Type = held ? EventTypes.CallHeld : EventTypes.CallRetrieved, Call = call.Id });

    private void Tag(SimCall call, string tag) => Emit(new SwitchEvent { Type = EventTypes.CallTagged, Call = call.Id, Tags = [tag] });

    private void TalkEnds(SimCall call, SimAgent agent)
    {
        call.CancelTimers();
        if (!call.Transferred && _random.Chance(TransferChance) && TryTransfer(call, agent))
        {
            return;
        }

        _calls.Remove(call.Id);
        Emit(new SwitchEvent { Type = EventTypes.CallEnded, Call = call.Id, RecordingUrl = RecordingUrl(call) });
        CallDone(agent);
    }

    /// <summary>
    /// Hands an answered call on: straight to an available agent (one time in four, when there is
    /// one), else to another queue, where this event is its entry. False when there is nowhere to go.
    /// </summary>
    private bool TryTransfer(SimCall call, SimAgent from)
    {
        call.Transferred = true;
        if (_random.Chance(0.25) && LongestIdle(null) is { } to)
        {
            Emit(new SwitchEvent { Type = EventTypes.CallTransferred, Call = call.Id, Agent = to.Id });
            CallDone(from);
            Connect(call, to);
            PlanTalk(call, to, call.Queue.TalkSeconds * 0.6);
            return true;
        }

        var others = _options.Queues.Where(q => q != call.Queue).ToList();
        if (others.Count == 0)
        {
            return false;
        }

        var queue = _random.Weighted(others, q => q.Share);
        Emit(new SwitchEvent { Type = EventTypes.CallTransferred, Call = call.Id, Queue = queue.Id });
        CallDone(from);
        Wait(call, queue);
        return true;
    }

    /// <summary>The call leaves its queue unanswered (the caller hung up, or the switch overflowed it); an agent it was ringing is free again.</summary>
    private void LeaveUnanswered(SimCall call, string type, string? reason)
    {
        _waiting.Remove(call);
        _calls.Remove(call.Id);
        call.CancelTimers();
        var ringing = call.RingingAgent;
        call.RingingAgent = null;
        Emit(new SwitchEvent { Type = type, Call = call.Id, Reason = reason });
        if (ringing is not null)
        {
            RingStopped(ringing);
        }
    }
}
