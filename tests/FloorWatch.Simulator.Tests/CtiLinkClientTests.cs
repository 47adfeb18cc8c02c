using Microsoft.Extensions.Logging;

namespace FloorWatch.Simulator.Tests;

/// <summary>The link client against a real TCP listener on 127.0.0.1, with time driven by a fake clock.</summary>
public sealed class CtiLinkClientTests : IAsyncLifetime, IDisposable
{
    private readonly CancellationTokenSource _safety = new(TimeSpan.FromSeconds(30));
    private readonly FakeCtiServer _server = new();
    private readonly WatchedTime _time = new();
    private readonly ListLogger _log = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly CtiLinkClient _link;
    private Task? _run;

    public CtiLinkClientTests() => _link = new CtiLinkClient("127.0.0.1", _server.Port, "secret-key", "hz", _time, _log);

    private CancellationToken Safety => _safety.Token;

    private static SwitchEvent Ev(int n) =>
        new() { Id = $"e{n}", Ts = Simulation.Start.AddSeconds(n), Center = "hz", Type = EventTypes.SwitchHeartbeat };

    private void Start() => _run = _link.RunAsync(_stop.Token);

    [Fact]
    public async Task The_first_line_is_the_hello_with_the_key_and_the_center_then_the_events()
    {
        _link.Enqueue([Ev(1), Ev(2)]);
        Start();
        using var conn = await _server.Accept(Safety);

        var hello = await conn.ReadJson(Safety);
        Assert.Equal("secret-key", hello.GetProperty("hello").GetString());
        Assert.Equal("hz", hello.GetProperty("center").GetString());
        Assert.Equal("e1", (await conn.ReadJson(Safety)).GetProperty("id").GetString());
        Assert.Equal("e2", (await conn.ReadJson(Safety)).GetProperty("id").GetString());

        // Events queued while connected go out at once.
        _link.Enqueue([Ev(3)]);
        Assert.Equal("e3", (await conn.ReadJson(Safety)).GetProperty("id").GetString());
        Assert.Equal(3, _link.Unacknowledged);
    }

    [Fact]
    public async Task Unacknowledged_events_are_sent_again_after_the_server_drops_the_link()
    {
        _link.Enqueue([Ev(1), Ev(2), Ev(3)]);
        Start();
        using (var first = await _server.Accept(Safety))
        {
            await first.ReadUntil(e => e.TryGetProperty("id", out var id) && id.GetString() == "e3", Safety);
            await first.Send("""{"ack":"e1"}""", Safety);
        }

        // The server is gone: the client says so (having read the ack first) and retries after its backoff, on the fake clock.
        var lost = await _log.WaitFor((level, m) => level == LogLevel.Warning && m.Contains("lost", StringComparison.Ordinal)).WaitAsync(Safety);
        Assert.Contains("2 events unacknowledged", lost, StringComparison.Ordinal);
        using var second = await Reconnected();

        Assert.True((await second.ReadJson(Safety)).TryGetProperty("hello", out _));
        Assert.Equal("e2", (await second.ReadJson(Safety)).GetProperty("id").GetString());
        Assert.Equal("e3", (await second.ReadJson(Safety)).GetProperty("id").GetString());
        await second.Send("""{"ack":"e3"}""", Safety);
        Assert.True(await _link.WaitAllAcknowledgedAsync(Safety));
        Assert.Equal(3, _link.Acknowledged);
        Assert.Contains(_log.Entries, e => e.Message.Contains("connected", StringComparison.Ordinal) && e.Message.Contains("2 events", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_line_is_logged_with_its_line_number_event_and_error_and_not_sent_again()
    {
        _link.Enqueue([Ev(1), Ev(2), Ev(3)]);
        Start();
        using var conn = await _server.Accept(Safety);
        await conn.ReadUntil(e => e.TryGetProperty("id", out var id) && id.GetString() == "e3", Safety);

        // Line 1 is the hello, so line 3 is e2.
        await conn.Send("""{"line":3,"error":"field 'ts': '2026-13-01' is not an RFC 3339 time with offset"}""", Safety);
        await conn.Send("""{"ack":"e3"}""", Safety);

        var warning = await _log.WaitFor((level, m) => level == LogLevel.Warning && m.Contains("refused line", StringComparison.Ordinal)).WaitAsync(Safety);
        Assert.Contains("line 3", warning, StringComparison.Ordinal);
        Assert.Contains("event e2", warning, StringComparison.Ordinal);
        Assert.Contains("field 'ts'", warning, StringComparison.Ordinal);
        Assert.True(await _link.WaitAllAcknowledgedAsync(Safety));
        Assert.Equal((2, 1), (_link.Acknowledged, _link.Refused));
    }

    [Fact]
    public async Task A_refused_hello_is_logged_as_an_error_with_the_server_s_words_and_retried_later()
    {
        Start();
        using (var conn = await _server.Accept(Safety))
        {
            await conn.ReadJson(Safety);
            await conn.Send("""{"line":1,"error":"field 'hello': not this server's CTI key"}""", Safety);
        }

        var error = await _log.WaitFor((level, _) => level == LogLevel.Error).WaitAsync(Safety);
        Assert.Contains("refused the hello", error, StringComparison.Ordinal);
        Assert.Contains("not this server's CTI key", error, StringComparison.Ordinal);

        using var retry = await Reconnected();
        Assert.True((await retry.ReadJson(Safety)).TryGetProperty("hello", out _));
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_retried_with_a_backoff_doubling_from_half_a_second_to_ten()
    {
        _server.Dispose();
        Start();

        static bool Reconnecting(LogLevel level, string m) => m.Contains("reconnecting", StringComparison.Ordinal);
        await _time.AdvanceUntil(_log.WaitFor(Reconnecting, count: 7), CtiLinkClient.MaxBackoff, Safety);

        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("cannot connect", StringComparison.Ordinal));
        var delays = _log.Entries.Where(e => Reconnecting(e.Level, e.Message)).Select(e => e.Message.Split(" in ")[1]).Take(7);
        Assert.Equal(["0.5 s", "1 s", "2 s", "4 s", "8 s", "10 s", "10 s"], delays);
    }

    [Fact]
    public async Task A_command_line_from_the_server_is_delivered_in_order()
    {
        Start();
        using var conn = await _server.Accept(Safety);
        await conn.ReadJson(Safety);

        await conn.Send("""{"command":{"id":"c1","command":"agent.forceNotReady","agent":"A01","reason":"coaching"}}""", Safety);
        await conn.Send("""{"command":{"id":"c2","command":"agent.setQueues","agent":"A02","queues":["vip"]}}""", Safety);

        var first = await _link.Commands.ReadAsync(Safety);
        var second = await _link.Commands.ReadAsync(Safety);
        Assert.Equal(("c1", SwitchCommand.ForceNotReady, "A01", "coaching"), (first.Id, first.Command, first.Agent, first.Reason));
        Assert.Equal("c2", second.Id);
        Assert.Equal(["vip"], second.Queues);
    }

    [Fact]
    public async Task A_malformed_command_is_logged_and_the_link_goes_on()
    {
        Start();
        using var conn = await _server.Accept(Safety);
        await conn.ReadJson(Safety);

        await conn.Send("""{"command":{"agent":"A01"}}""", Safety);
        await conn.Send("""{"command":{"id":"c3","command":"call.monitor","call":"x","mode":"listen"}}""", Safety);

        var warning = await _log.WaitFor((level, m) => level == LogLevel.Warning && m.Contains("command ignored", StringComparison.Ordinal)).WaitAsync(Safety);
        Assert.Contains("field 'command'", warning, StringComparison.Ordinal);
        Assert.Equal("c3", (await _link.Commands.ReadAsync(Safety)).Id);
    }

    /// <summary>Lets the client's first backoff run out on the fake clock (once it waits on it) and accepts its new connection.</summary>
    private async Task<FakeCtiServer.Connection> Reconnected()
    {
        await _time.WhenWaitingFor(CtiLinkClient.FirstBackoff).WaitAsync(Safety);
        _time.Advance(CtiLinkClient.FirstBackoff);
        return await _server.Accept(Safety);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Stops the client and waits for its loop to end (xunit calls this before <see cref="Dispose"/>).</summary>
    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(Safety);
        }
    }

    public void Dispose()
    {
        _stop.Dispose();
        _server.Dispose();
        _safety.Dispose();
    }
}
