using FloorWatch.Domain.Settings;
using static FloorWatch.Domain.Tests.Ev;

namespace FloorWatch.Domain.Tests;

/// <summary>call.overflowed: the call leaves its queue unanswered by routing.</summary>
public class OverflowTests
{
    [Fact]
    public void An_overflowed_call_leaves_the_queue_and_counts_only_as_overflowed()
    {
        var floor = new TestFloor().Apply(Queued(0, "c1", "q"), Overflowed(60, "c1"));
        var f = floor.Interval("q", T0);

        Assert.Equal(1, f.Offered);
        Assert.Equal(1, f.Overflowed);
        Assert.Equal(0, f.Answered);
        Assert.Equal(0, f.Abandoned);
        Assert.Equal(0, f.TransferredOut);
        Assert.Null(f.ServiceLevel);
        Assert.Null(f.AbandonRate);
        Assert.Equal(0, floor.Queues["q"].Now(T0.AddSeconds(60)).Waiting);
    }

    [Fact]
    public void An_overflow_lowers_the_service_level_only_under_withOverflow()
    {
        // c1 answered after 10 s (within), c2 overflowed: abandonsCount 1 / 1; withOverflow 1 / (1 + 1) = 0.5.
        var events = new[] { Queued(0, "c1", "q"), Answered(10, "c1", "A1"), Queued(0, "c2", "q"), Overflowed(60, "c2") };
        var withOverflow = new CenterSettings { Queues = new Dictionary<string, QueueSettings> { ["q"] = new() { SlFormula = SlFormula.WithOverflow } } };

        Near.Equal(1, new TestFloor().Apply(events).Interval("q", T0).ServiceLevel);
        Near.Equal(0.5, new TestFloor(withOverflow).Apply(events).Interval("q", T0).ServiceLevel);
    }

    [Fact]
    public void An_overflow_of_a_call_not_waiting_is_an_anomaly_and_counts_nothing()
    {
        var floor = new TestFloor().Apply(Queued(0, "c1", "q"), Answered(5, "c1", "A1"), Overflowed(30, "c1"));

        Assert.Equal(0, floor.Interval("q", T0).Overflowed);
        Assert.Equal(1, floor.Sequencer.Anomalies.Count);
        Assert.Equal(Domain.Floor.AgentPhase.OnCall, floor.Agents["A1"].Phase);
    }

    [Fact]
    public void An_overflowed_call_queued_again_elsewhere_is_offered_there()
    {
        // Overflow from q1 at 30, then entered q2 at 31 (the switch's overflow target): one overflow, no transfer out.
        var floor = new TestFloor().Apply(Queued(0, "c1", "q1"), Overflowed(30, "c1"), Queued(31, "c1", "q2"), Answered(40, "c1", "A1"));

        Assert.Equal(1, floor.Interval("q1", T0).Overflowed);
        Assert.Equal(0, floor.Interval("q1", T0).TransferredOut);
        Assert.Equal(1, floor.Interval("q2", T0).Offered);
        Near.Equal(9, floor.Interval("q2", T0).AsaSeconds);
    }
}
