using FloorWatch.Domain.Time;

namespace FloorWatch.Grains.Archive;

/// <summary>Which intervals leave memory, and how they are split into the archive's writes.</summary>
public static class ArchiveDays
{
    /// <summary>
    /// How long an interval stays in memory after it ends: late events for it mostly come within
    /// minutes, and a day's last interval still sets the staffing figures of the next day's first.
    /// </summary>
    public static readonly TimeSpan KeptAfterEnd = TimeSpan.FromHours(1);

    /// <summary>
    /// What memory keeps when the feed's clock reads <paramref name="feedClock"/>, as UTC ticks before
    /// which intervals leave it. Queues (and the center's own figures) keep every business day from
    /// the one an hour ago: their views of today sum the day, and a day of them is small (96 per
    /// queue). Agents keep their intervals an hour after they end, leaving on the hour, never before
    /// the queues' cutoff: a day of them is 96 per agent, some 200 MB at 20,000 agents.
    /// </summary>
    public static (long Queues, long Agents) Cutoffs(CenterClock clock, DateTimeOffset feedClock)
    {
        var kept = feedClock - KeptAfterEnd;
        var queues = clock.DayBounds(clock.BusinessDay(kept)).Start.UtcTicks;
        return (queues, Math.Max(queues, kept.UtcTicks - (kept.UtcTicks % TimeSpan.TicksPerHour)));
    }

    /// <summary>
    /// The part of business day <paramref name="day"/> that may be in the archive, as UTC ticks
    /// [From, To): what starts before <paramref name="archivedBefore"/>; null when none of it does.
    /// </summary>
    public static (long From, long To)? ArchivedPart(CenterClock clock, DateOnly day, long archivedBefore)
    {
        var (start, end) = clock.DayBounds(day);
        return start.UtcTicks < archivedBefore ? (start.UtcTicks, Math.Min(end.UtcTicks, archivedBefore)) : null;
    }

    /// <summary>The UTC day an interval starting at <paramref name="ticks"/> is archived under; a business day spans one or two of them.</summary>
    public static DateOnly FileDay(long ticks) => DateOnly.FromDateTime(new DateTime(ticks, DateTimeKind.Utc));

    /// <summary>
    /// Writes intervals taken before <paramref name="ticks"/> (in time order) day by day, and has each
    /// day forgotten once it is written: a failed write leaves it and the days after it in memory,
    /// counted once. Answers how many intervals there were.
    /// </summary>
    public static async Task<int> MoveAsync<T>(List<KeyValuePair<long, T>> before, long ticks, Func<ArraySegment<KeyValuePair<long, T>>, Task> write, Action<long> forgetBefore)
    {
        foreach (var (day, run) in Split(before))
        {
            await write(run);
            forgetBefore(Math.Min(EndTicks(day), ticks));
        }

        return before.Count;
    }

    /// <summary>Splits intervals in time order into runs of one UTC day each, the archive's unit of writing.</summary>
    private static IEnumerable<(DateOnly Day, ArraySegment<KeyValuePair<long, T>> Intervals)> Split<T>(List<KeyValuePair<long, T>> intervals)
    {
        var all = intervals.ToArray();
        var from = 0;
        while (from < all.Length)
        {
            var day = FileDay(all[from].Key);
            var to = from + 1;
            while (to < all.Length && FileDay(all[to].Key) == day)
            {
                to++;
            }

            yield return (day, new ArraySegment<KeyValuePair<long, T>>(all, from, to - from));
            from = to;
        }
    }

    /// <summary>The start of the UTC day after <paramref name="day"/>, in ticks.</summary>
    private static long EndTicks(DateOnly day) => day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks;
}
