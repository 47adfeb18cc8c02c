using FloorWatch.LoadGen.Province;
using FloorWatch.LoadGen.Timing;

namespace FloorWatch.LoadGen.Feeding;

/// <summary>
/// The schedule of a feed: which events are due now, and how long to sleep until the next one. The
/// schedule is open-loop: a server that reads slowly makes the sender late (its lag), never the
/// schedule, so latency counts from when each event was due, as it would from a real switch.
/// </summary>
internal sealed class Pacer(CenterFeed feed, TimeWarp warp, int maxBatch)
{
    private static readonly TimeSpan MinSleep = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMilliseconds(20);

    /// <summary>Events [from, to) due by <paramref name="now"/> (at most the batch size), and how late the first of them is.</summary>
    public (int To, TimeSpan Late) Due(int from, DateTimeOffset now)
    {
        var to = feed.DueBy(warp.DueRelMs(now), from);
        to = Math.Min(to, from + maxBatch);
        var late = to > from ? now - warp.SendTimeOfRel(feed.RelMs(from)) : TimeSpan.Zero;
        return (to, late);
    }

    /// <summary>How long to sleep before event <paramref name="next"/> is due.</summary>
    public TimeSpan SleepBefore(int next, DateTimeOffset now)
    {
        var wait = warp.SendTimeOfRel(feed.RelMs(next)) - now;
        return wait < MinSleep ? MinSleep : wait > MaxSleep ? MaxSleep : wait;
    }

    /// <summary>When event <paramref name="index"/> was due.</summary>
    public DateTimeOffset DueAt(int index) => warp.SendTimeOfRel(feed.RelMs(index));
}
