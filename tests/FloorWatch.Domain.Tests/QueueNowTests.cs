using FloorWatch.Domain.Events;
using static FloorWatch.Domain.Tests.Ev;

namespace FloorWatch.Domain.Tests;

/// <summary>A queue's figures "now": waiting, longest wait, agents per state, not-ready reasons, and the live call list.</summary>
public class QueueNowTests
{
    [Fact]
    public void Agents_are_counted_per_state_with_not_ready_reasons()
    {
        var floor = new TestFloor().Apply(
            Login(0, "A1", "q"), Ready(0, "A1"),
            Login(0, "A2", "q"), Ready(0, "A2"),
            Login(0, "A3", "q"), NotReady(1, "A3", "lunch"),
            Login(0, "A4", "q"), NotReady(1, "A4", "lunch"),
            Login(0, "A5", "q"),
            Login(0, "A6", "q"), Logout(5, "A6"),
            Login(0, "A7", "q"), Ready(0, "A7"),
            Login(0, "A8", "other"), Ready(0, "A8"),
            Queued(10, "c1", "q"), Ringing(10, "c1", "A1"),
            Queued(10, "c2", "q"), Answered(12, "c2", "A2"),
            Queued(10, "c3", "q"), Answered(11, "c3", "A7"), Ended(30, "c3"));

        var now = floor.Queues["q"].Now(T0.AddSeconds(40));

        Assert.Equal(1, now.Waiting);
        Assert.Equal(30, now.LongestWaitSeconds);
        Assert.Equal(6, now.Staffed);
        Assert.Equal(0, now.Available);
        Assert.Equal(1, now.Ringing);
        Assert.Equal(1, now.OnCall);
        Assert.Equal(1, now.WrapUp);
        Assert.Equal(3, now.NotReady);
        Assert.Equal(2, now.NotReadyByReason["lunch"]);
        Assert.Equal(1, now.NotReadyByReason["login"]);

        var center = floor.Center.Now(T0.AddSeconds(40));
        Assert.Equal(7, center.Staffed);
        Assert.Equal(1, center.Available);
    }

    [Fact]
    public void A_queue_listed_twice_counts_the_agent_once()
    {
        var floor = new TestFloor().Apply(Login(0, "A1", "q", "q"), Ready(0, "A1"), Queued(450, "c1", "q"), Answered(450, "c1", "A1"));

        Assert.Equal(1, floor.Queues["q"].Now(T0.AddSeconds(500)).Staffed);

        // 450 available, 450 busy: 0.5 however many times q was listed.
        Near.Equal(0.5, floor.Interval("q", T0).Occupancy);
    }

    [Fact]
    public void Waiting_calls_are_ordered_by_priority_then_VIP_then_longest_waiting()
    {
        var floor = new TestFloor().Apply(
            Queued(0, "old", "q"),
            Queued(5, "newer", "q"),
            Queued(10, "vip", "q") with { Vip = true, Caller = "13900000000" },
            Queued(20, "urgent", "q") with { Priority = 5 },
            new CtiEvent { Id = "t1", Ts = T0.AddSeconds(21), Center = "c", Type = EventType.CallTagged, Call = "old", Tags = ["complaint"] });

        var calls = floor.Queues["q"].WaitingCalls();

        Assert.Equal(["urgent", "vip", "old", "newer"], calls.Select(c => c.Call));
        Assert.Equal([1, 2, 3, 4], calls.Select(c => c.Position));
        Assert.Equal("13900000000", calls[1].Caller);
        Assert.True(calls[1].Vip);
        Assert.Equal(["complaint"], calls[2].Tags);
        Assert.Equal(T0, calls[2].EnteredAt);
    }

    [Fact]
    public void A_call_ended_while_waiting_counts_as_abandoned_and_leaves_the_list()
    {
        var floor = new TestFloor().Apply(Queued(0, "c1", "q"), Ended(12, "c1"));

        Assert.Equal(1, floor.Interval("q", T0).Abandoned);
        Assert.Empty(floor.Queues["q"].WaitingCalls());
        Assert.Equal(1, floor.Sequencer.Anomalies.Count);
    }

    [Fact]
    public void A_second_login_while_logged_in_is_an_anomaly()
    {
        var floor = new TestFloor().Apply(Login(0, "A1", "q"), Login(10, "A1", "q"));

        Assert.Equal(1, floor.Sequencer.Anomalies.Count);
        Assert.Contains("logged in again", Assert.Single(floor.Sequencer.Anomalies.Recent).What, StringComparison.Ordinal);
    }

    [Fact]
    public void Logged_out_agents_are_not_staffed_and_their_queues_stay_known()
    {
        var floor = new TestFloor().Apply(Login(0, "A1", "q1", "q2"), Logout(10, "A1"));

        Assert.Equal(0, floor.Queues["q1"].Now(T0.AddSeconds(20)).Staffed);
        Assert.Equal(0, floor.Center.Now(T0.AddSeconds(20)).Staffed);
        Assert.Equal(["q1", "q2"], floor.Sequencer.KnownQueues.Order());
    }
}
