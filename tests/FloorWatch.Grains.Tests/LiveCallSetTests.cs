using FloorWatch.Contracts.Views;
using FloorWatch.Grains.Push;
using static FloorWatch.Grains.Tests.LiveCallViews;

namespace FloorWatch.Grains.Tests;

/// <summary>What a push tick's diff of the live calls carries: new and changed calls, ended ids, who monitors.</summary>
public class LiveCallSetTests
{
    private static readonly Func<string, bool> AllLive = _ => true;

    private static List<string> Ids(List<LiveCall> calls) => calls.Select(c => c.Call).ToList();

    [Fact]
    public void A_waiting_call_goes_out_when_new_and_again_only_when_it_changes()
    {
        var set = new LiveCallSet();
        set.SetQueue(QueueWith("q1", Waiting("C1", "q1", position: 1)));

        var first = set.Diff(AllLive);
        Assert.Equal(1, Assert.Single(first.Changed).Position);
        Assert.Empty(first.Ended);

        set.SetQueue(QueueWith("q1", Waiting("C1", "q1", position: 1)));
        var same = set.Diff(AllLive);
        Assert.Empty(same.Changed);
        Assert.Empty(same.Ended);

        set.SetQueue(QueueWith("q1", Waiting("C1", "q1", position: 2)));
        Assert.Equal(2, Assert.Single(set.Diff(AllLive).Changed).Position);
    }

    [Fact]
    public void A_diff_with_nothing_reported_since_the_last_is_empty()
    {
        var set = new LiveCallSet();
        set.SetQueue(QueueWith("q1", Waiting("C1", "q1"), Waiting("C2", "q1", position: 2)));
        set.SetAgent(AgentWith("A1", Connected("C3")));
        Assert.Equal(3, set.Diff(AllLive).Changed.Count);

        var (changed, ended) = set.Diff(AllLive);

        Assert.Empty(changed);
        Assert.Empty(ended);
    }

    [Fact]
    public void A_call_that_nothing_lists_any_more_ends_once()
    {
        var set = new LiveCallSet();
        set.SetQueue(QueueWith("q1", Waiting("C1", "q1"), Waiting("C2", "q1", position: 2)));
        set.Diff(AllLive);

        set.SetQueue(QueueWith("q1", Waiting("C2", "q1", position: 1)));
        var (changed, ended) = set.Diff(AllLive);

        Assert.Equal(["C2"], Ids(changed));
        Assert.Equal(["C1"], ended);
        Assert.Empty(set.Diff(AllLive).Ended);
    }

    [Fact]
    public void A_connected_call_wins_over_its_waiting_entry_and_the_waiting_entry_shows_again_when_the_agent_lets_go()
    {
        var set = new LiveCallSet();
        set.SetQueue(QueueWith("q1", Waiting("C1", "q1")));
        set.Diff(AllLive);

        set.SetAgent(AgentWith("A1", Connected("C1")));
        var connected = Assert.Single(set.Diff(AllLive).Changed);
        Assert.Equal("A1", connected.Agent);
        Assert.Null(connected.Position);

        set.SetAgent(AgentWith("A1"));
        var (changed, ended) = set.Diff(AllLive);
        var waiting = Assert.Single(changed);
        Assert.Null(waiting.Agent);
        Assert.Equal(1, waiting.Position);
        Assert.Empty(ended);

        set.SetQueue(QueueWith("q1"));
        Assert.Equal(["C1"], set.Diff(AllLive).Ended);
    }

    [Fact]
    public void A_call_answered_and_dropped_from_its_queue_in_one_tick_changes_and_does_not_end()
    {
        var set = new LiveCallSet();
        set.SetQueue(QueueWith("q1", Waiting("C1", "q1")));
        set.Diff(AllLive);

        set.SetQueue(QueueWith("q1"));
        set.SetAgent(AgentWith("A1", Connected("C1")));
        var (changed, ended) = set.Diff(AllLive);

        Assert.Equal("A1", Assert.Single(changed).Agent);
        Assert.Empty(ended);
    }

    [Fact]
    public void A_call_that_moves_from_one_queue_to_another_in_one_tick_changes_and_does_not_end()
    {
        var set = new LiveCallSet();
        set.SetQueue(QueueWith("q1", Waiting("C1", "q1")));
        set.SetQueue(QueueWith("q2"));
        set.Diff(AllLive);

        set.SetQueue(QueueWith("q1"));
        set.SetQueue(QueueWith("q2", Waiting("C1", "q2")));
        var (changed, ended) = set.Diff(AllLive);

        Assert.Equal("q2", Assert.Single(changed).Queue);
        Assert.Empty(ended);
    }

    [Fact]
    public void A_call_waiting_in_two_queues_shows_the_entry_of_the_queue_first_reported_last()
    {
        var set = new LiveCallSet();
        set.SetQueue(QueueWith("q2", Waiting("C1", "q2", position: 5)));
        set.SetQueue(QueueWith("q1", Waiting("C1", "q1", position: 1)));
        Assert.Equal("q1", Assert.Single(set.Diff(AllLive).Changed).Queue);

        // Reported again, q2 keeps its place behind q1.
        set.SetQueue(QueueWith("q2", Waiting("C1", "q2", position: 6)));
        Assert.Empty(set.Diff(AllLive).Changed);

        set.SetQueue(QueueWith("q1"));
        var (changed, ended) = set.Diff(AllLive);
        var left = Assert.Single(changed);
        Assert.Equal(("q2", 6), (left.Queue, left.Position));
        Assert.Empty(ended);
    }

    [Fact]
    public void The_later_of_two_entries_in_one_queue_list_wins()
    {
        var set = new LiveCallSet();
        set.SetQueue(QueueWith("q1", Waiting("C1", "q1", position: 1), Waiting("C1", "q1", position: 2)));

        Assert.Equal(2, Assert.Single(set.Diff(AllLive).Changed).Position);

        set.SetQueue(QueueWith("q1", Waiting("C1", "q1", position: 2)));
        Assert.Empty(set.Diff(AllLive).Changed);
    }

    [Fact]
    public void Of_two_agents_carrying_a_call_the_one_that_connected_last_is_shown_and_answers_monitoring()
    {
        var set = new LiveCallSet();
        set.SetAgent(AgentWith("A2", Connected("C1")));
        set.SetAgent(AgentWith("A1", Connected("C1")));
        Assert.Equal("A1", Assert.Single(set.Diff(AllLive).Changed).Agent);
        Assert.Equal("A1", set.Monitor("C1", "qa1"));

        // A2's call changes but A2 stays connected: it keeps its place behind A1.
        set.SetAgent(AgentWith("A2", Connected("C1", held: true)));
        Assert.Equal("A1", Assert.Single(set.Diff(AllLive).Changed).Agent);

        set.SetAgent(AgentWith("A1"));
        var back = Assert.Single(set.Diff(AllLive).Changed);
        Assert.Equal(("A2", true), (back.Agent, back.Held));
        Assert.Equal("A2", set.Monitor("C1", "qa1"));

        set.SetAgent(AgentWith("A1", Connected("C1")));
        Assert.Equal("A1", Assert.Single(set.Diff(AllLive).Changed).Agent);
    }

    [Fact]
    public void Monitoring_answers_the_agent_the_call_is_connected_at_or_null()
    {
        var set = new LiveCallSet();
        set.SetQueue(QueueWith("q1", Waiting("C1", "q1")));
        set.SetAgent(AgentWith("A1", Connected("C2")));

        Assert.Null(set.Monitor("C1", "qa1"));
        Assert.Equal("A1", set.Monitor("C2", "qa1"));
        Assert.Null(set.Monitor("C9", "qa1"));

        set.SetAgent(AgentWith("A1"));
        Assert.Null(set.Monitor("C2", "qa1"));
    }

    [Fact]
    public void Who_monitors_a_connected_call_goes_out_with_it_at_the_next_diff()
    {
        var set = new LiveCallSet();
        set.SetAgent(AgentWith("A1", Connected("C1")));
        Assert.Empty(Assert.Single(set.Diff(AllLive).Changed).MonitoredBy);

        set.Monitor("C1", "qa2");
        Assert.Equal(["qa2"], Assert.Single(set.Diff(AllLive).Changed).MonitoredBy);

        set.Monitor("C1", "qa1");
        Assert.Equal(["qa1", "qa2"], Assert.Single(set.Diff(AllLive).Changed).MonitoredBy);

        set.Monitor("C1", "qa1");
        Assert.Empty(set.Diff(AllLive).Changed);
        Assert.Equal(["qa1", "qa2"], set.WithMonitors(new LiveCall { Call = "C1" }).MonitoredBy);
    }

    [Fact]
    public void A_waiting_call_goes_out_with_its_monitors_once_connected()
    {
        var set = new LiveCallSet();
        set.SetQueue(QueueWith("q1", Waiting("C1", "q1")));
        set.Monitor("C1", "qa1");
        Assert.Empty(Assert.Single(set.Diff(AllLive).Changed).MonitoredBy);
        Assert.Empty(set.Diff(AllLive).Changed);

        set.SetAgent(AgentWith("A1", Connected("C1")));

        Assert.Equal(["qa1"], Assert.Single(set.Diff(AllLive).Changed).MonitoredBy);
    }

    [Fact]
    public void Monitoring_ends_with_the_call_and_the_call_goes_out_without_it()
    {
        var set = new LiveCallSet();
        set.SetAgent(AgentWith("A1", Connected("C1")));
        set.Monitor("C1", "qa1");
        Assert.Equal(["qa1"], Assert.Single(set.Diff(AllLive).Changed).MonitoredBy);

        // The call ended at the switch before the agent's view was asked again.
        Assert.Empty(Assert.Single(set.Diff(id => id != "C1").Changed).MonitoredBy);
        Assert.Empty(set.WithMonitors(new LiveCall { Call = "C1" }).MonitoredBy);

        set.SetAgent(AgentWith("A1"));
        Assert.Equal(["C1"], set.Diff(AllLive).Ended);
    }

    [Fact]
    public void Changed_and_ended_calls_come_in_ordinal_order_of_call_id()
    {
        var set = new LiveCallSet();
        set.SetQueue(QueueWith("q2", Waiting("b", "q2"), Waiting("C10", "q2", position: 2)));
        set.SetQueue(QueueWith("q1", Waiting("c1", "q1"), Waiting("C2", "q1", position: 2), Waiting("B", "q1", position: 3)));
        set.SetAgent(AgentWith("A2", Connected("a")));
        set.SetAgent(AgentWith("A1", Connected("C1")));

        Assert.Equal(["B", "C1", "C10", "C2", "a", "b", "c1"], Ids(set.Diff(AllLive).Changed));

        set.SetQueue(QueueWith("q1"));
        set.SetQueue(QueueWith("q2"));
        set.SetAgent(AgentWith("A1"));
        set.SetAgent(AgentWith("A2"));
        Assert.Equal(["B", "C1", "C10", "C2", "a", "b", "c1"], set.Diff(AllLive).Ended);
    }
}
