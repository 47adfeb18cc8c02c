using FloorWatch.Contracts.Grains;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Time;
using FloorWatch.Grains.Time;

namespace FloorWatch.Grains.Agent;

/// <summary>An agent at a seat: folds its ordered facts into state, current call and time per state.</summary>
// State lives in memory and is rebuilt from the journal at start; it must not be collected when idle.
[KeepAlive]
public sealed class AgentGrain : Grain, IAgentGrain
{
    private AgentProjection _projection = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _projection = new AgentProjection(GrainKeys.Split(this.GetPrimaryKeyString()).Entity);
        return Task.CompletedTask;
    }

    public Task Apply(Immutable<FloorFact[]> facts)
    {
        foreach (var f in facts.Value)
        {
            _projection.Apply(f);
        }

        return Task.CompletedTask;
    }

    public Task<AgentView> View(DateTimeOffset asOf, ClockInfo clock) =>
        Task.FromResult(AgentViewBuilder.Build(_projection, asOf, Clocks.Get(clock)));

    public Task<AgentIntervalRow[]> Intervals(DateOnly day, DateTimeOffset asOf, ClockInfo clock) =>
        Task.FromResult(AgentViewBuilder.Intervals(_projection, day, asOf, Clocks.Get(clock)));
}
