using FloorWatch.Domain.Events;
using FloorWatch.Domain.Floor;
using static FloorWatch.Domain.Tests.Ev;

namespace FloorWatch.Domain.Tests;

/// <summary>handled and ahtSeconds count a leg in the interval where its wrap-up ends, by each of the events that end it.</summary>
public class HandledTests
{
    /// <summary>A1 answers c1 at 08:00:10, talk ends 08:01:40; then the wrap-up ends at 08:15:20 by <paramref name="ender"/>.</summary>
    private static TestFloor WrapUpEndedBy(string ender)
    {
        var floor = new TestFloor().Apply(
            Login(0, "A1", "q"), Ready(0, "A1"),
            Queued(0, "c1", "q"), Answered(10, "c1", "A1"), Ended(100, "c1"));
        Assert.Equal(AgentPhase.WrapUp, floor.Agents["A1"].Phase);

        var end = ender switch
        {
            "ready" => [Ready(920, "A1")],
            "notready" => [NotReady(920, "A1", "away")],
            "logout" => [Logout(920, "A1")],
            "ringing" => [Queued(915, "c2", "q"), Ringing(920, "c2", "A1")],
            "answered" => [Queued(915, "c2", "q"), Answered(920, "c2", "A1")],
            "transferred-to" => new[] { Queued(900, "c2", "q"), Answered(905, "c2", "A2"), ToAgent(920, "c2", "A1") },
            _ => throw new ArgumentOutOfRangeException(nameof(ender)),
        };
        return floor.Apply(end);
    }

    [Theory]
    [InlineData("ready")]
    [InlineData("notready")]
    [InlineData("logout")]
    [InlineData("ringing")]
    [InlineData("answered")]
    [InlineData("transferred-to")]
    public void A_leg_is_handled_in_the_interval_where_its_wrap_up_ends(string ender)
    {
        var floor = WrapUpEndedBy(ender);

        // Answered in 08:00; leg 08:00:10 → 08:15:20 = 910 s, handled in 08:15.
        var first = floor.Interval("q", T0);
        Assert.Equal(1, first.Answered);
        Assert.Equal(0, first.Handled);
        Assert.Null(first.AhtSeconds);

        var second = floor.Interval("q", T0.AddMinutes(15));
        Assert.Equal(1, second.Handled);
        Near.Equal(910, second.AhtSeconds);

        var agent = floor.Agents["A1"].IntervalStartingAt(T0.AddMinutes(15).UtcTicks)!;
        Assert.Equal(1, agent.Handled);
        Assert.Equal(910, agent.HandleTimeSum);
        Assert.False(floor.Agents["A1"].IntervalStartingAt(T0.UtcTicks) is { Handled: > 0 });
    }

    [Fact]
    public void A_wrap_up_still_open_is_not_handled_yet()
    {
        var floor = new TestFloor().Apply(Queued(0, "c1", "q"), Answered(10, "c1", "A1"), Ended(100, "c1"));

        Assert.Equal(0, floor.Interval("q", T0).Handled);
        Assert.Equal(0, floor.Interval("q", T0.AddMinutes(15)).Handled);
        Assert.Equal(0, floor.Interval("*", T0).Handled);
    }

    [Fact]
    public void A_leg_still_talking_is_not_handled()
    {
        var floor = new TestFloor().Apply(Queued(0, "c1", "q"), Answered(10, "c1", "A1"), Skills(20, "A1", "q", "q2"));

        Assert.Equal(0, floor.Interval("q", T0).Handled);
    }

    [Fact]
    public void Hold_and_retrieve_do_not_end_a_leg_and_wrap_up_counts_in_full()
    {
        // Answered 0, held 30–60, ended 100, wrap-up 100–400 (5 minutes, over wrapUpMaxSeconds 120), ready 400: AHT 400.
        var held = new CtiEvent { Id = "h1", Ts = T0.AddSeconds(30), Center = "c", Type = EventType.CallHeld, Call = "c1" };
        var retrieved = held with { Id = "h2", Ts = T0.AddSeconds(60), Type = EventType.CallRetrieved };
        var floor = new TestFloor().Apply(Queued(0, "c1", "q"), Answered(0, "c1", "A1"), held);

        Assert.True(floor.Agents["A1"].Call!.Held);

        floor.Apply(retrieved);
        Assert.False(floor.Agents["A1"].Call!.Held);

        floor.Apply(Ended(100, "c1"), Ready(400, "A1"));
        var f = floor.Interval("q", T0);
        Assert.Equal(1, f.Handled);
        Near.Equal(400, f.AhtSeconds);
    }

    [Fact]
    public void AHT_is_the_mean_over_the_handled_legs_of_the_window()
    {
        // Legs: A1 0 → 120 (ready), A2 30 → 330 (notready), A3 60 → 150 (next call rings): (120 + 300 + 90) / 3 = 170.
        var floor = new TestFloor().Apply(
            Queued(0, "c1", "q"), Answered(0, "c1", "A1"), Ended(100, "c1"), Ready(120, "A1"),
            Queued(30, "c2", "q"), Answered(30, "c2", "A2"), Ended(300, "c2"), NotReady(330, "A2", "break"),
            Queued(60, "c3", "q"), Answered(60, "c3", "A3"), Ended(140, "c3"),
            Queued(150, "c4", "q"), Ringing(150, "c4", "A3"));

        var f = floor.Interval("q", T0);
        Assert.Equal(3, f.Handled);
        Near.Equal(170, f.AhtSeconds);
    }

    [Fact]
    public void A_repeated_ready_does_not_count_the_leg_twice()
    {
        var floor = new TestFloor().Apply(
            Queued(0, "c1", "q"), Answered(0, "c1", "A1"), Ended(50, "c1"), Ready(60, "A1"), Ready(70, "A1"), NotReady(80, "A1", "away"));

        Assert.Equal(1, floor.Interval("q", T0).Handled);
        Near.Equal(60, floor.Interval("q", T0).AhtSeconds);
    }

    [Fact]
    public void An_abandoned_call_of_a_connected_agent_counts_as_ended_and_the_leg_ends_at_wrap_up_end()
    {
        // call.abandoned for an answered call: an anomaly counted as call.ended; the agent goes to wrap-up.
        var floor = new TestFloor().Apply(Queued(0, "c1", "q"), Answered(5, "c1", "A1"), Abandoned(65, "c1"));

        Assert.Equal(AgentPhase.WrapUp, floor.Agents["A1"].Phase);
        Assert.Equal(0, floor.Interval("q", T0).Abandoned);
        Assert.Equal(1, floor.Sequencer.Anomalies.Count);

        floor.Apply(Ready(75, "A1"));
        Assert.Equal(1, floor.Interval("q", T0).Handled);
        Near.Equal(70, floor.Interval("q", T0).AhtSeconds);
    }
}
