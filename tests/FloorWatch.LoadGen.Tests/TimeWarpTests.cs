using FloorWatch.LoadGen.Timing;

namespace FloorWatch.LoadGen.Tests;

public class TimeWarpTests
{
    private static readonly DateTimeOffset SimStart = new(2026, 11, 25, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RealStart = new(2026, 11, 25, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Two_and_a_half_simulated_hours_in_a_minute_is_a_speed_up_of_150()
    {
        Assert.Equal(150, TimeWarp.SpeedUpFor(TimeSpan.FromHours(2.5), TimeSpan.FromMinutes(1)), 9);
    }

    [Fact]
    public void A_ts_maps_to_its_send_time_linearly()
    {
        var warp = new TimeWarp(SimStart, RealStart, 150);

        Assert.Equal(RealStart, warp.SendTimeOf(SimStart));
        Assert.Equal(RealStart.AddSeconds(1), warp.SendTimeOf(SimStart.AddSeconds(150)));
        Assert.Equal(RealStart.AddMinutes(1), warp.SendTimeOf(SimStart.AddHours(2.5)));
        Assert.Equal(RealStart.AddMilliseconds(2), warp.SendTimeOf(SimStart.AddMilliseconds(300)));
    }

    [Fact]
    public void What_is_due_is_the_inverse_of_when_it_is_sent()
    {
        var warp = new TimeWarp(SimStart, RealStart, 150);

        Assert.Equal(0, warp.DueRelMs(RealStart));
        Assert.Equal(150_000, warp.DueRelMs(RealStart.AddSeconds(1)), 6);
        Assert.Equal(RealStart.AddSeconds(1), warp.SendTimeOfRel(150_000));
        Assert.Equal(warp.SendTimeOf(SimStart.AddMinutes(7)), warp.SendTimeOfRel(TimeSpan.FromMinutes(7).TotalMilliseconds));
    }

    [Fact]
    public void Before_the_start_nothing_is_due()
    {
        var warp = new TimeWarp(SimStart, RealStart, 150);

        Assert.True(warp.DueRelMs(RealStart.AddSeconds(-1)) < 0);
    }
}
