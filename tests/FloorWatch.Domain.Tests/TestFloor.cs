using FloorWatch.Domain.Events;
using FloorWatch.Domain.Figures;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;
using FloorWatch.Domain.Time;

namespace FloorWatch.Domain.Tests;

/// <summary>The whole floor in one process: the sequencer feeding the projections directly, as the grains do over calls.</summary>
public sealed class TestFloor
{
    private readonly FactBatch _batch = new();

    public TestFloor(CenterSettings? settings = null) => Sequencer = new CenterSequencer(settings ?? CenterSettings.Default);

    public CenterSequencer Sequencer { get; }
    public Dictionary<string, QueueProjection> Queues { get; } = [];
    public Dictionary<string, AgentProjection> Agents { get; } = [];
    public QueueProjection Center { get; } = new("*");

    public TestFloor Apply(params CtiEvent[] events)
    {
        foreach (var e in events)
        {
            _batch.Clear();
            Sequencer.Apply(e, _batch);
            foreach (var (id, facts) in _batch.Agents)
            {
                var a = Agents.TryGetValue(id, out var x) ? x : Agents[id] = new AgentProjection(id);
                facts.ForEach(f => a.Apply(f));
            }

            foreach (var (id, facts) in _batch.Queues)
            {
                var q = Queues.TryGetValue(id, out var x) ? x : Queues[id] = new QueueProjection(id);
                facts.ForEach(f => q.Apply(f));
            }

            _batch.Center.ForEach(f => Center.Apply(f));
        }

        return this;
    }

    public WindowFigures Interval(string queue, DateTimeOffset start, DateTimeOffset? asOf = null)
    {
        var q = queue == "*" ? Center : Queues[queue];
        return q.Figures(start.UtcTicks, start.UtcTicks + CenterClock.IntervalTicks, asOf ?? start.AddDays(1), Sequencer.Settings.Queue(queue).SlFormula);
    }
}
