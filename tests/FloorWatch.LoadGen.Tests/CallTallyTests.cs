using FloorWatch.LoadGen.Province;
using FloorWatch.Simulator;

namespace FloorWatch.LoadGen.Tests;

public class CallTallyTests
{
    private static readonly DateOnly Day = new(2026, 11, 25);

    private static SwitchEvent E(string type, string call, string? queue = null, string? agent = null) =>
        new() { Type = type, Call = call, Queue = queue, Agent = agent };

    private static Dictionary<(DateOnly Day, string Queue), QueueCounts> Tally(params SwitchEvent[] events)
    {
        var tally = new CallTally();
        for (var i = 0; i < events.Length; i++)
        {
            tally.Add(events[i], i, i * 1000);
        }

        return tally.ByDay(events.Length, _ => Day);
    }

    [Fact]
    public void Offered_answered_and_abandoned_count_in_the_queue_the_call_waits_in()
    {
        var counts = Tally(
            E(EventTypes.CallQueued, "c1", "billing"),
            E(EventTypes.CallRinging, "c1", agent: "A1"),
            E(EventTypes.CallAnswered, "c1", agent: "A1"),
            E(EventTypes.CallQueued, "c2", "billing"),
            E(EventTypes.CallAbandoned, "c2"),
            E(EventTypes.CallQueued, "c3", "sales"),
            E(EventTypes.CallOverflowed, "c3"));

        Assert.Equal(new QueueCounts(2, 1, 1), counts[(Day, "billing")]);
        Assert.Equal(new QueueCounts(1, 0, 0), counts[(Day, "sales")]);
    }

    [Fact]
    public void A_transfer_to_a_queue_is_an_entry_there_and_its_answer_counts_there()
    {
        var counts = Tally(
            E(EventTypes.CallQueued, "c1", "billing"),
            E(EventTypes.CallAnswered, "c1", agent: "A1"),
            E(EventTypes.CallTransferred, "c1", "tech"),
            E(EventTypes.CallAnswered, "c1", agent: "A2"),
            E(EventTypes.CallTransferred, "c1", agent: "A3"));

        Assert.Equal(new QueueCounts(1, 1, 0), counts[(Day, "billing")]);
        Assert.Equal(new QueueCounts(1, 1, 0), counts[(Day, "tech")]);
    }

    [Fact]
    public void Queued_again_into_the_same_queue_changes_nothing_and_an_abandon_of_a_connected_call_is_no_abandon()
    {
        var counts = Tally(
            E(EventTypes.CallQueued, "c1", "billing"),
            E(EventTypes.CallQueued, "c1", "billing"),
            E(EventTypes.CallAnswered, "c1", agent: "A1"),
            E(EventTypes.CallAbandoned, "c1"));

        Assert.Equal(new QueueCounts(1, 1, 0), counts[(Day, "billing")]);
    }

    [Fact]
    public void Only_the_events_the_server_took_are_counted_each_on_its_own_day()
    {
        var tally = new CallTally();
        tally.Add(E(EventTypes.CallQueued, "c1", "billing"), 0, 0);
        tally.Add(E(EventTypes.CallQueued, "c2", "billing"), 1, 5_000);
        tally.Add(E(EventTypes.CallAnswered, "c2", agent: "A1"), 2, 10_000);

        var counts = tally.ByDay(2, rel => rel < 5_000 ? Day : Day.AddDays(1));

        Assert.Equal(new QueueCounts(1, 0, 0), counts[(Day, "billing")]);
        Assert.Equal(new QueueCounts(1, 0, 0), counts[(Day.AddDays(1), "billing")]);
    }
}
