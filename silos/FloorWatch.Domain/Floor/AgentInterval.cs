using System.Runtime.CompilerServices;

namespace FloorWatch.Domain.Floor;

/// <summary>One agent's seconds per state (and per not-ready reason) and handled legs in one interval or window.</summary>
/// <remarks>
/// There is one per agent per 15 minutes, kept for the whole business day, so it is kept small:
/// the seconds per state sit in the object itself rather than in an array of their own, and the few
/// reasons of an interval are a short array rather than a dictionary (about 100 bytes in all, where
/// an array and a dictionary took about 240).
/// </remarks>
public sealed class AgentInterval
{
    private PhaseSeconds _phases;

    // Made on the first not-ready second: most intervals of a floor hold none, and those that do hold
    // one or two, so it grows one at a time and its length is the count.
    private ReasonSeconds[]? _reasons;

    public ReadOnlySpan<double> SecondsByPhase => _phases;

    /// <summary>Seconds per not-ready reason, in the order the reasons first came.</summary>
    public IReadOnlyDictionary<string, double> SecondsByReason
    {
        get
        {
            var d = new Dictionary<string, double>(_reasons?.Length ?? 0, StringComparer.Ordinal);
            foreach (var r in _reasons ?? [])
            {
                d[r.Reason] = r.Seconds;
            }

            return d;
        }
    }

    /// <summary>How many not-ready reasons hold seconds; <see cref="ReasonAt"/> reads them in order.</summary>
    public int ReasonCount => _reasons?.Length ?? 0;

    public (string Reason, double Seconds) ReasonAt(int index) => (_reasons![index].Reason, _reasons[index].Seconds);

    public long Handled { get; set; }

    public double HandleTimeSum { get; set; }

    public void AddSeconds(AgentPhase phase, string? reason, double seconds)
    {
        _phases[(int)phase] += seconds;
        if (ReasonKey(phase, reason) is { } key)
        {
            AddReason(key, seconds);
        }
    }

    /// <summary>The reason a state's seconds count under: only not-ready time has one, "notready" when none was given.</summary>
    public static string? ReasonKey(AgentPhase phase, string? reason) => phase == AgentPhase.NotReady ? reason ?? "notready" : null;

    public void Add(AgentInterval o)
    {
        for (var i = 0; i < AgentPhaseNames.Count; i++)
        {
            _phases[i] += o._phases[i];
        }

        foreach (var r in o._reasons ?? [])
        {
            AddReason(r.Reason, r.Seconds);
        }

        Handled += o.Handled;
        HandleTimeSum += o.HandleTimeSum;
    }

    /// <summary>An interval as it was written down: its seconds per state (in <see cref="AgentPhase"/> order) and per not-ready reason.</summary>
    public static AgentInterval Of(ReadOnlySpan<double> secondsByPhase, IEnumerable<KeyValuePair<string, double>> secondsByReason, long handled, double handleTimeSum)
    {
        if (secondsByPhase.Length != AgentPhaseNames.Count)
        {
            throw new ArgumentException($"an interval holds the seconds of {AgentPhaseNames.Count} states, not {secondsByPhase.Length}", nameof(secondsByPhase));
        }

        var i = new AgentInterval { Handled = handled, HandleTimeSum = handleTimeSum };
        secondsByPhase.CopyTo(i._phases);
        foreach (var (reason, seconds) in secondsByReason)
        {
            i.AddReason(reason, seconds);
        }

        return i;
    }

    /// <summary>Becomes a copy of <paramref name="o"/>, keeping its own array of reasons when it has the room.</summary>
    public void Set(AgentInterval o)
    {
        _phases = o._phases;
        Handled = o.Handled;
        HandleTimeSum = o.HandleTimeSum;
        if (o._reasons is null)
        {
            _reasons = null;
        }
        else if (_reasons?.Length == o._reasons.Length)
        {
            o._reasons.CopyTo(_reasons, 0);
        }
        else
        {
            _reasons = [.. o._reasons];
        }
    }

    private void AddReason(string reason, double seconds)
    {
        var n = _reasons?.Length ?? 0;
        for (var i = 0; i < n; i++)
        {
            if (string.Equals(_reasons![i].Reason, reason, StringComparison.Ordinal))
            {
                _reasons[i].Seconds += seconds;
                return;
            }
        }

        Array.Resize(ref _reasons, n + 1);
        _reasons[n] = new ReasonSeconds(reason, seconds);
    }

    [InlineArray(AgentPhaseNames.Count)]
    private struct PhaseSeconds
    {
        private double _first;
    }

    private struct ReasonSeconds(string reason, double seconds)
    {
        public readonly string Reason = reason;
        public double Seconds = seconds;
    }
}
