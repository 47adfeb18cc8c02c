using BenchmarkDotNet.Attributes;
using FloorWatch.Benchmarks.Workload;
using FloorWatch.Domain.Events;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;

namespace FloorWatch.Benchmarks.Domain;

/// <summary>
/// Every journaled event goes through the center's sequencer (one grain per center, so one core per
/// center at most) and its facts are folded into the queue and agent projections. One operation is
/// the whole simulated hour from an empty floor; divide by the event count printed at setup.
/// BatchSize 4096 is a replay (CenterDispatcher's largest batch); 1 is a quiet live feed, where every
/// batch's per-entity lists and fan-out arrays are made again.
/// </summary>
[MemoryDiagnoser]
public class DomainApply
{
    private IReadOnlyList<CtiEvent> _events = [];

    [Params(1, 4096)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var stream = SimulatedCenter.OneHour;
        _events = stream.Parsed;
        var floor = new Floor(rules: true).Apply(_events, BatchSize);
        Console.WriteLine($"// workload: {_events.Count} events in {SimulatedCenter.Length.TotalMinutes} simulated minutes, {floor.Agents.Count} agents, {floor.Queues.Count} queues, {floor.Sequencer.Anomalies.Count} anomalies, {floor.AlertChanges} alert changes");
    }

    /// <summary>The sequencer alone: routing table, agent state machines, facts per entity (CenterGrain.Apply before FanOut).</summary>
    [Benchmark]
    public int Sequence()
    {
        var sequencer = new CenterSequencer(CenterSettings.Default);
        var batch = new FactBatch();
        var entities = 0;
        for (var i = 0; i < _events.Count; i++)
        {
            sequencer.Apply(_events[i], batch);
            if ((i + 1) % BatchSize == 0)
            {
                entities += batch.Agents.Count + batch.Queues.Count;
                batch.Clear();
            }
        }

        return entities;
    }

    /// <summary>Sequencer, fan-out copies and the fold into every queue's, agent's and the center's projection.</summary>
    [Benchmark]
    public int SequenceAndFold() => new Floor().Apply(_events, BatchSize).Agents.Count;

    /// <summary>As <see cref="SequenceAndFold"/>, with each agent's and queue's rules judged after every fact (AgentGrain and QueueGrain with RuleJudge).</summary>
    [Benchmark]
    public long SequenceFoldAndJudge() => new Floor(rules: true).Apply(_events, BatchSize).AlertChanges;
}
