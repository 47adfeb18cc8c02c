using System.Security.Cryptography;

namespace FloorWatch.Simulator;

/// <summary>
/// A deterministic discrete-event model of one contact center. Everything it does is planned on a
/// calendar from one seeded <see cref="Random"/>; <see cref="Advance"/> carries out what has fallen
/// due by the <see cref="TimeProvider"/>'s now, each event stamped with the instant it was due, so a
/// seed and a start time replay the same stream however the caller's clock ticks. Every event it
/// emits follows from the state it keeps, so the stream is valid by the contract (section 1):
/// only available agents ring, only ringing agents answer, only connected calls end.
/// Not thread-safe: one caller drives it.
/// </summary>
public sealed partial class CenterModel
{
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Calendar _calendar = new();
    private readonly List<SimAgent> _agents;
    private readonly Dictionary<string, SimAgent> _agentsById;
    private readonly List<SimCall> _waiting = [];

    /// <summary>Scratch list of a dispatch (kept to spare the garbage collector a list per step).</summary>
    private readonly List<SimAgent> _available = [];
    private readonly Dictionary<string, SimCall> _calls = new(StringComparer.Ordinal);
    private readonly double _shareTotal;
    private ICollection<SwitchEvent> _out = [];
    private DateTimeOffset _now;
    private long _events;
    private long _callCount;
    private bool _stopped;

    /// <summary>
    /// Set when routing could offer a call it could not before (an agent became available or gained
    /// a queue, a call started waiting or stopped ringing); unset, a dispatch would ring no one, so
    /// it is skipped: on a floor of thousands it would otherwise dominate the model's time.
    /// </summary>
    private bool _routingChanged;

    public CenterModel(SimulatorOptions options, TimeProvider time)
    {
        var errors = options.ValidateModel();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        _options = options;
        _time = time;
        Seed = options.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        RunId = options.RunId ?? NewRunId();
        _random = new Random(Seed);
        _now = Millis(time.GetUtcNow());
        _shareTotal = options.Queues.Sum(q => q.Share);
        _agents = FloorPlan.Agents(options.Agents, options.Queues, _random);
        _agentsById = _agents.ToDictionary(a => a.Id, StringComparer.Ordinal);
        Open();
    }

    /// <summary>Prefix of this run's event and call ids.</summary>
    public string RunId { get; }

    /// <summary>The seed in use (drawn when the options gave none), so a run can be replayed.</summary>
    public int Seed { get; }

    /// <summary>When the next planned step falls due; null once stopped.</summary>
    public DateTimeOffset? NextDueAt => _stopped ? null : _calendar.NextDue;

    /// <summary>Calls waiting or connected now.</summary>
    public int LiveCalls => _calls.Count;

    public int AgentsLoggedIn => _agents.Count(a => a.State != AgentState.LoggedOut);

    /// <summary>Carries out every step due by now, adding the events it makes to <paramref name="output"/>.</summary>
    public void Advance(ICollection<SwitchEvent> output)
    {
        if (_stopped)
        {
            return;
        }

        _out = output;
        CatchUp(_time.GetUtcNow());
    }

    /// <summary>
    /// Ends what the switch started, at now: waiting calls are abandoned, connected calls end,
    /// everyone logs out. A restarted demo then finds no phantom call still waiting.
    /// </summary>
    public void Stop(ICollection<SwitchEvent> output)
    {
        if (_stopped)
        {
            return;
        }

        _out = output;
        CatchUp(_time.GetUtcNow());
        foreach (var call in _calls.Values.OrderBy(c => c.Order).ToList())
        {
            call.CancelTimers();
            if (call.Waiting)
            {
                Emit(new SwitchEvent { Type = EventTypes.CallAbandoned, Call = call.Id });
            }
            else
            {
                Emit(new SwitchEvent { Type = EventTypes.CallEnded, Call = call.Id, RecordingUrl = RecordingUrl(call) });
            }
        }

        foreach (var agent in _agents.Where(a => a.State != AgentState.LoggedOut))
        {
            Emit(new SwitchEvent { Type = EventTypes.AgentLogout, Agent = agent.Id, Reason = "shutdown" });
            agent.State = AgentState.LoggedOut;
            agent.Call = null;
        }

        _calls.Clear();
        _waiting.Clear();
        _calendar.Clear();
        _stopped = true;
    }

    /// <summary>Runs the due steps in time order, then moves the model's clock to <paramref name="now"/> (never backwards).</summary>
    private void CatchUp(DateTimeOffset now)
    {
        now = Millis(now);
        while (_calendar.TryTakeDue(now, out var step))
        {
            _now = step.Due > _now ? step.Due : _now;
            step.Action();
            Dispatch();
        }

        _now = now > _now ? now : _now;
    }

    /// <summary>The first steps: agents log in over the first half minute, calls start arriving, the heartbeat starts.</summary>
    private void Open()
    {
        foreach (var agent in _agents)
        {
            agent.StateTimer = After(_random.Uniform(0, 30), () => Login(agent));
        }

        foreach (var queue in _options.Queues)
        {
            PlanArrival(queue);
        }

        After(0, Heartbeat);
    }

    private void Heartbeat()
    {
        Emit(new SwitchEvent { Type = EventTypes.SwitchHeartbeat });
        After(_options.HeartbeatSeconds, Heartbeat);
    }

    private void Emit(SwitchEvent e) =>
        _out.Add(e with { Id = $"{RunId}-{++_events}", Ts = _now, Center = _options.Center });

    /// <summary>Plans a step <paramref name="seconds"/> from the model's now, to the millisecond (the resolution of <c>ts</c>).</summary>
    private Calendar.Planned After(double seconds, Action action) =>
        _calendar.At(_now.AddMilliseconds(Math.Max(0, Math.Round(seconds * 1000))), action);

    private static DateTimeOffset Millis(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMillisecond), t.Offset);

    /// <summary>Eight base-36 characters from the system's randomness: not the seed's, so two runs of one seed never share ids.</summary>
    private static string NewRunId() =>
        string.Create(8, 0, static (span, _) =>
        {
            const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
            }
        });

    private string RecordingUrl(SimCall call) => $"https://recordings.example.com/{_options.Center}/{call.Id}.wav";
}
