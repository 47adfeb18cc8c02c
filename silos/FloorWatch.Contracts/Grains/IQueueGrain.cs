using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;

namespace FloorWatch.Contracts.Grains;

/// <summary>A queue, keyed "center/queue": waiting calls, interval counters, figures.</summary>
public interface IQueueGrain : IGrainWithStringKey
{
    /// <summary>
    /// Folds the facts, then judges the queue's rules; answers the alerts that changed, and the view
    /// as of <paramref name="view"/> when one is asked for (a push's: one call rather than two). The
    /// facts are read during the call only: the caller hands its list out again once answered.
    /// </summary>
    Task<QueueApplied> Apply(Immutable<IReadOnlyList<FloorFact>> facts, [Immutable] QueueSettings settings, RuleContext context, ViewAsOf? view);

    Task<AlertView[]> Evaluate([Immutable] QueueSettings settings, RuleContext context);

    Task<QueueView> View(DateTimeOffset asOf, [Immutable] QueueSettings settings, ClockInfo clock);

    /// <summary>The day's intervals, those that start before <paramref name="archivedBefore"/> (UTC ticks) read back from the archive as well.</summary>
    Task<IntervalRow[]> Intervals(DateOnly day, DateTimeOffset asOf, [Immutable] QueueSettings settings, ClockInfo clock, long archivedBefore);

    /// <summary>Moves the counters of the intervals that start before <paramref name="ticks"/> from memory to the archive; answers how many.</summary>
    Task<int> ArchiveBefore(long ticks);
}
