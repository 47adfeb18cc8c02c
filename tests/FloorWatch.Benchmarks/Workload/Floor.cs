using FloorWatch.Contracts.Grains;
using FloorWatch.Domain.Events;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;

namespace FloorWatch.Benchmarks.Workload;

/// <summary>
/// A center's floor in one process, doing per batch what the grains do without Orleans between them:
/// CenterGrain.Apply runs the sequencer over the batch, FanOut copies each entity's facts to an
/// array (the Immutable&lt;FloorFact[]&gt; of its grain call) under its grain key and folds the
/// center's own facts; QueueGrain.Apply and AgentGrain.Apply fold those arrays into their projections.
/// </summary>
public sealed class Floor
{
    private readonly FactBatch _batch = new();
    private readonly HashSet<string> _changedQueues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changedAgents = new(StringComparer.Ordinal);

    public Floor(CenterSettings? settings = null) => Sequencer = new CenterSequencer(settings ?? CenterSettings.Default);

    public CenterSequencer Sequencer { get; }
    public Dictionary<string, QueueProjection> Queues { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, AgentProjection> Agents { get; } = new(StringComparer.Ordinal);
    public QueueProjection Center { get; } = new("*");

    /// <summary>The whole stream in batches of <paramref name="batchSize"/> (CenterDispatcher sends up to 4,096; live, a handful).</summary>
    public Floor Apply(IReadOnlyList<CtiEvent> events, int batchSize)
    {
        for (var i = 0; i < events.Count; i++)
        {
            Sequencer.Apply(events[i], _batch);
            if ((i + 1) % batchSize == 0)
            {
                FanOut();
            }
        }

        FanOut();
        return this;
    }

    private void FanOut()
    {
        foreach (var (queue, facts) in _batch.Queues)
        {
            _changedQueues.Add(queue);
            _ = GrainKeys.Of(SimulatedCenter.Center, queue);
            var q = Queues.TryGetValue(queue, out var x) ? x : Queues[queue] = new QueueProjection(queue);
            foreach (var f in facts.ToArray())
            {
                q.Apply(f);
            }
        }

        foreach (var (agent, facts) in _batch.Agents)
        {
            _changedAgents.Add(agent);
            _ = GrainKeys.Of(SimulatedCenter.Center, agent);
            var a = Agents.TryGetValue(agent, out var x) ? x : Agents[agent] = new AgentProjection(agent);
            foreach (var f in facts.ToArray())
            {
                a.Apply(f);
            }
        }

        foreach (var f in _batch.Center)
        {
            Center.Apply(f);
        }

        _batch.Clear();
    }

    /// <summary>The floor at the end of the simulated hour, folded in replay-sized batches.</summary>
    public static Floor AfterOneHour() => new Floor().Apply(SimulatedCenter.OneHour.Parsed, 4096);
}
