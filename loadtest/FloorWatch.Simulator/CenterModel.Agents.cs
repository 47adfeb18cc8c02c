namespace FloorWatch.Simulator;

/// <summary>The agents' side of the model: logging in, personal time, wrap-up, and going ready.</summary>
public sealed partial class CenterModel
{
    /// <summary>Mean time an agent works between two spells of personal time.</summary>
    private const double PersonalTimeGapSeconds = 90 * 60;

    /// <summary>How long a ring-no-answer keeps an agent out (the switch's RONA penalty).</summary>
    private const double RonaMinSeconds = 20, RonaMaxSeconds = 60;

    private void Login(SimAgent agent)
    {
        Enter(agent, AgentState.NotReady);
        Emit(new SwitchEvent { Type = EventTypes.AgentLogin, Agent = agent.Id, Seat = agent.Seat, Name = agent.Name, Queues = agent.Queues });

        // Logged in as not ready ("login"): a few seconds to put the headset on.
        agent.StateTimer = After(_random.Uniform(2, 10), () => WorkDone(agent));
    }

    /// <summary>Puts the agent in a state, ending whatever the previous state had planned.</summary>
    private static void Enter(SimAgent agent, AgentState state)
    {
        agent.CancelStateTimer();
        agent.State = state;
    }

    private void BecomeAvailable(SimAgent agent)
    {
        Enter(agent, AgentState.Available);
        agent.AvailableSince = _now;
        _routingChanged = true;
        Emit(new SwitchEvent { Type = EventTypes.AgentReady, Agent = agent.Id });
        if (agent.BreakTimer is null && !agent.BreakDue)
        {
            agent.BreakTimer = After(_random.Exponential(PersonalTimeGapSeconds), () => PersonalTimeDue(agent));
        }
    }

    /// <summary>Personal time falls due: taken now by an available agent, otherwise once the work in hand is done.</summary>
    private void PersonalTimeDue(SimAgent agent)
    {
        agent.BreakTimer = null;
        agent.BreakDue = true;
        if (agent.State == AgentState.Available)
        {
            TakePersonalTime(agent);
        }
    }

    private void TakePersonalTime(SimAgent agent)
    {
        agent.BreakDue = false;
        var time = _random.Weighted(PersonalTime.All, p => p.Weight);
        var seconds = _random.Uniform(time.MinMinutes, time.MaxMinutes) * 60;
        if (time.Logout)
        {
            LogOut(agent, time.Reason, seconds);
        }
        else
        {
            NotReady(agent, time.Reason, seconds);
        }
    }

    /// <summary>Not ready for a while, then ready again. Ends wrap-up; an agent still ringing stops ringing and the call waits on.</summary>
    private void NotReady(SimAgent agent, string reason, double seconds)
    {
        StopRingingFor(agent);
        Enter(agent, AgentState.NotReady);
        agent.Call = null;
        Emit(new SwitchEvent { Type = EventTypes.AgentNotReady, Agent = agent.Id, Reason = reason });
        agent.StateTimer = After(seconds, () => WorkDone(agent));
    }

    /// <summary>Logged out, back at the same seat after <paramref name="seconds"/>.</summary>
    private void LogOut(SimAgent agent, string reason, double seconds)
    {
        StopRingingFor(agent);
        Enter(agent, AgentState.LoggedOut);
        agent.Call = null;
        agent.Pending = null;
        agent.BreakDue = false;
        agent.BreakTimer?.Cancel();
        agent.BreakTimer = null;
        Emit(new SwitchEvent { Type = EventTypes.AgentLogout, Agent = agent.Id, Reason = reason });
        agent.StateTimer = After(seconds, () => Login(agent));
    }

    /// <summary>The agent is free of what they were doing (login, wrap-up, a not-ready spell): personal time that fell due meanwhile, else ready.</summary>
    private void WorkDone(SimAgent agent)
    {
        agent.Call = null;
        if (agent.BreakDue)
        {
            TakePersonalTime(agent);
        }
        else
        {
            BecomeAvailable(agent);
        }
    }

    /// <summary>
    /// The agent's talk ends (call ended or handed on): wrap-up, unless a supervisor's command was
    /// waiting for exactly this. A forced state takes effect when the call ends, not after wrap-up:
    /// FloorWatch gives the switch 10 s from the end of the call to show the effect.
    /// </summary>
    private void CallDone(SimAgent agent)
    {
        agent.Call = null;
        var pending = agent.Pending;
        switch (pending?.Command)
        {
            case SwitchCommand.ForceLogout:
                LogOut(agent, "supervisor", ForcedLogoutSeconds());
                return;
            case SwitchCommand.ForceReady:
                agent.Pending = null;
                BecomeAvailable(agent);
                return;
            case SwitchCommand.ForceNotReady:
                agent.Pending = null;
                NotReady(agent, pending.Reason!, ForcedNotReadySeconds(pending.Reason!));
                return;
        }

        Enter(agent, AgentState.WrapUp);

        // After-call work: mostly 5–40 s; now and then a long one (past the manual's two minutes).
        var wrapUp = _random.Chance(0.02) ? _random.Uniform(120, 200) : _random.Uniform(5, 40);
        agent.StateTimer = After(wrapUp, () => WorkDone(agent));
    }

    /// <summary>A ring that stopped without this agent answering (caller hung up, overflow): the agent is available again.</summary>
    private void RingStopped(SimAgent agent)
    {
        agent.Call = null;
        agent.State = AgentState.Available;
        _routingChanged = true;
        if (agent.Pending?.Command == SwitchCommand.ForceReady)
        {
            agent.Pending = null;
            Emit(new SwitchEvent { Type = EventTypes.AgentReady, Agent = agent.Id });
        }
        else if (agent.BreakDue)
        {
            TakePersonalTime(agent);
        }
    }

    /// <summary>The call ringing this agent goes back to waiting untouched (its patience and overflow still run).</summary>
    private void StopRingingFor(SimAgent agent)
    {
        if (agent.State != AgentState.Ringing || agent.Call is not { } call)
        {
            return;
        }

        call.RingTimer?.Cancel();
        call.RingTimer = null;
        call.RingingAgent = null;
        _routingChanged = true;
    }

    private double ForcedNotReadySeconds(string reason) =>
        PersonalTime.All.FirstOrDefault(p => p.Reason == reason && !p.Logout) is { } known
            ? _random.Uniform(known.MinMinutes, known.MaxMinutes) * 60
            : _random.Uniform(5, 15) * 60;

    /// <summary>An agent logged out by a supervisor logs in again after a while, so the demo floor does not shrink for good.</summary>
    private double ForcedLogoutSeconds() => _random.Uniform(5, 15) * 60;

    /// <summary>The available agent idle the longest (ties: floor order) who serves <paramref name="queue"/> (null: any queue), or null.</summary>
    private SimAgent? LongestIdle(string? queue) => LongestIdle(_agents, queue);

    /// <summary>As <see cref="LongestIdle(string?)"/>, among <paramref name="agents"/> (in floor order).</summary>
    private static SimAgent? LongestIdle(List<SimAgent> agents, string? queue)
    {
        SimAgent? best = null;
        foreach (var a in agents)
        {
            if (a.State == AgentState.Available && (queue is null || Array.IndexOf(a.Queues, queue) >= 0)
                && (best is null || a.AvailableSince < best.AvailableSince))
            {
                best = a;
            }
        }

        return best;
    }
}
