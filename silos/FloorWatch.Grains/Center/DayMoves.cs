namespace FloorWatch.Grains.Center;

/// <summary>
/// A center's move of a past day's intervals to the archive, spread over its applies a few dozen
/// agents and queues at a time: at 2,000 agents a whole day takes most of a second of work, which
/// done at once would hold the floor's updates that long. Reads need not know who has moved yet: an
/// interval is either in memory or in the archive, and a read adds the two.
/// </summary>
internal sealed class DayMoves
{
    private readonly Queue<(string Id, bool IsQueue)> _left = new();

    /// <summary>UTC ticks before which intervals are moved, or being moved; nothing at or after it is in the archive.</summary>
    public long Cutoff { get; private set; }

    public bool Pending => _left.Count > 0;

    /// <summary>Intervals moved in this move so far.</summary>
    public int Moved { get; set; }

    /// <summary>Agents and queues whose write failed in this move; they keep those intervals in memory.</summary>
    public int Failed { get; set; }

    /// <summary>When this move started, as a timestamp of the grain's clock.</summary>
    public long StartedAt { get; private set; }

    public void Start(long cutoff, long startedAt, IEnumerable<string> agents, IEnumerable<string> queues)
    {
        if (Pending)
        {
            throw new InvalidOperationException("the move before is not done");
        }

        Cutoff = cutoff;
        StartedAt = startedAt;
        Moved = 0;
        Failed = 0;
        foreach (var queue in queues)
        {
            _left.Enqueue((queue, true));
        }

        foreach (var agent in agents)
        {
            _left.Enqueue((agent, false));
        }
    }

    /// <summary>The next agents and queues to move, at most <paramref name="count"/>.</summary>
    public List<(string Id, bool IsQueue)> Take(int count)
    {
        var next = new List<(string Id, bool IsQueue)>(Math.Min(count, _left.Count));
        while (next.Count < count && _left.TryDequeue(out var entity))
        {
            next.Add(entity);
        }

        return next;
    }
}
