using FloorWatch.Domain.Time;

namespace FloorWatch.Domain.Figures;

/// <summary>Counters per 15-minute interval, keyed by the interval's UTC start ticks.</summary>
public sealed class WindowedCounters
{
    private readonly Dictionary<long, IntervalCounters> _intervals = [];

    public IReadOnlyDictionary<long, IntervalCounters> Intervals => _intervals;

    /// <summary>The counters of the interval holding <paramref name="ts"/>.</summary>
    public IntervalCounters At(DateTimeOffset ts)
    {
        var key = CenterClock.IntervalStartTicks(ts);
        if (!_intervals.TryGetValue(key, out var c))
        {
            c = new IntervalCounters();
            _intervals[key] = c;
        }

        return c;
    }

    /// <summary>Adds the intervals that start before <paramref name="ticks"/> to <paramref name="into"/>, in time order.</summary>
    public void Before(long ticks, List<KeyValuePair<long, IntervalCounters>> into)
    {
        var first = into.Count;
        foreach (var entry in _intervals)
        {
            if (entry.Key < ticks)
            {
                into.Add(entry);
            }
        }

        into.Sort(first, into.Count - first, ByStart.Instance);
    }

    /// <summary>Forgets the intervals that start before <paramref name="ticks"/>: a past day's, once they are on disk.</summary>
    public void ForgetBefore(long ticks)
    {
        foreach (var start in _intervals.Keys)
        {
            if (start < ticks)
            {
                _intervals.Remove(start);
            }
        }
    }

    private sealed class ByStart : IComparer<KeyValuePair<long, IntervalCounters>>
    {
        public static readonly ByStart Instance = new();

        public int Compare(KeyValuePair<long, IntervalCounters> x, KeyValuePair<long, IntervalCounters> y) => x.Key.CompareTo(y.Key);
    }

    /// <summary>Adds the seconds of [from, to) as busy or available time, split at interval boundaries.</summary>
    public void AddTime(DateTimeOffset from, DateTimeOffset to, bool busy) => AddTime(this, from.UtcTicks, to.UtcTicks, busy);

    /// <summary>Sum of the intervals starting in [fromTicks, toTicks).</summary>
    public IntervalCounters Sum(long fromTicks, long toTicks)
    {
        var sum = new IntervalCounters();
        if (toTicks - fromTicks <= CenterClock.IntervalTicks * 200)
        {
            for (var t = fromTicks - (fromTicks % CenterClock.IntervalTicks); t < toTicks; t += CenterClock.IntervalTicks)
            {
                if (t >= fromTicks && _intervals.TryGetValue(t, out var c))
                {
                    sum.Add(c);
                }
            }

            return sum;
        }

        foreach (var (t, c) in _intervals)
        {
            if (t >= fromTicks && t < toTicks)
            {
                sum.Add(c);
            }
        }

        return sum;
    }

    /// <summary>Adds time to <paramref name="target"/> clipped to [clipFrom, clipTo): how an open state counts up to asOf.</summary>
    public static void AddClippedTime(IntervalCounters target, long from, long to, long clipFrom, long clipTo, bool busy)
    {
        var start = Math.Max(from, clipFrom);
        var end = Math.Min(to, clipTo);
        if (end <= start)
        {
            return;
        }

        var seconds = (end - start) / (double)TimeSpan.TicksPerSecond;
        if (busy)
        {
            target.BusySeconds += seconds;
        }
        else
        {
            target.AvailableSeconds += seconds;
        }
    }

    private static void AddTime(WindowedCounters w, long from, long to, bool busy)
    {
        var t = from;
        while (t < to)
        {
            var intervalStart = t - (t % CenterClock.IntervalTicks);
            var end = Math.Min(to, intervalStart + CenterClock.IntervalTicks);
            var seconds = (end - t) / (double)TimeSpan.TicksPerSecond;
            if (!w._intervals.TryGetValue(intervalStart, out var c))
            {
                c = new IntervalCounters();
                w._intervals[intervalStart] = c;
            }

            if (busy)
            {
                c.BusySeconds += seconds;
            }
            else
            {
                c.AvailableSeconds += seconds;
            }

            t = end;
        }
    }
}
