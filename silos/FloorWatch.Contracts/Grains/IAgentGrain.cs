using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;

namespace FloorWatch.Contracts.Grains;

/// <summary>An agent at a seat, keyed "center/agent": state, current call, time per state.</summary>
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Folds the facts and judges the rules as they go; answers the alerts that changed and, given
    /// the center's clock (while it is watched), the draft of the agent's view. The facts are read
    /// during the call only: the caller hands its list out again once answered.
    /// </summary>
    Task<AgentApplied> Apply(Immutable<IReadOnlyList<FloorFact>> facts, RuleContext context, ClockInfo? draftClock);

    /// <summary>Judges the rules now (the center went live, or the rules changed); answers the alerts that changed.</summary>
    Task<AlertView[]> Evaluate(RuleContext context);

    Task<AgentView> View(DateTimeOffset asOf, ClockInfo clock);

    /// <summary>The day's intervals, those that start before <paramref name="archivedBefore"/> (UTC ticks) read back from the archive as well.</summary>
    Task<AgentIntervalRow[]> Intervals(DateOnly day, DateTimeOffset asOf, ClockInfo clock, long archivedBefore);

    /// <summary>
    /// Moves the intervals that start before <paramref name="ticks"/> from memory to the archive;
    /// answers how many. Those from <paramref name="dayStart"/> (the business day in progress, UTC
    /// ticks) on stay in its views of the day as one sum.
    /// </summary>
    Task<int> ArchiveBefore(long ticks, long dayStart);
}
