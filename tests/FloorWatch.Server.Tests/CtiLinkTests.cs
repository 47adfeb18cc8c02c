using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace FloorWatch.Server.Tests;

/// <summary>The TCP CTI link as a switch uses it: a hello line, events, and NDJSON answers (acks and refusals) back.</summary>
[Collection(SharedServer.Name)]
public class CtiLinkTests(ServerFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static string Ev(string center, string id, string time, string type, string extra = "") =>
        $"{{\"id\":\"{id}\",\"ts\":\"2026-11-22T{time}Z\",\"center\":\"{center}\",\"type\":\"{type}\"{extra}}}";

    private static string Hello(string center, string key = ServerProcess.CtiKey) =>
        JsonSerializer.Serialize(new { hello = key, center });

    /// <summary>One open link: lines written as NDJSON, answers read one line at a time with a time limit.</summary>
    private sealed class Link : IAsyncDisposable
    {
        private readonly TcpClient _client;
        private readonly NetworkStream _stream;
        private readonly StreamReader _reader;

        private Link(TcpClient client)
        {
            _client = client;
            _stream = client.GetStream();
            _reader = new StreamReader(_stream, new UTF8Encoding(false));
        }

        public static async Task<Link> Open(int port)
        {
            var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(Patience);
            return new Link(client);
        }

        public async Task Send(params string[] lines) =>
            await _stream.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));

        /// <summary>The next line from the server, or null once it has closed the link.</summary>
        public async Task<string?> ReadLine() => await _reader.ReadLineAsync().WaitAsync(Patience);

        public async Task<JsonElement> ReadJson()
        {
            var line = await ReadLine();
            Assert.NotNull(line);
            return JsonDocument.Parse(line).RootElement;
        }

        /// <summary>Reads answers until the ack of <paramref name="id"/>; returns every answer that was not an ack.</summary>
        public async Task<List<JsonElement>> UntilAck(string id)
        {
            var others = new List<JsonElement>();
            while (true)
            {
                var answer = await ReadJson();
                if (answer.TryGetProperty("ack", out var ack))
                {
                    if (ack.GetString() == id)
                    {
                        return others;
                    }
                }
                else
                {
                    others.Add(answer);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _reader.Dispose();
            await _stream.DisposeAsync();
            _client.Dispose();
        }
    }

    [Fact]
    public async Task A_wrong_key_in_the_hello_gets_an_error_line_and_the_link_closes()
    {
        await using var link = await Link.Open(fixture.Server.TcpPort);

        await link.Send(Hello("tcp-wrongkey", "not-the-key"));

        var answer = await link.ReadJson();
        Assert.Equal(1, answer.GetProperty("line").GetInt64());
        Assert.Contains("'hello'", answer.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(answer.TryGetProperty("ack", out _));
        Assert.Null(await link.ReadLine());
    }

    [Fact]
    public async Task A_hello_that_is_not_json_or_names_no_center_is_refused_and_the_link_closes()
    {
        await using (var link = await Link.Open(fixture.Server.TcpPort))
        {
            await link.Send("HELLO " + ServerProcess.CtiKey);
            var answer = await link.ReadJson();
            Assert.Equal(1, answer.GetProperty("line").GetInt64());
            Assert.Contains("JSON", answer.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Null(await link.ReadLine());
        }

        await using (var link = await Link.Open(fixture.Server.TcpPort))
        {
            await link.Send(JsonSerializer.Serialize(new { hello = ServerProcess.CtiKey }));
            var answer = await link.ReadJson();
            Assert.Contains("'center'", answer.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Null(await link.ReadLine());
        }
    }

    [Fact]
    public async Task Events_after_a_good_hello_are_acked_with_the_last_id()
    {
        const string c = "tcp-x";
        await using var link = await Link.Open(fixture.Server.TcpPort);

        await link.Send(
            Hello(c),
            Ev(c, "x-1", "09:00:00", "call.queued", ",\"call\":\"x-1\",\"queue\":\"q\""),
            Ev(c, "x-2", "09:00:05", "call.queued", ",\"call\":\"x-2\",\"queue\":\"q\""),
            Ev(c, "x-3", "09:00:09", "switch.heartbeat"));

        Assert.Empty(await link.UntilAck("x-3"));

        // The link stays open for more.
        await link.Send(Ev(c, "x-4", "09:00:12", "switch.heartbeat"));
        Assert.Empty(await link.UntilAck("x-4"));
    }

    [Fact]
    public async Task A_bad_line_is_refused_by_its_number_counting_the_hello_as_line_1()
    {
        const string c = "tcp-badline";
        await using var link = await Link.Open(fixture.Server.TcpPort);

        await link.Send(
            Hello(c),
            Ev(c, "bl-2", "09:00:00", "call.queued", ",\"call\":\"bl-2\",\"queue\":\"q\""),
            Ev(c, "bl-3", "09:00:01", "call.queued", ",\"call\":\"bl-3\",\"queue\":\"q\"").Replace("\"2026-11-22T09:00:01Z\"", "42", StringComparison.Ordinal),
            "this is not json",
            Ev(c, "bl-5", "09:00:02", "call.queued", ",\"call\":\"bl-5\",\"queue\":\"q\""));

        var refusals = await link.UntilAck("bl-5");

        Assert.Equal([3L, 4L], refusals.Select(r => r.GetProperty("line").GetInt64()));
        Assert.Contains("'ts'", refusals[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("JSON", refusals[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        using var admin = await fixture.Server.SignIn("admin");
        var rows = await admin.GetFromJsonAsync<JsonElement>($"/api/centers/{c}/intervals?date=2026-11-22&queue=q");
        Assert.Equal(2, rows.GetProperty("intervals")[36].GetProperty("offered").GetInt32());
    }

    [Fact]
    public async Task An_event_for_another_center_is_refused_naming_center()
    {
        const string c = "tcp-own";
        const string foreign = "tcp-foreign";
        await using var link = await Link.Open(fixture.Server.TcpPort);

        await link.Send(
            Hello(c),
            Ev(foreign, "fo-2", "09:00:00", "call.queued", ",\"call\":\"fo-2\",\"queue\":\"q\""),
            Ev(c, "fo-3", "09:00:01", "call.queued", ",\"call\":\"fo-3\",\"queue\":\"q\""));

        var refusal = Assert.Single(await link.UntilAck("fo-3"));
        Assert.Equal(2, refusal.GetProperty("line").GetInt64());
        Assert.Contains("'center'", refusal.GetProperty("error").GetString(), StringComparison.Ordinal);
        using var admin = await fixture.Server.SignIn("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/centers/{foreign}/snapshot")).StatusCode);
    }

    [Fact]
    public async Task Events_sent_over_the_link_show_in_the_figures_once_acked()
    {
        const string c = "tcp-figures";
        await using var link = await Link.Open(fixture.Server.TcpPort);

        await link.Send(
            Hello(c),
            Ev(c, "f-1", "09:00:00", "agent.login", ",\"agent\":\"A1\",\"seat\":\"S1\",\"queues\":[\"q\"]"),
            Ev(c, "f-2", "09:00:01", "agent.ready", ",\"agent\":\"A1\""),
            Ev(c, "f-3", "09:01:00", "call.queued", ",\"call\":\"c1\",\"queue\":\"q\""),
            Ev(c, "f-4", "09:01:12", "call.answered", ",\"call\":\"c1\",\"agent\":\"A1\""),
            Ev(c, "f-5", "09:02:00", "call.queued", ",\"call\":\"c2\",\"queue\":\"q\""),
            Ev(c, "f-6", "09:02:30", "call.abandoned", ",\"call\":\"c2\""));
        Assert.Empty(await link.UntilAck("f-6"));

        using var admin = await fixture.Server.SignIn("admin");
        var rows = await admin.GetFromJsonAsync<JsonElement>($"/api/centers/{c}/intervals?date=2026-11-22&queue=q");
        var nine = rows.GetProperty("intervals").EnumerateArray().Single(r => r.GetProperty("start").GetDateTimeOffset() == new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, nine.GetProperty("offered").GetInt32());
        Assert.Equal(1, nine.GetProperty("answered").GetInt32());
        Assert.Equal(1, nine.GetProperty("abandoned").GetInt32());
        Assert.Equal(12, nine.GetProperty("asaSeconds").GetDouble(), 6);

        var snapshot = await admin.GetFromJsonAsync<JsonElement>($"/api/centers/{c}/snapshot");
        var agent = Assert.Single(snapshot.GetProperty("agents").EnumerateArray());
        Assert.Equal("A1", agent.GetProperty("id").GetString());
        Assert.Equal("oncall", agent.GetProperty("state").GetString());
        Assert.Equal(6, snapshot.GetProperty("feed").GetProperty("eventsApplied").GetInt64());
    }
}
