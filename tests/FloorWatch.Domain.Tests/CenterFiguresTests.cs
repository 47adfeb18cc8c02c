using static FloorWatch.Domain.Tests.Ev;

namespace FloorWatch.Domain.Tests;

/// <summary>Center figures: a call once per queue it entered, a leg once, and an agent's seconds once.</summary>
public class CenterFiguresTests
{
    [Fact]
    public void An_agent_in_two_queues_counts_once_in_the_center_occupancy()
    {
        // A1 (q1, q2), A2 (q2), A3 (q1), all available from 0. A1 rung by nothing, answers a q1 call at 110,
        // talk ends 400, ready 460: A1 busy 350, available 550; A2 and A3 available 900 each.
        var floor = new TestFloor().Apply(
            Login(0, "A1", "q1", "q2"), Ready(0, "A1"),
            Login(0, "A2", "q2"), Ready(0, "A2"),
            Login(0, "A3", "q1"), Ready(0, "A3"),
            Queued(100, "c1", "q1"), Answered(110, "c1", "A1"), Ended(400, "c1"), Ready(460, "A1"));

        // q1 = A1 + A3: 350 / 1800; q2 = A1 + A2: 350 / 1800.
        Near.Equal(350.0 / 1800, floor.Interval("q1", T0).Occupancy);
        Near.Equal(350.0 / 1800, floor.Interval("q2", T0).Occupancy);

        // center = A1 once + A2 + A3: 350 / 2700 (counting A1 twice would give 700 / 3600).
        Near.Equal(350.0 / 2700, floor.Interval("*", T0).Occupancy);

        var now = floor.Center.Now(T0.AddSeconds(500));
        Assert.Equal(3, now.Staffed);
        Assert.Equal(3, now.Available);
    }

    [Fact]
    public void A_call_counts_once_per_queue_it_entered_and_a_leg_once()
    {
        // c1 queued q1 0, moved to q2 10, answered by A1 (q1 and q2) at 25, ends 60, ready 70: leg 45 s.
        // c2 queued q1 20, abandoned 30 (wait 10, not short).
        var floor = new TestFloor().Apply(
            Login(0, "A1", "q1", "q2"), Ready(0, "A1"),
            Queued(0, "c1", "q1"), Queued(10, "c1", "q2"), Queued(20, "c2", "q1"));

        Assert.Equal(2, floor.Center.Now(T0.AddSeconds(20)).Waiting);

        // The longest wait is counted from the entry into the queue the call waits in now (q2 at 10), as in q2 itself.
        Assert.Equal(10, floor.Center.Now(T0.AddSeconds(20)).LongestWaitSeconds);
        Assert.Equal(10, floor.Queues["q2"].Now(T0.AddSeconds(20)).LongestWaitSeconds);

        floor.Apply(Answered(25, "c1", "A1"), Abandoned(30, "c2"), Ended(60, "c1"), Ready(70, "A1"));
        var center = floor.Interval("*", T0);

        Assert.Equal(3, center.Offered);
        Assert.Equal(1, center.TransferredOut);
        Assert.Equal(1, center.Answered);
        Assert.Equal(1, center.Abandoned);
        Assert.Equal(1, center.Handled);

        // Leg 25 → 70 = 45 s; ASA = 25 − 10 = 15 s (its wait in q2); SL 1 / (1 + 1) = 0.5.
        Near.Equal(45, center.AhtSeconds);
        Near.Equal(15, center.AsaSeconds);
        Near.Equal(0.5, center.ServiceLevel);
        Near.Equal(0.5, center.AbandonRate);

        Assert.Equal(0, floor.Center.Now(T0.AddSeconds(70)).Waiting);
    }

    [Fact]
    public void Center_counts_equal_the_sum_of_the_queues_for_calls()
    {
        var floor = new TestFloor().Apply(
            Queued(0, "a1", "q1"), Answered(5, "a1", "A1"),
            Queued(0, "a2", "q2"), Abandoned(2, "a2"),
            Queued(0, "a3", "q3"), Overflowed(50, "a3"),
            Queued(0, "a4", "q2"), Answered(40, "a4", "A2"));

        var center = floor.Interval("*", T0);
        var queues = new[] { "q1", "q2", "q3" }.Select(q => floor.Interval(q, T0)).ToList();

        Assert.Equal(queues.Sum(q => q.Offered), center.Offered);
        Assert.Equal(queues.Sum(q => q.Answered), center.Answered);
        Assert.Equal(queues.Sum(q => q.Abandoned), center.Abandoned);
        Assert.Equal(queues.Sum(q => q.ShortAbandoned), center.ShortAbandoned);
        Assert.Equal(queues.Sum(q => q.Overflowed), center.Overflowed);
        Assert.Equal(queues.Sum(q => q.AnsweredWithinThreshold), center.AnsweredWithinThreshold);
        Assert.Equal(4, center.Offered);

        // ASA (5 + 40) / 2; SL 1 / (2 + 1 − 1) = 0.5
        Near.Equal(22.5, center.AsaSeconds);
        Near.Equal(0.5, center.ServiceLevel);
    }

    [Fact]
    public void The_center_counts_an_agent_with_no_queues()
    {
        var floor = new TestFloor().Apply(Login(0, "A1"), Ready(450, "A1"));

        Near.Equal(0, floor.Interval("*", T0).Occupancy);
        Assert.Equal(1, floor.Center.Now(T0.AddSeconds(500)).Available);
    }
}
