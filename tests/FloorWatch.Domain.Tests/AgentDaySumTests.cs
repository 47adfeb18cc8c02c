using FloorWatch.Domain.Events;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Time;
using static FloorWatch.Domain.Tests.Ev;

namespace FloorWatch.Domain.Tests;

/// <summary>
/// An agent's day as views ask for it, again and again while facts come in: the projection keeps the
/// settled intervals' sum, and what it answers must be what a fold from scratch answers.
/// </summary>
public class AgentDaySumTests
{
    private static readonly long DayStart = T0.UtcTicks;
    private static readonly long DayEnd = T0.AddDays(1).UtcTicks;

    /// <summary>Two hours of calls, wrap-ups and not-ready reasons over eight intervals, a state crossing several of them.</summary>
    private static List<CtiEvent> Shift()
    {
        var events = new List<CtiEvent> { Login(0, "A1", "q"), Ready(60, "A1") };
        for (var k = 0; k < 8; k++)
        {
            var at = 100 + (k * 900) + (k * 37 % 200);
            var call = $"c{k}";
            events.AddRange([
                Queued(at, call, "q"), Ringing(at + 3, call, "A1"), Answered(at + 7, call, "A1"),
                Ended(at + 300 + (k * 91 % 500), call), Ready(at + 340 + (k * 91 % 500), "A1")]);
            events.Add(NotReady(at + 760, "A1", k % 2 == 0 ? "away" : "training"));
            events.Add(Ready(at + 800 + (k == 3 ? 1500 : 0), "A1"));
        }

        return events;
    }

    [Fact]
    public void The_day_asked_after_every_event_is_what_a_fold_from_scratch_gives()
    {
        var events = Shift();
        var live = new TestFloor();
        for (var n = 0; n < events.Count; n++)
        {
            live.Apply(events[n]);
            var asOf = events[n].Ts.AddSeconds(30);
            var asked = live.Agents["A1"].Sum(DayStart, DayEnd, asOf);

            var fresh = new TestFloor().Apply([.. events.Take(n + 1)]).Agents["A1"].Sum(DayStart, DayEnd, asOf);
            Assert.Equal(fresh.SecondsByPhase.ToArray(), asked.SecondsByPhase.ToArray());
            Assert.Equal(fresh.SecondsByReason.OrderBy(p => p.Key), asked.SecondsByReason.OrderBy(p => p.Key));
            Assert.Equal(fresh.Handled, asked.Handled);
            Assert.Equal(fresh.HandleTimeSum, asked.HandleTimeSum);
        }

        Assert.Equal(8, live.Agents["A1"].Sum(DayStart, DayEnd, T0.AddHours(3)).Handled);
    }

    [Fact]
    public void A_late_leg_in_a_settled_interval_is_counted_in_the_day()
    {
        var floor = new TestFloor().Apply([.. Shift()]);
        var agent = floor.Agents["A1"];
        var asOf = T0.AddHours(3);
        var before = agent.Sum(DayStart, DayEnd, asOf);

        agent.Apply(new FloorFact { Kind = FactKind.LegHandled, Ts = T0.AddMinutes(5), Agent = "A1", Queue = "q", Start = T0, Seconds = 42 });

        var after = agent.Sum(DayStart, DayEnd, asOf);
        Assert.Equal(before.Handled + 1, after.Handled);
        Assert.Equal(before.HandleTimeSum + 42, after.HandleTimeSum);
        Assert.Equal(before.HandleTimeSum + 42, agent.Sum(DayStart, DayEnd, asOf).HandleTimeSum);
    }

    [Fact]
    public void Late_legs_in_intervals_that_held_nothing_land_in_their_own_rows_in_time_order()
    {
        var agent = new AgentProjection("A1");
        var asOf = T0.AddHours(6);
        foreach (var minutes in new[] { 200, 20, 320, 110, 20 })
        {
            agent.Apply(new FloorFact { Kind = FactKind.LegHandled, Ts = T0.AddMinutes(minutes), Agent = "A1", Queue = "q", Start = T0, Seconds = minutes });
        }

        Assert.Equal(4, agent.IntervalCount);
        Assert.Equal(2, agent.IntervalStartingAt(T0.AddMinutes(15).UtcTicks)!.Handled);
        Assert.Null(agent.IntervalStartingAt(T0.AddMinutes(30).UtcTicks));
        Assert.Equal(110, agent.Sum(T0.AddMinutes(105).UtcTicks, T0.AddMinutes(120).UtcTicks, asOf).HandleTimeSum);
        Assert.Equal(20 + 20 + 110, agent.Sum(DayStart, T0.AddMinutes(195).UtcTicks, asOf).HandleTimeSum);
        Assert.Equal(670, agent.Sum(DayStart, DayEnd, asOf).HandleTimeSum);
    }

    [Fact]
    public void An_interval_row_is_its_own_interval_only()
    {
        var floor = new TestFloor().Apply([.. Shift()]);
        var agent = floor.Agents["A1"];
        var asOf = T0.AddHours(3);
        var day = agent.Sum(DayStart, DayEnd, asOf);

        var rows = Enumerable.Range(0, 96).Select(k => agent.Sum(DayStart + (k * CenterClock.IntervalTicks), DayStart + ((k + 1) * CenterClock.IntervalTicks), asOf)).ToList();

        Assert.Equal(day.Handled, rows.Sum(r => r.Handled));
        Assert.Equal(day.SecondsByPhase.ToArray().Sum(), rows.Sum(r => r.SecondsByPhase.ToArray().Sum()), 6);
        Assert.Equal(day.SecondsByPhase.ToArray().Sum(), agent.Sum(DayStart, DayEnd, asOf).SecondsByPhase.ToArray().Sum());
    }
}
