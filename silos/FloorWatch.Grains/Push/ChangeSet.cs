namespace FloorWatch.Grains.Push;

/// <summary>The queues and agents that got facts since the last delta, and the time range of the events behind them.</summary>
internal sealed class ChangeSet
{
    public HashSet<string> Queues { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Agents { get; } = new(StringComparer.Ordinal);
    public DateTimeOffset? OldestEventTs { get; private set; }
    public DateTimeOffset? NewestEventTs { get; private set; }

    public bool IsEmpty => Queues.Count == 0 && Agents.Count == 0 && OldestEventTs is null;

    public void Event(DateTimeOffset ts)
    {
        if (OldestEventTs is not { } oldest || ts < oldest)
        {
            OldestEventTs = ts;
        }

        if (NewestEventTs is not { } newest || ts > newest)
        {
            NewestEventTs = ts;
        }
    }

    public void Clear()
    {
        Queues.Clear();
        Agents.Clear();
        OldestEventTs = null;
        NewestEventTs = null;
    }
}
