using FloorWatch.Domain.Floor;
using static FloorWatch.Domain.Tests.Ev;

namespace FloorWatch.Domain.Tests;

/// <summary>Events applied in arrival order whose ts go backwards: a negative duration counts as zero and is reported as an anomaly.</summary>
public class NegativeDurationTests
{
    [Fact]
    public void A_negative_wait_counts_as_zero_and_is_an_anomaly()
    {
        // Queued at 100, answered at 90: wait −10 → 0, within the threshold.
        var floor = new TestFloor().Apply(Queued(100, "c1", "q"), Answered(90, "c1", "A1"));
        var f = floor.Interval("q", T0);

        Assert.Equal(1, f.Answered);
        Assert.Equal(1, f.AnsweredWithinThreshold);
        Near.Equal(0, f.AsaSeconds);
        var anomaly = Assert.Single(floor.Sequencer.Anomalies.Recent);
        Assert.Contains("negative", anomaly.What, StringComparison.Ordinal);
        Assert.Equal(T0.AddSeconds(90), anomaly.Ts);
    }

    [Fact]
    public void A_negative_abandon_wait_counts_as_zero_and_is_a_short_abandon()
    {
        var floor = new TestFloor().Apply(Queued(100, "c1", "q"), Abandoned(40, "c1"));

        Assert.Equal(1, floor.Interval("q", T0).ShortAbandoned);
        Assert.Equal(1, floor.Sequencer.Anomalies.Count);
    }

    [Fact]
    public void A_negative_leg_counts_as_zero_and_is_an_anomaly()
    {
        // Answered 90 (wait 0 from 90), ended 200, ready at 70: the leg 90 → 70 is −20 s → AHT 0.
        var floor = new TestFloor().Apply(Queued(90, "c1", "q"), Answered(90, "c1", "A1"), Ended(200, "c1"), Ready(70, "A1"));
        var f = floor.Interval("q", T0);

        Assert.Equal(1, f.Handled);
        Near.Equal(0, f.AhtSeconds);
        Assert.True(floor.Sequencer.Anomalies.Count >= 1);
        Assert.All(floor.Sequencer.Anomalies.Recent, a => Assert.Contains("negative", a.What, StringComparison.Ordinal));
        Assert.Equal(0, floor.Agents["A1"].IntervalStartingAt(T0.UtcTicks)!.HandleTimeSum);
    }

    [Fact]
    public void A_negative_agent_state_counts_as_zero_and_is_an_anomaly()
    {
        // Login 0 (not ready), ready 100, break at 50 (before the ready: −50 s of available → 0), ready 120.
        var floor = new TestFloor().Apply(Login(0, "A1", "q"), Ready(100, "A1"));
        Assert.Equal(0, floor.Sequencer.Anomalies.Count);

        floor.Apply(NotReady(50, "A1", "break"));
        var anomaly = Assert.Single(floor.Sequencer.Anomalies.Recent);
        Assert.Contains("negative", anomaly.What, StringComparison.Ordinal);

        floor.Apply(Ready(120, "A1"));
        Assert.Equal(1, floor.Sequencer.Anomalies.Count);

        // Agent: not ready 0–100 (login) and 100–120 (break: its start is held at 100); available 120–200; none negative.
        var sum = floor.Agents["A1"].Sum(T0.UtcTicks, T0.AddMinutes(15).UtcTicks, T0.AddSeconds(200));
        Assert.Equal(120, sum.SecondsByPhase[(int)AgentPhase.NotReady]);
        Assert.Equal(100, sum.SecondsByReason["login"]);
        Assert.Equal(20, sum.SecondsByReason["break"]);
        Assert.Equal(80, sum.SecondsByPhase[(int)AgentPhase.Available]);
        Assert.All(sum.SecondsByPhase.ToArray(), s => Assert.True(s >= 0));

        // Queue: available 120–200 only → occupancy 0 over 80 s, never a negative part.
        Near.Equal(0, floor.Interval("q", T0, T0.AddSeconds(200)).Occupancy);
    }

    [Fact]
    public void In_order_events_raise_no_anomaly()
    {
        var floor = new TestFloor().Apply(
            Login(0, "A1", "q"), Ready(1, "A1"), Queued(2, "c1", "q"), Ringing(2, "c1", "A1"), Answered(4, "c1", "A1"),
            Ended(60, "c1"), Ready(70, "A1"), NotReady(80, "A1", "away"), Logout(90, "A1"));

        Assert.Equal(0, floor.Sequencer.Anomalies.Count);
        Assert.Empty(floor.Sequencer.Anomalies.Recent);
    }

    [Fact]
    public void Simultaneous_events_are_not_negative()
    {
        var floor = new TestFloor().Apply(
            Login(5, "A1", "q"), Ready(5, "A1"), Queued(5, "c1", "q"), Ringing(5, "c1", "A1"), Answered(5, "c1", "A1"), Ended(5, "c1"), Ready(5, "A1"));

        Assert.Equal(0, floor.Sequencer.Anomalies.Count);
        Near.Equal(0, floor.Interval("q", T0).AhtSeconds);
        Near.Equal(0, floor.Interval("q", T0).AsaSeconds);
    }

    [Fact]
    public void The_anomaly_log_keeps_the_latest_50_and_counts_all()
    {
        var floor = new TestFloor();
        for (var i = 0; i < 60; i++)
        {
            floor.Apply(Queued(100, $"c{i}", "q"), Answered(90, $"c{i}", $"A{i}"));
        }

        Assert.Equal(60, floor.Sequencer.Anomalies.Count);
        Assert.Equal(AnomalyLog.Keep, floor.Sequencer.Anomalies.Recent.Count);
    }
}
