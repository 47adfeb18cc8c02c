using FloorWatch.Domain.Figures;
using FloorWatch.Domain.Floor;

namespace FloorWatch.Grains.Archive;

/// <summary>
/// Where a center's past intervals go when they leave memory, and where the intervals of those
/// days are read back from. Each write holds the intervals of one entity within one UTC day
/// (<see cref="ArchiveDays"/>); a later write for the same interval (a late event) adds to it.
/// </summary>
public interface IIntervalArchive
{
    Task AddAgentAsync(string center, string agent, IReadOnlyList<KeyValuePair<long, AgentInterval>> intervals);

    /// <summary>The agent's archived intervals that start in [fromTicks, toTicks), by start.</summary>
    Task<Dictionary<long, AgentInterval>> AgentAsync(string center, string agent, long fromTicks, long toTicks);

    /// <param name="queue">The queue, or null for the center's own figures.</param>
    Task AddQueueAsync(string center, string? queue, IReadOnlyList<KeyValuePair<long, IntervalCounters>> intervals);

    /// <summary>The queue's (or with null, the center's) archived counters that start in [fromTicks, toTicks), by start.</summary>
    Task<Dictionary<long, IntervalCounters>> QueueAsync(string center, string? queue, long fromTicks, long toTicks);
}
