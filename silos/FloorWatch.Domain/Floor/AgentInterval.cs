namespace FloorWatch.Domain.Floor;

/// <summary>One agent's seconds per state (and per not-ready reason) and handled legs in one interval or window.</summary>
public sealed class AgentInterval
{
    public double[] SecondsByPhase { get; } = new double[AgentPhaseNames.Count];

    public Dictionary<string, double> SecondsByReason { get; } = new(StringComparer.Ordinal);

    public long Handled { get; set; }

    public double HandleTimeSum { get; set; }

    public void AddSeconds(AgentPhase phase, string? reason, double seconds)
    {
        SecondsByPhase[(int)phase] += seconds;
        if (phase == AgentPhase.NotReady)
        {
            var r = reason ?? "notready";
            SecondsByReason[r] = SecondsByReason.GetValueOrDefault(r) + seconds;
        }
    }

    public void Add(AgentInterval o)
    {
        for (var i = 0; i < SecondsByPhase.Length; i++)
        {
            SecondsByPhase[i] += o.SecondsByPhase[i];
        }

        foreach (var (r, s) in o.SecondsByReason)
        {
            SecondsByReason[r] = SecondsByReason.GetValueOrDefault(r) + s;
        }

        Handled += o.Handled;
        HandleTimeSum += o.HandleTimeSum;
    }
}
