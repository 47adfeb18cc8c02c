using System.Collections.Concurrent;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Time;

namespace FloorWatch.Grains.Time;

/// <summary>Center clocks by settings: looking a time zone up once, not on every call.</summary>
public static class Clocks
{
    private static readonly ConcurrentDictionary<ClockInfo, CenterClock> Cache = new();

    public static CenterClock Get(ClockInfo info) => Cache.GetOrAdd(info, i => new CenterClock(i.TimeZone, i.DayStartsAt));
}
