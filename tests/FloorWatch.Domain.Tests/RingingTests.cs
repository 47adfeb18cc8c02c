using FloorWatch.Domain.Floor;
using static FloorWatch.Domain.Tests.Ev;

namespace FloorWatch.Domain.Tests;

/// <summary>A call that stops ringing an agent for any reason but that agent answering sends the agent back to available.</summary>
public class RingingTests
{
    private static TestFloor TwoReadyAgents() => new TestFloor().Apply(
        Login(0, "A1", "q"), Ready(0, "A1"),
        Login(0, "A2", "q"), Ready(0, "A2"));

    [Fact]
    public void Ringing_makes_the_agent_ringing_and_the_call_still_waiting()
    {
        var floor = TwoReadyAgents().Apply(Queued(10, "c1", "q"), Ringing(10, "c1", "A1"));

        Assert.Equal(AgentPhase.Ringing, floor.Agents["A1"].Phase);
        var now = floor.Queues["q"].Now(T0.AddSeconds(25));
        Assert.Equal(1, now.Waiting);
        Assert.Equal(1, now.Ringing);
        Assert.Equal(1, now.Available);
        Assert.Equal(15, now.LongestWaitSeconds);
        Assert.Equal("A1", Assert.Single(floor.Queues["q"].WaitingCalls()).RingingAgent);
    }

    [Fact]
    public void Ring_no_answer_returns_the_agent_to_available_and_the_wait_keeps_running()
    {
        // c1 queued 10, rings A1 10–30 (no answer), rings A1 again 40, answered 45.
        // Wait = 45 − 10 = 35 s: the clock was not restarted by the ring-no-answer, so not within 20 s.
        var floor = TwoReadyAgents().Apply(Queued(10, "c1", "q"), Ringing(10, "c1", "A1"), Rona(30, "c1", "A1"));

        Assert.Equal(AgentPhase.Available, floor.Agents["A1"].Phase);
        Assert.Equal(T0.AddSeconds(30), floor.Agents["A1"].Since);
        Assert.Equal(1, floor.Agents["A1"].MissedOffers);
        var now = floor.Queues["q"].Now(T0.AddSeconds(35));
        Assert.Equal(1, now.Waiting);
        Assert.Equal(0, now.Ringing);
        Assert.Equal(2, now.Available);
        Assert.Equal(25, now.LongestWaitSeconds);
        Assert.Null(Assert.Single(floor.Queues["q"].WaitingCalls()).RingingAgent);

        floor.Apply(Ringing(40, "c1", "A1"), Answered(45, "c1", "A1"));
        var f = floor.Interval("q", T0, T0.AddSeconds(100));

        Assert.Equal(1, f.Answered);
        Assert.Equal(0, f.AnsweredWithinThreshold);
        Near.Equal(35, f.AsaSeconds);

        // Occupancy to 08:01:40: A1 available 0–10, 30–40 (20 s), busy 10–30, 40–100 (80 s);
        // A2 available 0–100 (100 s). 80 / (80 + 120) = 0.4
        Near.Equal(0.4, f.Occupancy);
    }

    [Fact]
    public void Ring_no_answer_for_a_call_not_ringing_that_agent_changes_nothing_for_the_ringing_agent()
    {
        var floor = TwoReadyAgents().Apply(Queued(10, "c1", "q"), Ringing(10, "c1", "A1"), Rona(12, "c1", "A2"));

        Assert.Equal(AgentPhase.Ringing, floor.Agents["A1"].Phase);
        Assert.Equal(AgentPhase.Available, floor.Agents["A2"].Phase);
    }

    [Fact]
    public void Abandon_while_ringing_counts_as_abandoned_and_frees_the_agent()
    {
        // Queued 0, rings A1 at 2, caller hangs up at 8: wait 8 ≥ 5, not short.
        var floor = TwoReadyAgents().Apply(Queued(0, "c1", "q"), Ringing(2, "c1", "A1"), Abandoned(8, "c1"));
        var f = floor.Interval("q", T0, T0.AddSeconds(10));

        Assert.Equal(AgentPhase.Available, floor.Agents["A1"].Phase);
        Assert.Equal(T0.AddSeconds(8), floor.Agents["A1"].Since);
        Assert.Equal(1, f.Abandoned);
        Assert.Equal(0, f.ShortAbandoned);
        Near.Equal(1, f.AbandonRate);
        Assert.Equal(0, floor.Queues["q"].Now(T0.AddSeconds(10)).Waiting);

        // A1 busy (ringing) 2–8 = 6 s of 20 agent-seconds to 08:00:10.
        Near.Equal(0.3, f.Occupancy);
    }

    [Fact]
    public void Overflow_while_ringing_frees_the_agent()
    {
        var floor = TwoReadyAgents().Apply(Queued(0, "c1", "q"), Ringing(5, "c1", "A1"), Overflowed(30, "c1"));

        Assert.Equal(AgentPhase.Available, floor.Agents["A1"].Phase);
        Assert.Equal(1, floor.Interval("q", T0).Overflowed);
        Assert.Equal(0, floor.Queues["q"].Now(T0.AddSeconds(30)).Ringing);
    }

    [Fact]
    public void Answered_by_another_agent_frees_the_ringing_agent()
    {
        var floor = TwoReadyAgents().Apply(Queued(0, "c1", "q"), Ringing(1, "c1", "A1"), Answered(3, "c1", "A2"));

        Assert.Equal(AgentPhase.Available, floor.Agents["A1"].Phase);
        Assert.Equal(T0.AddSeconds(3), floor.Agents["A1"].Since);
        Assert.Equal(AgentPhase.OnCall, floor.Agents["A2"].Phase);
        Assert.Equal("c1", floor.Agents["A2"].Call!.Call);
        Assert.Null(floor.Agents["A1"].Call);
    }

    [Fact]
    public void Ringing_another_agent_frees_the_first()
    {
        var floor = TwoReadyAgents().Apply(Queued(0, "c1", "q"), Ringing(1, "c1", "A1"), Ringing(6, "c1", "A2"));

        Assert.Equal(AgentPhase.Available, floor.Agents["A1"].Phase);
        Assert.Equal(AgentPhase.Ringing, floor.Agents["A2"].Phase);
        Assert.Equal("A2", Assert.Single(floor.Queues["q"].WaitingCalls()).RingingAgent);
    }

    [Fact]
    public void Re_queueing_a_ringing_call_frees_the_agent()
    {
        var floor = TwoReadyAgents().Apply(Queued(0, "c1", "q"), Ringing(1, "c1", "A1"), Queued(6, "c1", "q2"));

        Assert.Equal(AgentPhase.Available, floor.Agents["A1"].Phase);
        Assert.Equal(0, floor.Queues["q"].Now(T0.AddSeconds(6)).Ringing);
    }

    [Fact]
    public void A_ringing_agent_who_goes_not_ready_leaves_the_call_waiting_and_ringing_nobody()
    {
        var floor = TwoReadyAgents().Apply(Queued(0, "c1", "q"), Ringing(1, "c1", "A1"), NotReady(4, "A1", "rona"));

        Assert.Equal(AgentPhase.NotReady, floor.Agents["A1"].Phase);
        Assert.Equal("rona", floor.Agents["A1"].Reason);
        var call = Assert.Single(floor.Queues["q"].WaitingCalls());
        Assert.Null(call.RingingAgent);
        Assert.Equal(1, floor.Queues["q"].Now(T0.AddSeconds(4)).NotReadyByReason["rona"]);
    }
}
