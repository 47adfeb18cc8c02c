namespace FloorWatch.Domain.Floor;

/// <summary>The sequencer's output for a batch of events: ordered facts per agent, per queue, and for the center as a whole.</summary>
public sealed class FactBatch
{
    /// <summary>Largest list kept for an agent's facts: a few per batch are usual, and one agent's burst in a replay's batch is not.</summary>
    public const int MaxSpareAgentCapacity = 32;

    /// <summary>Largest list kept for a queue's facts: there are few queues, and a busy one has hundreds in a batch.</summary>
    public const int MaxSpareQueueCapacity = 1024;

    // Lists of earlier batches, emptied and handed out again: a batch per event on a live feed
    // would otherwise allocate a list per entity per event (most of the domain's garbage). Agents
    // and queues keep their own, and a list grown past its kind's bound is let go: handed from a
    // queue to an agent, every agent's list came to hold a busy queue's room, 44 KB each and
    // 0.8 GB in all after a replay of 24 million records.
    private readonly Stack<List<FloorFact>> _spareForAgents = new();
    private readonly Stack<List<FloorFact>> _spareForQueues = new();

    public Dictionary<string, List<FloorFact>> Agents { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<FloorFact>> Queues { get; } = new(StringComparer.Ordinal);

    /// <summary>Facts for the center's own figures: every queue's call facts once, every agent's phase once.</summary>
    public List<FloorFact> Center { get; } = [];

    public bool IsEmpty => Agents.Count == 0 && Queues.Count == 0 && Center.Count == 0;

    public void ToAgent(string agent, in FloorFact f) => ListFor(Agents, _spareForAgents, agent).Add(f);

    /// <summary>A call or leg fact: counts in the queue and once in the center.</summary>
    public void ToQueueAndCenter(string queue, in FloorFact f)
    {
        ListFor(Queues, _spareForQueues, queue).Add(f);
        Center.Add(f);
    }

    public void ToQueueOnly(string queue, in FloorFact f) => ListFor(Queues, _spareForQueues, queue).Add(f);

    public void ToCenterOnly(in FloorFact f) => Center.Add(f);

    /// <summary>Empties the batch; whoever was handed its lists must be done reading them.</summary>
    public void Clear()
    {
        Recycle(Agents, _spareForAgents, MaxSpareAgentCapacity);
        Recycle(Queues, _spareForQueues, MaxSpareQueueCapacity);
        Center.Clear();
    }

    private static void Recycle(Dictionary<string, List<FloorFact>> map, Stack<List<FloorFact>> spare, int maxCapacity)
    {
        foreach (var list in map.Values)
        {
            if (list.Capacity <= maxCapacity)
            {
                list.Clear();
                spare.Push(list);
            }
        }

        map.Clear();
    }

    private static List<FloorFact> ListFor(Dictionary<string, List<FloorFact>> map, Stack<List<FloorFact>> spare, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = spare.TryPop(out var kept) ? kept : [];
            map[key] = list;
        }

        return list;
    }
}
