using FloorWatch.Domain.Floor;
using static FloorWatch.Domain.Tests.Ev;

namespace FloorWatch.Domain.Tests;

/// <summary>call.transferred: to a queue (offered there, a leg handled in each queue) or straight to an agent (the leg stays in the queue answered from).</summary>
public class TransferTests
{
    [Fact]
    public void Transfer_to_a_queue_is_offered_there_and_the_call_is_handled_once_in_each_queue()
    {
        // A1 (q1) answers c1 at 10 after 10 s, transfers it to q2 at 70, ready at 80: leg 10 → 80 = 70 s in q1.
        // c1 waits in q2 from 70, A2 (q2) answers at 85 (wait 15), call ends 145, A2 ready 165: leg 85 → 165 = 80 s in q2.
        var floor = new TestFloor().Apply(
            Login(0, "A1", "q1"), Ready(0, "A1"),
            Login(0, "A2", "q2"), Ready(0, "A2"),
            Queued(0, "c1", "q1"), Answered(10, "c1", "A1"),
            ToQueue(70, "c1", "q2"));

        Assert.Equal(AgentPhase.WrapUp, floor.Agents["A1"].Phase);
        Assert.Null(floor.Agents["A1"].Call);
        Assert.Equal(1, floor.Queues["q2"].Now(T0.AddSeconds(75)).Waiting);
        Assert.Equal(5, floor.Queues["q2"].Now(T0.AddSeconds(75)).LongestWaitSeconds);

        floor.Apply(Ready(80, "A1"), Answered(85, "c1", "A2"), Ended(145, "c1"), Ready(165, "A2"));

        var q1 = floor.Interval("q1", T0);
        Assert.Equal(1, q1.Offered);
        Assert.Equal(1, q1.Answered);
        Assert.Equal(0, q1.TransferredOut);
        Assert.Equal(1, q1.Handled);
        Near.Equal(70, q1.AhtSeconds);
        Near.Equal(10, q1.AsaSeconds);

        var q2 = floor.Interval("q2", T0);
        Assert.Equal(1, q2.Offered);
        Assert.Equal(1, q2.Answered);
        Assert.Equal(1, q2.AnsweredWithinThreshold);
        Near.Equal(15, q2.AsaSeconds);
        Assert.Equal(1, q2.Handled);
        Near.Equal(80, q2.AhtSeconds);

        // The center: 2 entries, 2 answers, 2 legs; AHT (70 + 80) / 2 = 75.
        var center = floor.Interval("*", T0);
        Assert.Equal(2, center.Offered);
        Assert.Equal(2, center.Answered);
        Assert.Equal(2, center.Handled);
        Near.Equal(75, center.AhtSeconds);
    }

    [Fact]
    public void Transfer_to_a_queue_can_be_abandoned_there()
    {
        // Waits in q2 from 70 to 73: a short abandon in q2; q1 keeps its answer.
        var floor = new TestFloor().Apply(
            Queued(0, "c1", "q1"), Answered(10, "c1", "A1"), ToQueue(70, "c1", "q2"), Abandoned(73, "c1"));

        Assert.Equal(1, floor.Interval("q1", T0).Answered);
        Assert.Equal(0, floor.Interval("q1", T0).Abandoned);
        Assert.Equal(1, floor.Interval("q2", T0).Abandoned);
        Assert.Equal(1, floor.Interval("q2", T0).ShortAbandoned);
        Assert.Equal(AgentPhase.WrapUp, floor.Agents["A1"].Phase);
    }

    [Fact]
    public void Transfer_to_an_agent_keeps_the_leg_in_the_queue_the_call_was_answered_from()
    {
        // A1 (q1) answers c1 at 4, hands it to A2 (member of q2 only) at 64; A1 ready at 74: leg 4 → 74 = 70 s.
        // A2 talks 64–200, wraps up, goes not ready at 230: leg 64 → 230 = 166 s, still in q1.
        var floor = new TestFloor().Apply(
            Login(0, "A1", "q1"), Ready(0, "A1"),
            Login(0, "A2", "q2"), Ready(0, "A2"),
            Queued(0, "c1", "q1"), Answered(4, "c1", "A1"),
            ToAgent(64, "c1", "A2"));

        Assert.Equal(AgentPhase.WrapUp, floor.Agents["A1"].Phase);
        Assert.Equal(AgentPhase.OnCall, floor.Agents["A2"].Phase);
        Assert.Equal("c1", floor.Agents["A2"].Call!.Call);
        Assert.Equal("q1", floor.Agents["A2"].Call!.Queue);

        floor.Apply(Ready(74, "A1"), Ended(200, "c1"), NotReady(230, "A2", "break"));

        var q1 = floor.Interval("q1", T0);
        Assert.Equal(1, q1.Offered);
        Assert.Equal(1, q1.Answered);
        Assert.Equal(2, q1.Handled);

        // (70 + 166) / 2 = 118
        Near.Equal(118, q1.AhtSeconds);

        var q2 = floor.Interval("q2", T0);
        Assert.Equal(0, q2.Offered);
        Assert.Equal(0, q2.Handled);
        Assert.Null(q2.AhtSeconds);

        Assert.Equal(1, floor.Agents["A1"].IntervalStartingAt(T0.UtcTicks)!.Handled);
        Assert.Equal(70, floor.Agents["A1"].IntervalStartingAt(T0.UtcTicks)!.HandleTimeSum);
        Assert.Equal(166, floor.Agents["A2"].IntervalStartingAt(T0.UtcTicks)!.HandleTimeSum);
    }

    [Fact]
    public void Transfer_to_an_agent_in_wrap_up_ends_that_agents_previous_leg()
    {
        // A2 in wrap-up of c0 (answered 0, ended 20) is handed c1 at 50: A2's first leg 0 → 50 = 50 s ends there.
        var floor = new TestFloor().Apply(
            Queued(0, "c0", "q"), Answered(0, "c0", "A2"), Ended(20, "c0"),
            Queued(0, "c1", "q"), Answered(10, "c1", "A1"), ToAgent(50, "c1", "A2"));

        var f = floor.Interval("q", T0);
        Assert.Equal(1, f.Handled);
        Near.Equal(50, f.AhtSeconds);
        Assert.Equal(AgentPhase.OnCall, floor.Agents["A2"].Phase);
    }

    [Fact]
    public void A_transferred_call_moved_on_again_hands_each_agent_one_leg()
    {
        // A1 answers in q at 0, hands to A2 at 30, A2 hands to A3 at 90, call ends 150.
        // Legs: A1 0 → ready 40 (40 s), A2 30 → ready 100 (70 s), A3 90 → ready 160 (70 s): AHT 180 / 3 = 60.
        var floor = new TestFloor().Apply(
            Queued(0, "c1", "q"), Answered(0, "c1", "A1"),
            ToAgent(30, "c1", "A2"), Ready(40, "A1"),
            ToAgent(90, "c1", "A3"), Ready(100, "A2"),
            Ended(150, "c1"), Ready(160, "A3"));

        var f = floor.Interval("q", T0);
        Assert.Equal(3, f.Handled);
        Near.Equal(60, f.AhtSeconds);
        Assert.Equal(1, f.Answered);
    }
}
