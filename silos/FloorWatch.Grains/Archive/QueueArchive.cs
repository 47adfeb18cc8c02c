using FloorWatch.Domain.Figures;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Time;

namespace FloorWatch.Grains.Archive;

/// <summary>A queue's counters to and from the archive: each queue grain's, and the center's own.</summary>
public static class QueueArchive
{
    /// <param name="queue">The queue, or null for the center's own figures.</param>
    public static Task<int> Move(IIntervalArchive archive, string center, QueueProjection projection, long ticks, string? queue)
    {
        var before = new List<KeyValuePair<long, IntervalCounters>>();
        projection.Windows.Before(ticks, before);
        return ArchiveDays.MoveAsync(before, ticks, run => archive.AddQueueAsync(center, queue, run), projection.Windows.ForgetBefore);
    }

    /// <summary>The archived counters of <paramref name="day"/>, or null when none of it is archived.</summary>
    public static async Task<Dictionary<long, IntervalCounters>?> ReadDay(IIntervalArchive archive, string center, string? queue, CenterClock clock, DateOnly day, long archivedBefore)
    {
        return ArchiveDays.ArchivedPart(clock, day, archivedBefore) is var (from, to)
            ? await archive.QueueAsync(center, queue, from, to)
            : null;
    }
}
