using FloorWatch.Domain.Events;
using FloorWatch.Domain.Figures;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Time;
using static FloorWatch.Domain.Tests.Ev;

namespace FloorWatch.Domain.Tests;

/// <summary>
/// Intervals leave memory for the archive: what is handed over and what stays add up to what was
/// held, and a sum asked for before (the agent's settled day) is not answered stale. What an agent
/// hands over of the day in progress stays in its views of the day as one sum.
/// </summary>
public class PastIntervalsTests
{
    private static readonly long Cutoff = T0.AddHours(1).UtcTicks;
    private static readonly long End = T0.AddDays(1).UtcTicks;
    private static readonly DateTimeOffset AsOf = T0.AddHours(3);

    /// <summary>Two hours of calls and not-ready time over eight intervals.</summary>
    private static TestFloor Shift()
    {
        var events = new List<CtiEvent> { Login(0, "A1", "q"), Ready(60, "A1") };
        for (var k = 0; k < 8; k++)
        {
            var at = 100 + (k * 900);
            var call = $"c{k}";
            events.AddRange([
                Queued(at, call, "q"), Ringing(at + 3, call, "A1"), Answered(at + 7, call, "A1"),
                Ended(at + 300, call), Ready(at + 340, "A1"), NotReady(at + 760, "A1", k % 2 == 0 ? "away" : "午餐"), Ready(at + 800, "A1")]);
        }

        return new TestFloor().Apply([.. events]);
    }

    [Fact]
    public void An_agents_intervals_before_the_cutoff_are_handed_over_and_the_rest_stays()
    {
        var agent = Shift().Agents["A1"];
        var whole = agent.Sum(T0.UtcTicks, End, AsOf);
        var held = agent.IntervalCount;

        var before = new List<KeyValuePair<long, AgentInterval>>();
        agent.IntervalsBefore(Cutoff, before);
        agent.ForgetIntervalsBefore(Cutoff, dayStart: End);

        Assert.Equal(4, before.Count);
        Assert.All(before, i => Assert.True(i.Key < Cutoff));
        Assert.Equal(before.Select(i => i.Key).Order(), before.Select(i => i.Key));
        Assert.Equal(held - 4, agent.IntervalCount);
        Assert.Null(agent.IntervalStartingAt(T0.UtcTicks));

        // The day asked for again holds only what stayed (its settled sum, kept from the first ask, was of the whole day).
        var rest = agent.Sum(T0.UtcTicks, End, AsOf);
        foreach (var (_, i) in before)
        {
            rest.Add(i);
        }

        Assert.Equal(whole.SecondsByPhase.ToArray(), rest.SecondsByPhase.ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(whole.SecondsByReason.OrderBy(p => p.Key), rest.SecondsByReason.OrderBy(p => p.Key), (a, b) => a.Key == b.Key && Math.Abs(a.Value - b.Value) < 1e-9);
        Assert.Equal(8, rest.Handled);
        Assert.Equal(4, agent.Sum(T0.UtcTicks, End, AsOf).Handled);
    }

    [Fact]
    public void A_queues_counters_before_the_cutoff_are_handed_over_in_time_order_and_the_rest_stays()
    {
        var windows = Shift().Queues["q"].Windows;
        var whole = windows.Sum(T0.UtcTicks, End);

        var before = new List<KeyValuePair<long, IntervalCounters>>();
        windows.Before(Cutoff, before);
        windows.ForgetBefore(Cutoff);

        Assert.Equal(4, before.Count);
        Assert.Equal(Enumerable.Range(0, 4).Select(k => T0.UtcTicks + (k * CenterClock.IntervalTicks)), before.Select(i => i.Key));
        Assert.All(windows.Intervals.Keys, start => Assert.True(start >= Cutoff));
        var rest = windows.Sum(T0.UtcTicks, End);
        Assert.Equal(4, rest.Offered);
        foreach (var (_, c) in before)
        {
            rest.Add(c);
        }

        Assert.Equal(whole.Offered, rest.Offered);
        Assert.Equal(whole.Answered, rest.Answered);
        Assert.Equal(whole.BusySeconds, rest.BusySeconds, 9);
        Assert.Equal(whole.AvailableSeconds, rest.AvailableSeconds, 9);
    }

    [Fact]
    public void Nothing_before_the_cutoff_leaves_nothing()
    {
        var floor = Shift();
        var agents = new List<KeyValuePair<long, AgentInterval>>();
        floor.Agents["A1"].IntervalsBefore(T0.UtcTicks, agents);
        floor.Agents["A1"].ForgetIntervalsBefore(T0.UtcTicks, T0.UtcTicks);
        var queues = new List<KeyValuePair<long, IntervalCounters>>();
        floor.Queues["q"].Windows.Before(T0.UtcTicks, queues);

        Assert.Empty(agents);
        Assert.Empty(queues);
        Assert.Equal(8, floor.Agents["A1"].Sum(T0.UtcTicks, End, AsOf).Handled);
    }

    [Fact]
    public void Todays_intervals_handed_over_stay_in_a_view_of_the_day_and_not_in_its_interval_rows()
    {
        var agent = Shift().Agents["A1"];
        var whole = agent.Sum(T0.UtcTicks, End, AsOf);

        agent.ForgetIntervalsBefore(Cutoff, dayStart: T0.UtcTicks);

        var day = agent.Sum(T0.UtcTicks, End, AsOf);
        AssertSame(whole, day);
        Assert.Equal(8, day.Handled);
        Assert.Equal(4, agent.HeldSum(T0.UtcTicks, End, AsOf).Handled);
        Assert.Equal(0, agent.HeldSum(T0.UtcTicks, T0.UtcTicks + CenterClock.IntervalTicks, AsOf).SecondsByPhase.ToArray().Sum());

        // A range that holds only part of what was handed over cannot count it: it is read with the archive.
        Assert.Equal(4, agent.Sum(T0.UtcTicks + CenterClock.IntervalTicks, End, AsOf).Handled);
    }

    [Fact]
    public void Each_hour_handed_over_adds_to_the_days_sum_and_a_new_day_drops_it()
    {
        var agent = Shift().Agents["A1"];
        var whole = agent.Sum(T0.UtcTicks, End, AsOf);

        agent.ForgetIntervalsBefore(T0.AddHours(1).UtcTicks, T0.UtcTicks);
        agent.ForgetIntervalsBefore(T0.AddHours(2).UtcTicks, T0.UtcTicks);

        Assert.Equal(0, agent.IntervalCount);
        AssertSame(whole, agent.Sum(T0.UtcTicks, End, AsOf));

        // The next business day: what was kept of the last one is no longer asked for.
        agent.ForgetIntervalsBefore(T0.AddHours(3).UtcTicks, End);
        Assert.Equal(0, agent.Sum(T0.UtcTicks, End, AsOf).Handled);
    }

    private static void AssertSame(AgentInterval expected, AgentInterval actual)
    {
        Assert.Equal(expected.SecondsByPhase.ToArray(), actual.SecondsByPhase.ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(expected.SecondsByReason.OrderBy(p => p.Key), actual.SecondsByReason.OrderBy(p => p.Key), (a, b) => a.Key == b.Key && Math.Abs(a.Value - b.Value) < 1e-9);
        Assert.Equal(expected.Handled, actual.Handled);
        Assert.Equal(expected.HandleTimeSum, actual.HandleTimeSum, 9);
    }
}
