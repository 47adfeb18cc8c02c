using BenchmarkDotNet.Attributes;
using FloorWatch.Benchmarks.Workload;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Time;
using FloorWatch.Grains.Agent;
using FloorWatch.Grains.Time;

namespace FloorWatch.Benchmarks.Views;

/// <summary>
/// An agent's view (AgentGrain.View: today's sums, seconds by state and by reason) is built for
/// every push in which the agent changed, and for every agent on a snapshot or a node's first delta.
/// One agent with a full hour behind it, and the whole 2,000-agent floor.
/// </summary>
[MemoryDiagnoser]
public class AgentViews
{
    private AgentProjection _one = null!;
    private AgentProjection[] _all = [];
    private CenterClock _clock = null!;
    private DateTimeOffset _asOf;

    [GlobalSetup]
    public void Setup()
    {
        var floor = Floor.AfterOneHour();
        _asOf = SimulatedCenter.End;
        _clock = Clocks.Get(GrainViews.Clock);
        _all = floor.Agents.Values.OrderBy(a => a.Id, StringComparer.Ordinal).ToArray();
        _one = _all.OrderByDescending(a => a.IntervalCount).ThenByDescending(a => AgentViewBuilder.Build(a, _asOf, _clock).SecondsByReason.Count).First();
    }

    [Benchmark]
    public AgentView OneAgent() => AgentViewBuilder.Build(_one, _asOf, _clock);

    [Benchmark]
    public int WholeFloor()
    {
        var handled = 0L;
        foreach (var a in _all)
        {
            handled += AgentViewBuilder.Build(a, _asOf, _clock).Handled;
        }

        return (int)handled;
    }
}
