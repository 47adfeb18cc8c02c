namespace FloorWatch.Domain.Floor;

/// <summary>One agent's seconds per state (and per not-ready reason) and handled legs in one interval or window.</summary>
public sealed class AgentInterval
{
    private static readonly IReadOnlyDictionary<string, double> NoReasons = new Dictionary<string, double>();

    // Made on the first not-ready second: most intervals of a floor hold none, and there is one per agent per interval.
    private Dictionary<string, double>? _byReason;

    public double[] SecondsByPhase { get; } = new double[AgentPhaseNames.Count];

    public IReadOnlyDictionary<string, double> SecondsByReason => _byReason ?? NoReasons;

    public long Handled { get; set; }

    public double HandleTimeSum { get; set; }

    public void AddSeconds(AgentPhase phase, string? reason, double seconds)
    {
        SecondsByPhase[(int)phase] += seconds;
        if (phase == AgentPhase.NotReady)
        {
            AddReason(reason ?? "notready", seconds);
        }
    }

    public void Add(AgentInterval o)
    {
        for (var i = 0; i < SecondsByPhase.Length; i++)
        {
            SecondsByPhase[i] += o.SecondsByPhase[i];
        }

        if (o._byReason is { } reasons)
        {
            foreach (var (r, s) in reasons)
            {
                AddReason(r, s);
            }
        }

        Handled += o.Handled;
        HandleTimeSum += o.HandleTimeSum;
    }

    private void AddReason(string reason, double seconds)
    {
        _byReason ??= new Dictionary<string, double>(StringComparer.Ordinal);
        _byReason[reason] = _byReason.GetValueOrDefault(reason) + seconds;
    }
}
