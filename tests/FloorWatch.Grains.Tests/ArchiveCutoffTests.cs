using System.Globalization;
using FloorWatch.Domain.Time;
using FloorWatch.Grains.Archive;

namespace FloorWatch.Grains.Tests;

/// <summary>What memory keeps: queues a business day from an hour ago, agents an hour after each interval ends, on the hour.</summary>
public class ArchiveCutoffTests
{
    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture);

    private static (DateTimeOffset Queues, DateTimeOffset Agents) Cutoffs(CenterClock clock, string feedClock)
    {
        var (queues, agents) = ArchiveDays.Cutoffs(clock, At(feedClock));
        return (CenterClock.FromTicks(queues), CenterClock.FromTicks(agents));
    }

    [Theory]
    [InlineData("2026-11-17T10:18:36Z", "2026-11-17T00:00:00Z", "2026-11-17T09:00:00Z")]
    [InlineData("2026-11-17T10:00:00Z", "2026-11-17T00:00:00Z", "2026-11-17T09:00:00Z")]
    [InlineData("2026-11-17T09:59:59Z", "2026-11-17T00:00:00Z", "2026-11-17T08:00:00Z")]
    // The first hour of a day: the day before stays whole for queues, and agents keep it from the hour before.
    [InlineData("2026-11-18T00:59:59Z", "2026-11-17T00:00:00Z", "2026-11-17T23:00:00Z")]
    [InlineData("2026-11-18T01:00:00Z", "2026-11-18T00:00:00Z", "2026-11-18T00:00:00Z")]
    public void On_a_utc_floor_agents_keep_from_the_hour_before_the_last(string feedClock, string queues, string agents)
    {
        Assert.Equal((At(queues), At(agents)), Cutoffs(new CenterClock("UTC", "00:00"), feedClock));
    }

    [Fact]
    public void Agents_never_leave_before_the_queues_on_a_day_that_starts_off_the_hour()
    {
        // Kathmandu is UTC+05:45, so its 06:00 day start is 00:15 UTC.
        var clock = new CenterClock("Asia/Kathmandu", "06:00");

        var (queues, agents) = Cutoffs(clock, "2026-11-17T01:30:00Z");

        Assert.Equal(At("2026-11-17T00:15:00Z"), queues);
        Assert.Equal(queues, agents);
        Assert.Equal(At("2026-11-17T01:00:00Z"), Cutoffs(clock, "2026-11-17T02:10:00Z").Agents);
    }
}
