namespace FloorWatch.Domain.Floor;

/// <summary>A queue's (or the center's) figures at this instant (contract section 2, "now").</summary>
public sealed record QueueNow
{
    public int Waiting { get; init; }
    public double LongestWaitSeconds { get; init; }
    public int Staffed { get; init; }
    public int Available { get; init; }
    public int Ringing { get; init; }
    public int OnCall { get; init; }
    public int WrapUp { get; init; }
    public int NotReady { get; init; }
    public IReadOnlyDictionary<string, int> NotReadyByReason { get; init; } = new Dictionary<string, int>();
}
