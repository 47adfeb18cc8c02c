using FloorWatch.Contracts.Grains;
using FloorWatch.Domain.Events;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Rules;
using FloorWatch.Domain.Settings;
using FloorWatch.Grains.Rules;

namespace FloorWatch.Benchmarks.Workload;

/// <summary>
/// A center's floor in one process, doing per batch what the grains do without Orleans between them:
/// CenterGrain.Apply runs the sequencer over the batch, FanOut copies each entity's facts to an
/// array (the Immutable&lt;FloorFact[]&gt; of its grain call) under its grain key and folds the
/// center's own facts; QueueGrain.Apply and AgentGrain.Apply fold those arrays into their projections
/// and, with <c>rules</c>, judge the floor rules after each fact as those grains do.
/// </summary>
public sealed class Floor
{
    private readonly FactBatch _batch = new();
    private readonly HashSet<string> _changedQueues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changedAgents = new(StringComparer.Ordinal);

    private readonly bool _rules;
    private readonly Dictionary<string, RuleJudge> _agentJudges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RuleJudge> _queueJudges = new(StringComparer.Ordinal);
    private readonly RuleSettings _ruleSettings;

    public Floor(CenterSettings? settings = null, bool rules = false)
    {
        Sequencer = new CenterSequencer(settings ?? CenterSettings.Default);
        _rules = rules;
        _ruleSettings = Sequencer.Settings.Rules;
    }

    /// <summary>Alerts raised, escalated or resolved so far (with <c>rules</c>).</summary>
    public long AlertChanges { get; private set; }

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
            var judge = _rules ? QueueJudge(queue, q) : null;
            foreach (var f in facts.ToArray())
            {
                q.Apply(f);
                if (judge is not null && f.Kind is FactKind.MemberPhase or FactKind.CallAnswered or FactKind.CallAbandoned)
                {
                    judge.Judge(f.Ts);
                }
            }

            Count(judge);
        }

        foreach (var (agent, facts) in _batch.Agents)
        {
            _changedAgents.Add(agent);
            _ = GrainKeys.Of(SimulatedCenter.Center, agent);
            var a = Agents.TryGetValue(agent, out var x) ? x : Agents[agent] = new AgentProjection(agent);
            var judge = _rules ? AgentJudge(agent, a) : null;
            foreach (var f in facts.ToArray())
            {
                judge?.CatchUp(f.Ts);
                a.Apply(f);
                judge?.Judge(f.Ts);
            }

            Count(judge);
        }

        foreach (var f in _batch.Center)
        {
            Center.Apply(f);
        }

        _batch.Clear();
    }

    private RuleJudge AgentJudge(string id, AgentProjection a)
    {
        if (!_agentJudges.TryGetValue(id, out var judge))
        {
            judge = new RuleJudge((into, _) => AgentRules.Conditions(a, _ruleSettings, into));
            _agentJudges[id] = judge;
        }

        judge.Clear();
        return judge;
    }

    private RuleJudge QueueJudge(string id, QueueProjection q)
    {
        if (!_queueJudges.TryGetValue(id, out var judge))
        {
            var rules = new QueueRules(id);
            judge = new RuleJudge((into, at) => rules.Conditions(q, QueueSettings.Default, _ruleSettings, at, into));
            _queueJudges[id] = judge;
        }

        judge.Clear();
        return judge;
    }

    private void Count(RuleJudge? judge) => AlertChanges += judge?.Changes.Count ?? 0;

    /// <summary>The floor at the end of the simulated hour, folded in replay-sized batches.</summary>
    public static Floor AfterOneHour() => new Floor().Apply(SimulatedCenter.OneHour.Parsed, 4096);
}
