namespace FloorWatch.Grains.Center;

/// <summary>
/// A center's move of intervals from memory to the archive, spread over its applies a few dozen
/// agents and queues at a time: at 2,000 agents a whole day takes most of a second of work, which
/// done at once would hold the floor's updates that long. Agents move by the hour, queues by the day
/// (<see cref="Archive.ArchiveDays"/>). Reads need not know who has moved yet: an interval is either
/// in memory or in the archive, and a read adds the two.
/// </summary>
internal sealed class IntervalMoves
{
    private readonly Queue<(string Id, bool IsQueue)> _left = new();

    /// <summary>UTC ticks before which queues' intervals are moved, or being moved; none at or after it is in the archive.</summary>
    public long QueueCutoff { get; private set; }

    /// <summary>UTC ticks before which agents' intervals are moved, or being moved; none at or after it is in the archive.</summary>
    public long AgentCutoff { get; private set; }

    /// <summary>The start of the business day in progress when this move started (UTC ticks): agents keep the sum of what they move of it.</summary>
    public long DayStart { get; private set; }

    public bool Pending => _left.Count > 0;

    /// <summary>Intervals moved in this move so far.</summary>
    public int Moved { get; set; }

    /// <summary>Agents and queues whose write failed in this move; they keep those intervals in memory.</summary>
    public int Failed { get; set; }

    /// <summary>When this move started, as a timestamp of the grain's clock.</summary>
    public long StartedAt { get; private set; }

    /// <summary>True when the cutoffs are past those of the last move: there is something to move.</summary>
    public bool Due(long queueCutoff, long agentCutoff) => queueCutoff > QueueCutoff || agentCutoff > AgentCutoff;

    /// <summary>
    /// Starts a move: the queues when <paramref name="queueCutoff"/> is past the last one, the agents
    /// when theirs is. True when the queues move, a new day's move, which takes the center's own too.
    /// </summary>
    public bool Start(long queueCutoff, long agentCutoff, long dayStart, long startedAt, IEnumerable<string> agents, IEnumerable<string> queues)
    {
        if (Pending)
        {
            throw new InvalidOperationException("the move before is not done");
        }

        StartedAt = startedAt;
        DayStart = dayStart;
        Moved = 0;
        Failed = 0;
        var newDay = queueCutoff > QueueCutoff;
        if (newDay)
        {
            QueueCutoff = queueCutoff;
            foreach (var queue in queues)
            {
                _left.Enqueue((queue, true));
            }
        }

        if (agentCutoff > AgentCutoff)
        {
            AgentCutoff = agentCutoff;
            foreach (var agent in agents)
            {
                _left.Enqueue((agent, false));
            }
        }

        return newDay;
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
