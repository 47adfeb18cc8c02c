using FloorWatch.Domain.Events;
using FloorWatch.Server.Commands;
using Microsoft.Extensions.Time.Testing;

namespace FloorWatch.Server.Tests;

/// <summary>The command tracker alone, on a fake clock: what confirms a command, when it fails, and what a call on hold does to the clock.</summary>
public sealed class CommandTrackerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
    private readonly CommandStore _store = new();
    private readonly CommandTracker _tracker;
    private int _events;

    public CommandTrackerTests() => _tracker = new CommandTracker(_store, _time);

    public void Dispose() => _tracker.Dispose();

    private CommandRecord Open(string command, string agent = "A1", string? reason = null, string[]? queues = null, string center = "c1")
    {
        var record = CommandRecord.From(new CommandRequest { Command = command, Agent = agent, Reason = reason, Queues = queues }, "cmd-" + Guid.NewGuid().ToString("N"), center, "sup", _time.GetUtcNow());
        _tracker.Open(record, "available");
        return record;
    }

    private void Event(EventType type, string? agent = null, string? call = null, string? reason = null, string[]? queues = null, string center = "c1") =>
        _tracker.Durable(new CtiEvent { Id = $"e{++_events}", Ts = _time.GetUtcNow(), Center = center, Type = type, Agent = agent, Call = call, Reason = reason, Queues = queues });

    private CommandRecord Now(CommandRecord c) => _store.Get(c.Center, c.Id)!;

    private List<CommandChange> Changes()
    {
        var list = new List<CommandChange>();
        while (_tracker.Changes.TryRead(out var c))
        {
            list.Add(c);
        }

        return list;
    }

    [Fact]
    public void The_switchs_event_confirms_a_command_and_each_change_goes_out_in_order()
    {
        var c = Open(CommandNames.ForceReady);
        _tracker.Expect(c.Id, Confirmation.For(c)!, waitsForCall: null);
        _time.Advance(TimeSpan.FromSeconds(3));

        Event(EventType.AgentReady, agent: "A1");

        var done = Now(c);
        Assert.Equal(CommandState.Done, done.State);
        Assert.Equal("the switch sent agent.ready (event e1)", done.Outcome);
        Assert.Equal(_time.GetUtcNow(), done.FinishedAt);
        var changes = Changes();
        Assert.Equal([CommandState.Pending, CommandState.Done], changes.Select(x => x.Record.State));
        Assert.All(changes, x => Assert.Equal("available", x.Before));

        // Ended is ended: the timer and a later finish change nothing.
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(_tracker.Finish(c.Id, CommandState.Failed, "late"));
        Assert.Equal(CommandState.Done, Now(c).State);
        Assert.Empty(Changes());
    }

    [Fact]
    public void No_effect_within_ten_seconds_is_a_failure()
    {
        var c = Open(CommandNames.ForceLogout);
        _tracker.Expect(c.Id, Confirmation.For(c)!, waitsForCall: null);

        _time.Advance(TimeSpan.FromSeconds(9.999));
        Assert.Equal(CommandState.Pending, Now(c).State);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(CommandState.Failed, Now(c).State);
        Assert.Equal("the switch showed no effect within 10 s", Now(c).Outcome);
        Event(EventType.AgentLogout, agent: "A1");
        Assert.Equal(CommandState.Failed, Now(c).State);
    }

    [Fact]
    public void Only_the_asked_for_effect_on_that_agent_in_that_center_confirms()
    {
        var notReady = Open(CommandNames.ForceNotReady, reason: "coaching");
        var queues = Open(CommandNames.SetQueues, queues: ["q1", "q2"]);
        _tracker.Expect(notReady.Id, Confirmation.For(notReady)!, null);
        _tracker.Expect(queues.Id, Confirmation.For(queues)!, null);

        Event(EventType.AgentNotReady, agent: "A1", reason: "away");
        Event(EventType.AgentNotReady, agent: "A2", reason: "coaching");
        Event(EventType.AgentNotReady, agent: "A1", reason: "coaching", center: "c2");
        Event(EventType.AgentQueues, agent: "A1", queues: ["q1"]);
        Event(EventType.AgentReady, agent: "A1");
        Assert.Equal((CommandState.Pending, CommandState.Pending), (Now(notReady).State, Now(queues).State));

        Event(EventType.AgentNotReady, agent: "A1", reason: "coaching");
        Event(EventType.AgentQueues, agent: "A1", queues: ["q2", "q1"]);
        Assert.Equal((CommandState.Done, CommandState.Done), (Now(notReady).State, Now(queues).State));
    }

    [Fact]
    public void A_command_waiting_for_a_call_starts_its_clock_when_the_call_ends()
    {
        var c = Open(CommandNames.ForceLogout);
        _tracker.Expect(c.Id, Confirmation.For(c)!, waitsForCall: "C1");
        Assert.Equal("waits for the end of call C1", Now(c).Outcome);

        // A long call: no clock runs while it lasts, and other calls' ends do not count.
        _time.Advance(TimeSpan.FromMinutes(20));
        Event(EventType.CallEnded, call: "C2");
        Event(EventType.CallHeld, call: "C1");
        Assert.Equal(CommandState.Pending, Now(c).State);

        Event(EventType.CallEnded, call: "C1");
        Assert.Equal(CommandState.Pending, Now(c).State);
        Assert.StartsWith("call C1 ended (call.ended)", Now(c).Outcome, StringComparison.Ordinal);
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(CommandState.Failed, Now(c).State);
        Assert.Equal([CommandState.Pending, CommandState.Pending, CommandState.Pending, CommandState.Failed], Changes().Select(x => x.Record.State));
    }

    [Fact]
    public void A_waiting_forced_logout_is_done_by_the_logout_after_the_call()
    {
        var c = Open(CommandNames.ForceLogout);
        _tracker.Expect(c.Id, Confirmation.For(c)!, waitsForCall: "C1");
        _time.Advance(TimeSpan.FromMinutes(5));

        Event(EventType.CallEnded, call: "C1");
        _time.Advance(TimeSpan.FromSeconds(9));
        Event(EventType.AgentLogout, agent: "A1", reason: "supervisor");

        Assert.Equal(CommandState.Done, Now(c).State);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(CommandState.Done, Now(c).State);
    }

    [Fact]
    public void A_call_handed_to_the_agent_is_not_its_end_but_one_handed_on_by_them_is()
    {
        var c = Open(CommandNames.ForceReady);
        _tracker.Expect(c.Id, Confirmation.For(c)!, waitsForCall: "C1");

        Event(EventType.CallTransferred, call: "C1", agent: "A1");
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(CommandState.Pending, Now(c).State);

        Event(EventType.CallTransferred, call: "C1", agent: "A9");
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(CommandState.Failed, Now(c).State);
    }

    [Fact]
    public void A_ring_that_stops_for_the_agent_or_their_logout_ends_the_wait()
    {
        var ringing = Open(CommandNames.ForceReady, agent: "A1");
        var onCall = Open(CommandNames.ForceNotReady, agent: "A2", reason: "meeting");
        _tracker.Expect(ringing.Id, Confirmation.For(ringing)!, waitsForCall: "C1");
        _tracker.Expect(onCall.Id, Confirmation.For(onCall)!, waitsForCall: "C2");

        Event(EventType.CallRingNoAnswer, call: "C1", agent: "A1");
        Event(EventType.AgentLogout, agent: "A2");
        Assert.Contains("logged out", Now(onCall).Outcome, StringComparison.Ordinal);
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal((CommandState.Failed, CommandState.Failed), (Now(ringing).State, Now(onCall).State));
    }

    [Fact]
    public void A_command_finished_by_the_desk_needs_no_event()
    {
        var c = Open(CommandNames.Message);

        Assert.True(_tracker.Finish(c.Id, CommandState.Done, "sent to the switch"));

        Assert.Equal((CommandState.Done, "sent to the switch"), (Now(c).State, Now(c).Outcome));
    }

    [Fact]
    public void A_record_in_json_has_the_fields_of_its_command_in_camel_case_and_nothing_else()
    {
        var c = Open(CommandNames.ForceNotReady, reason: "coaching");
        _tracker.Finish(c.Id, CommandState.Refused, "agent 'A1' is logged out");

        var json = System.Text.Json.JsonSerializer.SerializeToElement(Now(c), FloorWatch.Server.Journal.JournalJson.Options);

        Assert.Equal(["id", "center", "command", "agent", "reason", "by", "at", "state", "outcome", "finishedAt"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("refused", json.GetProperty("state").GetString());
    }

    [Fact]
    public void The_store_keeps_the_newest_commands_of_each_center()
    {
        var store = new CommandStore();
        CommandRecord Record(int i, string center) => new() { Id = $"cmd-{i}", Center = center, Command = CommandNames.ForceReady, By = "sup", At = _time.GetUtcNow() };
        for (var i = 0; i <= CommandStore.PerCenter; i++)
        {
            store.Put(Record(i, "c1"));
        }

        store.Put(Record(0, "c2"));
        store.Put(Record(1, "c1") with { State = CommandState.Done });

        Assert.Null(store.Get("c1", "cmd-0"));
        Assert.Equal(CommandState.Done, store.Get("c1", "cmd-1")!.State);
        Assert.NotNull(store.Get("c1", $"cmd-{CommandStore.PerCenter}"));
        Assert.NotNull(store.Get("c2", "cmd-0"));
    }
}
