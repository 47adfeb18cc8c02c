using System.Globalization;
using FloorWatch.Domain.Settings;
using FloorWatch.Domain.Time;

namespace FloorWatch.Domain.Tests;

/// <summary>Windows of contract section 2: 15-minute intervals on the center's local clock, business days from dayStartsAt, DST days.</summary>
public class CenterClockTests
{
    private static DateTimeOffset At(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

    private static DateOnly Day(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-17T08:07:30Z", "2026-11-17T08:00:00Z")]
    [InlineData("2026-11-17T08:00:00Z", "2026-11-17T08:00:00Z")]
    [InlineData("2026-11-17T08:14:59.9999999Z", "2026-11-17T08:00:00Z")]
    [InlineData("2026-11-17T08:15:00Z", "2026-11-17T08:15:00Z")]
    [InlineData("2026-11-17T23:59:59Z", "2026-11-17T23:45:00Z")]
    [InlineData("2026-11-17T16:22:00+08:00", "2026-11-17T08:15:00Z")]
    [InlineData("2026-11-17T14:07:00+05:45", "2026-11-17T08:15:00Z")]
    [InlineData("2026-11-17T13:59:59+05:45", "2026-11-17T08:00:00Z")]
    [InlineData("2026-11-17T13:44:00+05:30", "2026-11-17T08:00:00Z")]
    public void Intervals_are_half_open_15_minute_slots(string ts, string start)
    {
        Assert.Equal(At(start).UtcTicks, CenterClock.IntervalStartTicks(At(ts)));
    }

    [Theory]
    [InlineData("Asia/Kathmandu")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Australia/Eucla")]
    [InlineData("America/St_Johns")]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Shanghai")]
    public void Interval_starts_fall_on_quarter_hours_of_local_time(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var t = At("2026-01-01T00:00:00Z");
        for (var i = 0; i < 365 * 24; i++, t = t.AddMinutes(61.5))
        {
            var local = TimeZoneInfo.ConvertTime(CenterClock.FromTicks(CenterClock.IntervalStartTicks(t)), zone);
            Assert.Equal(0, local.Minute % 15);
            Assert.Equal(0, local.Second);
        }
    }

    [Fact]
    public void Kathmandu_intervals_start_at_local_quarter_hours()
    {
        // 14:07 +05:45 = 08:22Z → interval 08:15Z = 14:00 local.
        var start = CenterClock.FromTicks(CenterClock.IntervalStartTicks(At("2026-11-17T14:07:00+05:45")));
        var local = TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu"));

        Assert.Equal(new DateTime(2026, 11, 17, 14, 0, 0), local.DateTime);
        Assert.Equal(TimeSpan.FromMinutes(345), local.Offset);
    }

    [Fact]
    public void Kathmandu_business_days_start_at_local_midnight()
    {
        var clock = new CenterClock("Asia/Kathmandu", "00:00");

        Assert.Equal(Day("2026-11-17"), clock.BusinessDay(At("2026-11-17T00:10:00+05:45")));
        Assert.Equal(Day("2026-11-16"), clock.BusinessDay(At("2026-11-16T23:59:59+05:45")));
        Assert.Equal(At("2026-11-16T18:15:00Z"), clock.DayStart(Day("2026-11-17")));
        var intervals = clock.IntervalsOf(Day("2026-11-17")).ToList();
        Assert.Equal(96, intervals.Count);
        Assert.Equal(At("2026-11-16T18:15:00Z").UtcTicks, intervals[0]);
        Assert.Equal(At("2026-11-17T18:00:00Z").UtcTicks, intervals[^1]);
    }

    [Fact]
    public void A_UTC_day_has_96_intervals_from_midnight()
    {
        var intervals = CenterClock.Utc.IntervalsOf(Day("2026-11-17")).ToList();

        Assert.Equal(96, intervals.Count);
        Assert.Equal(At("2026-11-17T00:00:00Z").UtcTicks, intervals[0]);
        Assert.Equal(At("2026-11-17T23:45:00Z").UtcTicks, intervals[^1]);
        Assert.All(intervals.Zip(intervals.Skip(1)), p => Assert.Equal(CenterClock.IntervalTicks, p.Second - p.First));
    }

    [Fact]
    public void A_business_day_starting_at_06_00_runs_to_06_00_the_next_day()
    {
        var clock = new CenterClock("UTC", "06:00");

        Assert.Equal(Day("2026-11-16"), clock.BusinessDay(At("2026-11-17T05:59:59Z")));
        Assert.Equal(Day("2026-11-17"), clock.BusinessDay(At("2026-11-17T06:00:00Z")));
        Assert.Equal(Day("2026-11-17"), clock.BusinessDay(At("2026-11-18T05:59:59.9999999Z")));
        Assert.Equal((At("2026-11-17T06:00:00Z"), At("2026-11-18T06:00:00Z")), clock.DayBounds(Day("2026-11-17")));

        var intervals = clock.IntervalsOf(Day("2026-11-17")).ToList();
        Assert.Equal(96, intervals.Count);
        Assert.Equal(At("2026-11-17T06:00:00Z").UtcTicks, intervals[0]);
        Assert.Equal(At("2026-11-18T05:45:00Z").UtcTicks, intervals[^1]);
    }

    [Fact]
    public void A_business_day_at_06_00_in_Shanghai()
    {
        var clock = new CenterClock("Asia/Shanghai", "06:00");

        // 05:30 local on the 17th belongs to the 16th; the 17th starts 06:00 +08:00 = 22:00Z on the 16th.
        Assert.Equal(Day("2026-11-16"), clock.BusinessDay(At("2026-11-17T05:30:00+08:00")));
        Assert.Equal(Day("2026-11-17"), clock.BusinessDay(At("2026-11-16T22:00:00Z")));
        Assert.Equal(At("2026-11-16T22:00:00Z"), clock.DayStart(Day("2026-11-17")));
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-29", 92)]
    [InlineData("Europe/Berlin", "2026-10-25", 100)]
    [InlineData("Europe/Berlin", "2026-03-28", 96)]
    [InlineData("Europe/Berlin", "2026-03-30", 96)]
    [InlineData("Europe/Berlin", "2026-10-24", 96)]
    [InlineData("Europe/Berlin", "2026-10-26", 96)]
    [InlineData("America/New_York", "2026-03-08", 92)]
    [InlineData("America/New_York", "2026-11-01", 100)]
    [InlineData("America/New_York", "2026-03-07", 96)]
    [InlineData("America/New_York", "2026-11-02", 96)]
    [InlineData("Asia/Shanghai", "2026-03-29", 96)]
    public void A_daylight_saving_day_has_92_or_100_intervals(string zone, string day, int count)
    {
        var clock = new CenterClock(zone, "00:00");

        Assert.Equal(count, clock.IntervalsOf(Day(day)).Count());
    }

    [Fact]
    public void Berlin_spring_forward_day_bounds()
    {
        var clock = new CenterClock("Europe/Berlin", "00:00");
        var (start, end) = clock.DayBounds(Day("2026-03-29"));

        // 00:00 +01:00 to next 00:00 +02:00: 23 hours.
        Assert.Equal(At("2026-03-28T23:00:00Z"), start);
        Assert.Equal(At("2026-03-29T22:00:00Z"), end);

        // 01:59 +01:00 and 03:00 +02:00 are one minute apart and in the same day.
        Assert.Equal(Day("2026-03-29"), clock.BusinessDay(At("2026-03-29T00:59:00Z")));
        Assert.Equal(Day("2026-03-29"), clock.BusinessDay(At("2026-03-29T01:00:00Z")));
        Assert.Equal(Day("2026-03-30"), clock.BusinessDay(At("2026-03-29T22:00:00Z")));
    }

    [Fact]
    public void Berlin_fall_back_day_bounds()
    {
        var clock = new CenterClock("Europe/Berlin", "00:00");

        // 00:00 +02:00 to next 00:00 +01:00: 25 hours.
        Assert.Equal((At("2026-10-24T22:00:00Z"), At("2026-10-25T23:00:00Z")), clock.DayBounds(Day("2026-10-25")));

        // Both 02:30 +02:00 and 02:30 +01:00 belong to the 25th.
        Assert.Equal(Day("2026-10-25"), clock.BusinessDay(At("2026-10-25T02:30:00+02:00")));
        Assert.Equal(Day("2026-10-25"), clock.BusinessDay(At("2026-10-25T02:30:00+01:00")));
    }

    [Fact]
    public void A_day_starting_in_the_spring_forward_gap_starts_at_the_first_local_time_that_exists()
    {
        // 02:00 does not exist in Berlin on 2026-03-29: the day starts at 03:00 +02:00 = 01:00Z and runs to 02:00 +02:00 on the 30th.
        var clock = new CenterClock("Europe/Berlin", "02:00");

        Assert.Equal(At("2026-03-29T01:00:00Z"), clock.DayStart(Day("2026-03-29")));
        Assert.Equal(92, clock.IntervalsOf(Day("2026-03-29")).Count());
        Assert.Equal(96, clock.IntervalsOf(Day("2026-03-28")).Count());
    }

    [Fact]
    public void A_day_starting_at_an_ambiguous_time_starts_at_its_first_occurrence()
    {
        // 02:30 happens twice in Berlin on 2026-10-25; the day starts at the first (+02:00 = 00:30Z).
        var clock = new CenterClock("Europe/Berlin", "02:30");

        Assert.Equal(At("2026-10-25T00:30:00Z"), clock.DayStart(Day("2026-10-25")));
        Assert.Equal(100, clock.IntervalsOf(Day("2026-10-25")).Count());
    }

    [Fact]
    public void New_York_day_bounds_follow_the_offset_of_each_day()
    {
        var clock = new CenterClock("America/New_York", "00:00");

        Assert.Equal((At("2026-03-08T05:00:00Z"), At("2026-03-09T04:00:00Z")), clock.DayBounds(Day("2026-03-08")));
        Assert.Equal((At("2026-11-01T04:00:00Z"), At("2026-11-02T05:00:00Z")), clock.DayBounds(Day("2026-11-01")));
    }

    [Fact]
    public void Consecutive_days_tile_time_without_gaps()
    {
        var clock = new CenterClock("America/New_York", "06:00");
        var day = Day("2026-01-01");
        for (var i = 0; i < 365; i++, day = day.AddDays(1))
        {
            var (start, end) = clock.DayBounds(day);
            Assert.Equal(clock.DayStart(day.AddDays(1)), end);
            Assert.Equal(day, clock.BusinessDay(start));
            Assert.Equal(day, clock.BusinessDay(end.AddTicks(-1)));
            Assert.Contains(clock.IntervalsOf(day).Count(), new[] { 92, 96, 100 });
        }
    }

    [Theory]
    [InlineData("Europe/Berlin", "02:30")]
    [InlineData("Europe/Berlin", "02:00")]
    [InlineData("Europe/Berlin", "00:00")]
    [InlineData("America/New_York", "01:30")]
    [InlineData("America/New_York", "01:00")]
    [InlineData("America/New_York", "06:00")]
    [InlineData("Asia/Kathmandu", "00:00")]
    [InlineData("UTC", "06:00")]
    public void Every_instant_belongs_to_the_business_day_whose_bounds_hold_it(string zone, string dayStartsAt)
    {
        // Every 5 minutes through both 2026 daylight-saving weeks of Europe and the US.
        var clock = new CenterClock(zone, dayStartsAt);
        foreach (var from in new[] { At("2026-03-05T00:00:00Z"), At("2026-10-22T00:00:00Z") })
        {
            for (var t = from; t < from.AddDays(12); t = t.AddMinutes(5))
            {
                var day = clock.BusinessDay(t);
                var (start, end) = clock.DayBounds(day);
                Assert.True(start <= t && t < end, $"{t:o} is in business day {day} but outside [{start:o}, {end:o})");
            }
        }
    }

    [Theory]
    [InlineData("06:10")]
    [InlineData("6:00")]
    [InlineData("24:00")]
    [InlineData("06:00:00")]
    [InlineData("0600")]
    [InlineData("")]
    [InlineData("ab:cd")]
    public void A_dayStartsAt_off_a_quarter_hour_or_malformed_is_rejected(string dayStartsAt)
    {
        Assert.False(CenterClock.TryParseDayStart(dayStartsAt, out _));
        var ex = Assert.Throws<ArgumentException>(() => new CenterClock("UTC", dayStartsAt));
        Assert.Equal("dayStartsAt", ex.ParamName);

        var errors = SettingsValidator.Validate(new CenterSettings { DayStartsAt = dayStartsAt });
        Assert.Contains(errors, e => e.StartsWith("dayStartsAt", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("00:00")]
    [InlineData("06:00")]
    [InlineData("06:45")]
    [InlineData("23:45")]
    public void A_dayStartsAt_on_a_quarter_hour_is_accepted(string dayStartsAt)
    {
        Assert.True(CenterClock.TryParseDayStart(dayStartsAt, out var t));
        Assert.Equal(0, t.Minute % 15);
        Assert.Equal(dayStartsAt, new CenterClock("UTC", dayStartsAt).DayStartsAt);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("Europe/Berlin ")]
    [InlineData("../../etc/passwd")]
    public void An_unknown_time_zone_is_rejected(string zone)
    {
        Assert.False(CenterClock.TryFindZone(zone, out _));
        var ex = Assert.Throws<ArgumentException>(() => new CenterClock(zone, "00:00"));
        Assert.Equal("timeZone", ex.ParamName);

        var errors = SettingsValidator.Validate(new CenterSettings { TimeZone = zone });
        Assert.Contains(errors, e => e.StartsWith("timeZone", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_settings_are_valid()
    {
        Assert.Empty(SettingsValidator.Validate(CenterSettings.Default));
        Assert.Equal("UTC", CenterSettings.Default.TimeZone);
        Assert.Equal("00:00", CenterSettings.Default.DayStartsAt);
    }
}
