using static FloorWatch.Domain.Tests.Ev;

namespace FloorWatch.Domain.Tests;

/// <summary>call.queued for a waiting call: into another queue it is transferred out of the first; into the same queue nothing changes.</summary>
public class RequeueTests
{
    [Fact]
    public void Re_queue_into_another_queue_is_transferred_out_of_the_first_and_offered_in_the_second()
    {
        // c1 queued q1 at 0, moved to q2 at 12, answered in q2 at 20: its wait in q2 is 20 − 12 = 8 s.
        var floor = new TestFloor().Apply(Queued(0, "c1", "q1"), Queued(12, "c1", "q2"));
        Assert.Equal(0, floor.Queues["q1"].Now(T0.AddSeconds(15)).Waiting);
        Assert.Equal(1, floor.Queues["q2"].Now(T0.AddSeconds(15)).Waiting);
        Assert.Equal(3, floor.Queues["q2"].Now(T0.AddSeconds(15)).LongestWaitSeconds);

        floor.Apply(Answered(20, "c1", "A1"));

        var q1 = floor.Interval("q1", T0);
        Assert.Equal(1, q1.Offered);
        Assert.Equal(1, q1.TransferredOut);
        Assert.Equal(0, q1.Answered);
        Assert.Equal(0, q1.Abandoned);
        Assert.Equal(0, q1.Overflowed);
        Assert.Null(q1.ServiceLevel);

        var q2 = floor.Interval("q2", T0);
        Assert.Equal(1, q2.Offered);
        Assert.Equal(0, q2.TransferredOut);
        Assert.Equal(1, q2.Answered);
        Assert.Equal(1, q2.AnsweredWithinThreshold);
        Near.Equal(8, q2.AsaSeconds);
        Near.Equal(1, q2.ServiceLevel);
    }

    [Fact]
    public void The_wait_in_the_second_queue_starts_at_the_re_queue()
    {
        // 18 s in q1, then 19 s in q2: within 20 s in q2 although the caller waited 37 s in all.
        var floor = new TestFloor().Apply(Queued(0, "c1", "q1"), Queued(18, "c1", "q2"), Answered(37, "c1", "A1"));

        Assert.Equal(1, floor.Interval("q2", T0).AnsweredWithinThreshold);
        Near.Equal(19, floor.Interval("q2", T0).AsaSeconds);
    }

    [Fact]
    public void Re_queue_into_the_same_queue_changes_nothing()
    {
        // Queued q at 0 and again at 10: one offer; answered at 25 waited 25 s (not restarted at 10), not within 20 s.
        var floor = new TestFloor().Apply(Queued(0, "c1", "q"), Queued(10, "c1", "q"), Answered(25, "c1", "A1"));
        var f = floor.Interval("q", T0);

        Assert.Equal(1, f.Offered);
        Assert.Equal(0, f.TransferredOut);
        Assert.Equal(1, f.Answered);
        Assert.Equal(0, f.AnsweredWithinThreshold);
        Near.Equal(25, f.AsaSeconds);
    }

    [Fact]
    public void Re_queue_into_the_same_queue_keeps_the_call_ringing_its_agent()
    {
        var floor = new TestFloor().Apply(
            Login(0, "A1", "q"), Ready(0, "A1"),
            Queued(0, "c1", "q"), Ringing(2, "c1", "A1"), Queued(5, "c1", "q"));

        Assert.Equal(Domain.Floor.AgentPhase.Ringing, floor.Agents["A1"].Phase);
        Assert.Equal(1, floor.Queues["q"].Now(T0.AddSeconds(5)).Waiting);
    }

    [Fact]
    public void Re_queue_counts_in_the_interval_of_its_own_event()
    {
        // Queued q1 at 08:14:50, moved to q2 at 08:15:10.
        var floor = new TestFloor().Apply(Queued(890, "c1", "q1"), Queued(910, "c1", "q2"));
        var i1 = T0.AddMinutes(15);

        Assert.Equal(1, floor.Interval("q1", T0).Offered);
        Assert.Equal(0, floor.Interval("q1", T0).TransferredOut);
        Assert.Equal(1, floor.Interval("q1", i1).TransferredOut);
        Assert.Equal(0, floor.Interval("q2", T0).Offered);
        Assert.Equal(1, floor.Interval("q2", i1).Offered);
    }

    [Fact]
    public void A_call_moving_back_and_forth_counts_each_entry()
    {
        // q1 → q2 → q1 → answered: q1 offered 2, transferred out 1; q2 offered 1, transferred out 1.
        var floor = new TestFloor().Apply(
            Queued(0, "c1", "q1"), Queued(10, "c1", "q2"), Queued(20, "c1", "q1"), Answered(23, "c1", "A1"));

        var q1 = floor.Interval("q1", T0);
        var q2 = floor.Interval("q2", T0);
        Assert.Equal(2, q1.Offered);
        Assert.Equal(1, q1.TransferredOut);
        Assert.Equal(1, q1.Answered);
        Near.Equal(3, q1.AsaSeconds);
        Assert.Equal(1, q2.Offered);
        Assert.Equal(1, q2.TransferredOut);
    }
}
