namespace FloorWatch.Simulator.Tests;

/// <summary>
/// A stricter judge than the server: keeps every agent's and call's state and lists each event that
/// makes no sense for it (ringing a busy agent, answering a call that was abandoned, an id used twice,
/// time running backwards). The sequencer would apply such events and count only some as anomalies.
/// </summary>
public sealed class StreamChecker
{
    public enum Phase { LoggedOut, NotReady, Available, Ringing, OnCall, WrapUp }

    private sealed class Agent(string id)
    {
        public readonly string Id = id;
        public Phase Phase;
        public string[] Queues = [];
        public string? Call;
    }

    private sealed class Call
    {
        public string? Queue;
        public string? Ringing;
        public string? Agent;
        public bool Held;
    }

    private readonly Dictionary<string, Agent> _agents = [];
    private readonly Dictionary<string, Call> _calls = [];
    private readonly HashSet<string> _ids = [];
    private readonly HashSet<string> _callIdsSeen = [];
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public List<string> Violations { get; } = [];
    public HashSet<Phase> PhasesSeen { get; } = [];
    public HashSet<string> NotReadyReasons { get; } = [];
    public HashSet<string> LogoutReasons { get; } = [];
    public Dictionary<string, int> Types { get; } = [];

    public int WaitingCalls => _calls.Values.Count(c => c.Queue is not null);
    public int ConnectedCalls => _calls.Values.Count(c => c.Agent is not null);
    public int AgentsLoggedIn => _agents.Values.Count(a => a.Phase != Phase.LoggedOut);

    public Phase? PhaseOf(string agent) => _agents.TryGetValue(agent, out var a) ? a.Phase : null;

    public static StreamChecker Of(IEnumerable<SwitchEvent> events)
    {
        var checker = new StreamChecker();
        foreach (var e in events)
        {
            checker.Apply(e);
        }

        return checker;
    }

    public void Apply(SwitchEvent e)
    {
        Types[e.Type] = Types.GetValueOrDefault(e.Type) + 1;
        Expect(_ids.Add(e.Id), e, "id used twice");
        Expect(e.Ts >= _last, e, $"ts before the previous event's {_last:O}");
        _last = e.Ts;
        if (e.Type.StartsWith("agent.", StringComparison.Ordinal))
        {
            ApplyAgent(e, AgentFor(e.Agent!));
        }
        else if (e.Type.StartsWith("call.", StringComparison.Ordinal))
        {
            ApplyCall(e);
        }
    }

    private void ApplyAgent(SwitchEvent e, Agent a)
    {
        switch (e.Type)
        {
            case "agent.login":
                Expect(a.Phase == Phase.LoggedOut, e, $"login while {a.Phase}");
                a.Queues = [.. e.Queues!];
                Expect(a.Queues.Length is >= 1 and <= 3, e, $"{a.Queues.Length} queues");
                Set(a, Phase.NotReady);
                NotReadyReasons.Add("login");
                break;
            case "agent.ready":
                Expect(a.Phase is Phase.NotReady or Phase.WrapUp or Phase.Available, e, $"ready while {a.Phase}");
                Set(a, Phase.Available);
                break;
            case "agent.notready":
                Expect(a.Phase is Phase.NotReady or Phase.WrapUp or Phase.Available or Phase.Ringing, e, $"not ready while {a.Phase}");
                StopRinging(a);
                NotReadyReasons.Add(e.Reason!);
                Set(a, Phase.NotReady);
                break;
            case "agent.logout":
                Expect(a.Phase is not (Phase.LoggedOut or Phase.OnCall), e, $"logout while {a.Phase}");
                StopRinging(a);
                LogoutReasons.Add(e.Reason ?? "");
                Set(a, Phase.LoggedOut);
                break;
            case "agent.queues":
                a.Queues = [.. e.Queues!];
                break;
            default:
                Violations.Add($"{e.Id}: unknown type {e.Type}");
                break;
        }
    }

    private void ApplyCall(SwitchEvent e)
    {
        var id = e.Call!;
        if (e.Type == "call.queued")
        {
            Expect(_callIdsSeen.Add(id), e, "call id used again");
            _calls[id] = new Call { Queue = e.Queue };
            return;
        }

        if (!_calls.TryGetValue(id, out var c))
        {
            Violations.Add($"{e.Id}: {e.Type} for call {id}, which is not live");
            return;
        }

        switch (e.Type)
        {
            case "call.ringing":
                var ringing = AgentFor(e.Agent!);
                Expect(c.Queue is not null && c.Ringing is null, e, "ringing a call that is not waiting unrung");
                Expect(ringing.Phase == Phase.Available, e, $"ringing agent {e.Agent} while {ringing.Phase}");
                Expect(c.Queue is not null && ringing.Queues.Contains(c.Queue), e, $"agent {e.Agent} does not serve {c.Queue}");
                c.Ringing = e.Agent;
                ringing.Call = id;
                Set(ringing, Phase.Ringing);
                break;
            case "call.ringnoanswer":
                Expect(c.Ringing == e.Agent, e, $"ring-no-answer by {e.Agent}, but ringing {c.Ringing}");
                c.Ringing = null;
                Free(AgentFor(e.Agent!));
                break;
            case "call.answered":
                Expect(c.Queue is not null && c.Ringing == e.Agent, e, $"answered by {e.Agent} but ringing {c.Ringing} (queue {c.Queue})");
                c.Queue = null;
                c.Ringing = null;
                Connect(c, id, AgentFor(e.Agent!));
                break;
            case "call.held" or "call.retrieved":
                var held = e.Type == "call.held";
                Expect(c.Agent is not null && c.Held != held, e, $"{e.Type} on a call connected to {c.Agent}, held {c.Held}");
                c.Held = held;
                break;
            case "call.ended":
                Expect(c.Agent is not null, e, "ended but not connected");
                Disconnect(c);
                _calls.Remove(id);
                break;
            case "call.abandoned" or "call.overflowed":
                Expect(c.Queue is not null, e, $"{e.Type} but not waiting");
                if (c.Ringing is { } r)
                {
                    Free(AgentFor(r));
                }

                _calls.Remove(id);
                break;
            case "call.transferred":
                Expect(c.Agent is not null, e, "transferred but not connected");
                Disconnect(c);
                if (e.Queue is not null)
                {
                    c.Queue = e.Queue;
                }
                else
                {
                    var to = AgentFor(e.Agent!);
                    Expect(to.Phase == Phase.Available, e, $"transferred to {e.Agent} while {to.Phase}");
                    Connect(c, id, to);
                }

                break;
            case "call.tagged":
                Expect(e.Tags is { Count: > 0 }, e, "no tags");
                break;
            default:
                Violations.Add($"{e.Id}: unknown type {e.Type}");
                break;
        }
    }

    private Agent AgentFor(string id) => _agents.TryGetValue(id, out var a) ? a : _agents[id] = new Agent(id);

    private void Set(Agent a, Phase phase)
    {
        a.Phase = phase;
        PhasesSeen.Add(phase);
    }

    private void StopRinging(Agent a)
    {
        if (a.Phase == Phase.Ringing && a.Call is { } id && _calls.TryGetValue(id, out var c))
        {
            c.Ringing = null;
        }

        a.Call = null;
    }

    private void Free(Agent a)
    {
        a.Call = null;
        Set(a, Phase.Available);
    }

    private void Connect(Call c, string id, Agent a)
    {
        a.Call = id;
        c.Agent = a.Id;
        c.Held = false;
        Set(a, Phase.OnCall);
    }

    private void Disconnect(Call c)
    {
        var a = AgentFor(c.Agent!);
        a.Call = null;
        c.Agent = null;
        c.Held = false;
        Set(a, Phase.WrapUp);
    }

    private void Expect(bool ok, SwitchEvent e, string what)
    {
        if (!ok)
        {
            Violations.Add($"{e.Id} {e.Type} (agent {e.Agent}, call {e.Call}): {what}");
        }
    }
}
