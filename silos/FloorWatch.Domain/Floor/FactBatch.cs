namespace FloorWatch.Domain.Floor;

/// <summary>The sequencer's output for a batch of events: ordered facts per agent, per queue, and for the center as a whole.</summary>
public sealed class FactBatch
{
    // Lists of earlier batches, emptied and handed out again: a batch per event on a live feed
    // would otherwise allocate a list per entity per event (most of the domain's garbage).
    private readonly Stack<List<FloorFact>> _spare = new();

    public Dictionary<string, List<FloorFact>> Agents { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<FloorFact>> Queues { get; } = new(StringComparer.Ordinal);

    /// <summary>Facts for the center's own figures: every queue's call facts once, every agent's phase once.</summary>
    public List<FloorFact> Center { get; } = [];

    public bool IsEmpty => Agents.Count == 0 && Queues.Count == 0 && Center.Count == 0;

    public void ToAgent(string agent, in FloorFact f) => ListFor(Agents, agent).Add(f);

    /// <summary>A call or leg fact: counts in the queue and once in the center.</summary>
    public void ToQueueAndCenter(string queue, in FloorFact f)
    {
        ListFor(Queues, queue).Add(f);
        Center.Add(f);
    }

    public void ToQueueOnly(string queue, in FloorFact f) => ListFor(Queues, queue).Add(f);

    public void ToCenterOnly(in FloorFact f) => Center.Add(f);

    /// <summary>Empties the batch; whoever was handed its lists must be done reading them.</summary>
    public void Clear()
    {
        Recycle(Agents);
        Recycle(Queues);
        Center.Clear();
    }

    private void Recycle(Dictionary<string, List<FloorFact>> map)
    {
        foreach (var list in map.Values)
        {
            list.Clear();
            _spare.Push(list);
        }

        map.Clear();
    }

    private List<FloorFact> ListFor(Dictionary<string, List<FloorFact>> map, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = _spare.TryPop(out var spare) ? spare : [];
            map[key] = list;
        }

        return list;
    }
}
