using System.Text;
using Microsoft.Extensions.Logging;

namespace FloorWatch.Simulator.Tests;

/// <summary>The whole demo switch against a scripted server on 127.0.0.1, with the clock driven by the test.</summary>
public sealed class SwitchSimulatorTests : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _safety = new(TimeSpan.FromSeconds(60));
    private readonly FakeCtiServer _server = new();
    private readonly WatchedTime _time = new();
    private readonly ListLogger _log = new();
    private readonly CancellationTokenSource _stop = new();

    private CancellationToken Safety => _safety.Token;

    private SimulatorOptions Options => new()
    {
        Port = _server.Port, ApiKey = "k", Center = "demo", Agents = 6, CallsPerHour = 300, Seed = 3, RunId = "sim",
    };

    [Fact]
    public async Task The_switch_streams_a_valid_floor_obeys_a_command_and_ends_everything_when_stopped()
    {
        var run = new SwitchSimulator(Options, _time, _log).RunAsync(_stop.Token);
        using var conn = await _server.Accept(Safety);
        var hello = await conn.ReadJson(Safety);
        Assert.Equal(("k", "demo"), (hello.GetProperty("hello").GetString(), hello.GetProperty("center").GetString()));
        var feed = new RecordedFeed(conn, ack: true, Safety);

        // The floor comes up: A01 logs in and goes ready within the first 40 seconds.
        await _time.AdvanceUntil(feed.WaitFor(e => e is { Type: EventTypes.AgentReady, Agent: "A01" }), Second, Safety);

        // A supervisor's command over the link: the switch answers with the event that shows it.
        await conn.Send("""{"command":{"id":"c1","command":"agent.forceNotReady","agent":"A01","reason":"coaching"}}""", Safety);
        var coaching = await _time.AdvanceUntil(feed.WaitFor(e => e is { Type: EventTypes.AgentNotReady, Agent: "A01", Reason: "coaching" }), Second, Safety);
        await _log.WaitFor((_, m) => m.Contains("command c1 agent.forceNotReady", StringComparison.Ordinal)).WaitAsync(Safety);

        // Ten minutes of floor, then a clean stop.
        var tenMinutes = Simulation.Start.AddMinutes(10);
        await _time.AdvanceUntil(feed.WaitFor(e => e.Type == EventTypes.SwitchHeartbeat && e.Ts >= tenMinutes), Second, Safety);
        await _stop.CancelAsync();
        await run.WaitAsync(Safety);
        await feed.Reading.WaitAsync(Safety);

        var events = feed.Events;
        Assert.Contains(events, e => e.Type == EventTypes.CallAnswered);
        Assert.True(coaching.Ts >= events.First(e => e is { Type: EventTypes.AgentReady, Agent: "A01" }).Ts);
        var checker = StreamChecker.Of(events);
        Assert.Empty(checker.Violations);
        Assert.Equal((0, 0, 0), (checker.WaitingCalls, checker.ConnectedCalls, checker.AgentsLoggedIn));
        var fold = Fold.Of(feed.Lines.Select(l => Encoding.UTF8.GetBytes(l + "\n")), _time.GetUtcNow());
        Assert.Empty(fold.ParseErrors);
        Assert.Empty(fold.Anomalies());

        Assert.Contains(_log.Entries, e => e.Message == $"Demo switch: center demo, 6 agents, 4 queues, 300 calls/h → 127.0.0.1:{_server.Port} (seed 3, run sim)");
        var progress = _log.Entries.Count(e => e.Message.Contains("acknowledged, ", StringComparison.Ordinal) && e.Message.Contains("calls live", StringComparison.Ordinal));
        var minutes = (int)(_time.GetUtcNow() - Simulation.Start).TotalMinutes;
        Assert.InRange(progress, Math.Max(1, minutes - 1), minutes);
        Assert.Contains(_log.Entries, e => e.Message.StartsWith("Demo switch stopped: ", StringComparison.Ordinal) && e.Message.Contains("0 refused", StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Entries, e => e.Level >= LogLevel.Warning && !e.Message.Contains("reconnecting", StringComparison.Ordinal) && !e.Message.Contains("lost", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_command_the_switch_cannot_obey_is_logged_as_a_warning_and_the_run_goes_on()
    {
        var run = new SwitchSimulator(Options, _time, _log).RunAsync(_stop.Token);
        using var conn = await _server.Accept(Safety);
        await conn.ReadJson(Safety);
        var feed = new RecordedFeed(conn, ack: true, Safety);

        await conn.Send("""{"command":{"id":"c7","command":"agent.teleport","agent":"A01"}}""", Safety);

        var warning = await _log.WaitFor((level, m) => level == LogLevel.Warning && m.Contains("c7", StringComparison.Ordinal)).WaitAsync(Safety);
        Assert.Contains("unknown command 'agent.teleport'", warning, StringComparison.Ordinal);
        await _time.AdvanceUntil(feed.WaitFor(e => e.Type == EventTypes.AgentLogin), Second, Safety);
        await _stop.CancelAsync();
        await run.WaitAsync(Safety);
    }

    [Fact]
    public async Task A_stopping_switch_waits_a_few_seconds_for_acknowledgements_then_gives_up()
    {
        var run = new SwitchSimulator(Options, _time, _log).RunAsync(_stop.Token);
        using var conn = await _server.Accept(Safety);
        await conn.ReadJson(Safety);
        var feed = new RecordedFeed(conn, ack: false, Safety);
        await _time.AdvanceUntil(feed.WaitFor(e => e.Type == EventTypes.AgentLogin), Second, Safety);

        await _stop.CancelAsync();
        await _time.AdvanceUntil(run, Second, Safety);

        var warning = Assert.Single(_log.Entries, e => e.Message.Contains("not acknowledged", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.True(_time.GetUtcNow() - Simulation.Start >= SwitchSimulator.StopGrace);
    }

    [Fact]
    public void Invalid_options_are_refused_at_once_naming_the_field()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SwitchSimulator(new SimulatorOptions { Agents = 0 }, _time, _log));

        Assert.Contains("ApiKey:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Agents:", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _stop.Dispose();
        _server.Dispose();
        _safety.Dispose();
    }
}
