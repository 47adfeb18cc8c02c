using BenchmarkDotNet.Attributes;
using FloorWatch.Benchmarks.Workload;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;
using FloorWatch.Domain.Time;
using FloorWatch.Grains.Queue;
using FloorWatch.Grains.Time;

namespace FloorWatch.Benchmarks.Views;

/// <summary>
/// A queue's view is built for every push that touches the queue (and for all of them every 5 s),
/// and the center's totals, the same builder over every agent and every queue's calls, for every
/// push and snapshot (CenterGrain.Totals). Both at the end of the simulated hour.
/// </summary>
[MemoryDiagnoser]
public class QueueViews
{
    private QueueProjection _busiest = null!;
    private QueueProjection _center = null!;
    private CenterClock _clock = null!;
    private DateTimeOffset _asOf;

    [GlobalSetup]
    public void Setup()
    {
        var floor = Floor.AfterOneHour();
        _asOf = SimulatedCenter.End;
        _clock = Clocks.Get(GrainViews.Clock);
        _center = floor.Center;
        _busiest = floor.Queues.Values
            .OrderByDescending(q => q.Now(_asOf).Staffed + q.Now(_asOf).Waiting)
            .First();
        var now = _busiest.Now(_asOf);
        Console.WriteLine($"// busiest queue {_busiest.Id}: {now.Staffed} staffed, {now.Waiting} waiting; center: {_center.Now(_asOf).Staffed} staffed, {_center.Now(_asOf).Waiting} waiting");
    }

    [Benchmark]
    public QueueView BusiestQueue() => QueueViewBuilder.Build(_busiest, QueueSettings.Default, _clock, _asOf);

    [Benchmark]
    public QueueView CenterTotals() => QueueViewBuilder.Build(_center, QueueSettings.Default, _clock, _asOf);
}
