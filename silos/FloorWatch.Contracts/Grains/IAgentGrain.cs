using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;

namespace FloorWatch.Contracts.Grains;

/// <summary>An agent at a seat, keyed "center/agent": state, current call, time per state.</summary>
public interface IAgentGrain : IGrainWithStringKey
{
    Task Apply(Immutable<FloorFact[]> facts);

    Task<AgentView> View(DateTimeOffset asOf, ClockInfo clock);

    Task<AgentIntervalRow[]> Intervals(DateOnly day, DateTimeOffset asOf, ClockInfo clock);
}
