using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace FloorWatch.Server.Tests;

/// <summary>
/// Garbage fed to <c>POST /api/cti/events</c> is refused line by line, naming the line and the field,
/// never stops the good lines around it, never changes a figure, and never takes the server down.
/// </summary>
[Collection(SharedServer.Name)]
public class GarbageInTests(ServerFixture fixture)
{
    private const string Date = "2026-11-20";

    private static string Ev(string center, string id, string time, string type, string extra = "") =>
        $"{{\"id\":\"{id}\",\"ts\":\"{Date}T{time}Z\",\"center\":\"{center}\",\"type\":\"{type}\"{extra}}}";

    private static string Queued(string center, string id, string time, string queue = "q") =>
        Ev(center, id, time, "call.queued", $",\"call\":\"{id}\",\"queue\":\"{queue}\"");

    /// <summary>Three calls offered to queue q at 09:00: the figure that garbage must not change.</summary>
    private async Task FeedGood(string center)
    {
        var reply = await fixture.Server.PostEvents(string.Join('\n', Queued(center, "g1", "09:00:01"), Queued(center, "g2", "09:01:00"), Queued(center, "g3", "09:02:00")));
        Assert.Equal(3, reply.GetProperty("accepted").GetInt32());
        Assert.Equal(3, await Offered(center, "09:00"));
    }

    private async Task<int> Offered(string center, string at)
    {
        using var admin = await fixture.Server.SignIn("admin");
        var json = await admin.GetFromJsonAsync<JsonElement>($"/api/centers/{center}/intervals?date={Date}&queue=q");
        var start = DateTimeOffset.Parse($"{Date}T{at}:00Z", CultureInfo.InvariantCulture);
        return json.GetProperty("intervals").EnumerateArray().Single(r => r.GetProperty("start").GetDateTimeOffset() == start).GetProperty("offered").GetInt32();
    }

    private async Task AssertStillUp(string center)
    {
        var health = await fixture.Server.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(3, await Offered(center, "09:00"));
    }

    private async Task<JsonElement> PostBytes(byte[] body, string contentType = "application/x-ndjson")
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cti/events") { Content = content };
        request.Headers.Add("X-Api-Key", ServerProcess.CtiKey);
        var answer = await fixture.Server.Http.SendAsync(request);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<(long Line, string Error)> Rejected(JsonElement reply) =>
        reply.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("line").GetInt64(), r.GetProperty("error").GetString()!)).ToList();

    private static void AssertRejected(JsonElement reply, long line, string mentions)
    {
        var rejected = Rejected(reply);
        Assert.Contains(rejected, r => r.Line == line);
        var error = rejected.First(r => r.Line == line).Error;
        Assert.Contains(mentions, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_bytes_are_refused_line_by_line_and_change_nothing()
    {
        const string c = "garbage-binary";
        await FeedGood(c);
        var body = new List<byte>();
        body.AddRange([0x00, 0x01, 0xFF, 0xFE, 0x80, 0x7F, (byte)'\n']);
        body.AddRange([0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x00, (byte)'{', (byte)'\n']);
        // JSON-shaped, but its strings are not UTF-8: in a known field and in an unknown one.
        body.AddRange(Encoding.UTF8.GetBytes($"{{\"id\":\"bin-3\",\"ts\":\"{Date}T09:05:00Z\",\"center\":\"{c}\",\"type\":\"call.queued\",\"call\":\"bin-3\",\"queue\":\"q\",\"caller\":\""));
        body.AddRange([0xC3, 0x28, 0xFF]);
        body.AddRange(Encoding.UTF8.GetBytes("\"}\n"));
        body.AddRange(Encoding.UTF8.GetBytes($"{{\"id\":\"bin-4\",\"ts\":\"{Date}T09:05:00Z\",\"center\":\"{c}\",\"type\":\"call.queued\",\"call\":\"bin-4\",\"queue\":\"q\",\"x\":\""));
        body.AddRange([0xC3, 0x28, 0xFF]);
        body.AddRange(Encoding.UTF8.GetBytes("\"}\n"));

        var reply = await PostBytes([.. body]);

        Assert.Equal(0, reply.GetProperty("accepted").GetInt32());
        Assert.Equal([1L, 2L, 3L, 4L], Rejected(reply).Select(r => r.Line));
        Assert.All(Rejected(reply), r => Assert.Contains("JSON", r.Error, StringComparison.Ordinal));

        // The same as a pretty-printed array element (journaled after re-writing it on one line).
        var array = new List<byte>();
        array.AddRange(Encoding.UTF8.GetBytes($"[\n{{\n\"id\":\"bin-5\",\n\"ts\":\"{Date}T09:05:00Z\",\"center\":\"{c}\",\"type\":\"call.queued\",\"call\":\"bin-5\",\"queue\":\"q\",\"x\":\""));
        array.AddRange([0xC3, 0x28, 0xFF]);
        array.AddRange(Encoding.UTF8.GetBytes("\"\n}\n]"));
        var arrayReply = await PostBytes([.. array], "application/json");
        Assert.Equal(0, arrayReply.GetProperty("accepted").GetInt32());
        Assert.Equal([1L], Rejected(arrayReply).Select(r => r.Line));

        // Ingest still works after all of it.
        var after = await fixture.Server.PostEvents(Queued(c, "bin-ok", "10:00:00"));
        Assert.Equal(1, after.GetProperty("accepted").GetInt32());
        await AssertStillUp(c);
    }

    [Fact]
    public async Task Truncated_json_is_refused_and_the_next_line_is_taken()
    {
        const string c = "garbage-truncated";
        await FeedGood(c);
        var good = Queued(c, "tr-ok", "10:00:00");
        var body = string.Join('\n', Queued(c, "tr-1", "09:05:00")[..40], "{\"id\":\"tr-2\",\"ts\":", "{", good);

        var reply = await fixture.Server.PostEvents(body);

        Assert.Equal(1, reply.GetProperty("accepted").GetInt32());
        Assert.Equal([1L, 2L, 3L], Rejected(reply).Select(r => r.Line));
        Assert.All(Rejected(reply), r => Assert.Contains("JSON", r.Error, StringComparison.Ordinal));
        Assert.Equal(1, await Offered(c, "10:00"));
        await AssertStillUp(c);
    }

    [Fact]
    public async Task A_10_MB_line_is_refused_unread_and_the_lines_around_it_are_taken()
    {
        const string c = "garbage-huge";
        await FeedGood(c);
        var huge = new StringBuilder(10_100_000)
            .Append($"{{\"id\":\"huge\",\"ts\":\"{Date}T09:05:00Z\",\"center\":\"{c}\",\"type\":\"call.queued\",\"call\":\"huge\",\"queue\":\"q\",\"pad\":\"")
            .Append('x', 10 * 1024 * 1024)
            .Append("\"}")
            .ToString();
        var body = string.Join('\n', Queued(c, "hg-1", "10:00:00"), huge, Queued(c, "hg-2", "10:01:00"));

        var reply = await fixture.Server.PostEvents(body);

        Assert.Equal(2, reply.GetProperty("accepted").GetInt32());
        Assert.Equal([2L], Rejected(reply).Select(r => r.Line));
        AssertRejected(reply, 2, "limit");
        Assert.Equal(2, await Offered(c, "10:00"));
        await AssertStillUp(c);
    }

    [Fact]
    public async Task Wrong_types_are_refused_naming_the_field()
    {
        const string c = "garbage-types";
        await FeedGood(c);
        var body = string.Join('\n',
            $"{{\"id\":\"ty-1\",\"ts\":1763629500,\"center\":\"{c}\",\"type\":\"call.queued\",\"call\":\"ty-1\",\"queue\":\"q\"}}",
            Ev(c, "ty-2", "09:05:00", "agent.login", ",\"agent\":\"A1\",\"seat\":\"S1\",\"queues\":\"q\""),
            Ev(c, "ty-3", "09:05:00", "call.queued", ",\"call\":\"ty-3\",\"queue\":[\"q\"]"),
            Ev(c, "ty-4", "09:05:00", "call.queued", ",\"call\":\"ty-4\",\"queue\":\"q\",\"vip\":\"yes\""),
            Ev(c, "ty-5", "09:05:00", "call.queued", ",\"call\":\"ty-5\",\"queue\":\"q\",\"priority\":1.5"),
            $"{{\"id\":6,\"ts\":\"{Date}T09:05:00Z\",\"center\":\"{c}\",\"type\":\"call.queued\",\"call\":\"ty-6\",\"queue\":\"q\"}}",
            "[1,2,3]",
            "\"just a string\"",
            "null");

        var reply = await fixture.Server.PostEvents(body);

        Assert.Equal(0, reply.GetProperty("accepted").GetInt32());
        Assert.Equal(9, Rejected(reply).Count);
        AssertRejected(reply, 1, "'ts'");
        AssertRejected(reply, 2, "'queues'");
        AssertRejected(reply, 3, "'queue'");
        AssertRejected(reply, 4, "'vip'");
        AssertRejected(reply, 5, "'priority'");
        AssertRejected(reply, 6, "'id'");
        AssertRejected(reply, 7, "object");
        await AssertStillUp(c);
    }

    [Fact]
    public async Task A_ts_ten_minutes_in_the_future_is_refused_naming_ts()
    {
        const string c = "garbage-future";
        await FeedGood(c);
        var future = DateTimeOffset.UtcNow.AddMinutes(10).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var past = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var body = string.Join('\n',
            $"{{\"id\":\"fu-1\",\"ts\":\"{past}\",\"center\":\"{c}\",\"type\":\"switch.heartbeat\"}}",
            $"{{\"id\":\"fu-2\",\"ts\":\"{future}\",\"center\":\"{c}\",\"type\":\"call.queued\",\"call\":\"fu-2\",\"queue\":\"q\"}}",
            $"{{\"id\":\"fu-3\",\"ts\":\"{Date} 09:05:00\",\"center\":\"{c}\",\"type\":\"switch.heartbeat\"}}",
            $"{{\"id\":\"fu-4\",\"ts\":\"yesterday\",\"center\":\"{c}\",\"type\":\"switch.heartbeat\"}}");

        var reply = await fixture.Server.PostEvents(body);

        Assert.Equal(1, reply.GetProperty("accepted").GetInt32());
        Assert.Equal([2L, 3L, 4L], Rejected(reply).Select(r => r.Line));
        AssertRejected(reply, 2, "'ts'");
        AssertRejected(reply, 2, "future");
        AssertRejected(reply, 3, "'ts'");
        AssertRejected(reply, 4, "'ts'");
        await AssertStillUp(c);
    }

    [Fact]
    public async Task An_unknown_type_and_missing_required_fields_are_refused_naming_the_field()
    {
        const string c = "garbage-missing";
        await FeedGood(c);
        var body = string.Join('\n',
            Ev(c, "mi-1", "09:05:00", "call.teleported", ",\"call\":\"mi-1\",\"queue\":\"q\""),
            $"{{\"ts\":\"{Date}T09:05:00Z\",\"center\":\"{c}\",\"type\":\"call.queued\",\"call\":\"mi-2\",\"queue\":\"q\"}}",
            $"{{\"id\":\"mi-3\",\"center\":\"{c}\",\"type\":\"call.queued\",\"call\":\"mi-3\",\"queue\":\"q\"}}",
            $"{{\"id\":\"mi-4\",\"ts\":\"{Date}T09:05:00Z\",\"type\":\"call.queued\",\"call\":\"mi-4\",\"queue\":\"q\"}}",
            $"{{\"id\":\"mi-5\",\"ts\":\"{Date}T09:05:00Z\",\"center\":\"{c}\",\"call\":\"mi-5\",\"queue\":\"q\"}}",
            Ev(c, "mi-6", "09:05:00", "call.queued", ",\"call\":\"mi-6\""),
            Ev(c, "mi-7", "09:05:00", "call.queued", ",\"queue\":\"q\""),
            Ev(c, "mi-8", "09:05:00", "agent.login", ",\"agent\":\"A1\",\"queues\":[\"q\"]"),
            Ev(c, "mi-9", "09:05:00", "agent.login", ",\"agent\":\"A1\",\"seat\":\"S1\""),
            Ev(c, "mi-10", "09:05:00", "agent.notready", ",\"agent\":\"A1\""),
            Ev(c, "mi-11", "09:05:00", "agent.ready"),
            Ev(c, "mi-12", "09:05:00", "call.queued", ",\"call\":\"bad id!\",\"queue\":\"q\""),
            Ev("bad center!", "mi-13", "09:05:00", "switch.heartbeat"));

        var reply = await fixture.Server.PostEvents(body);

        Assert.Equal(0, reply.GetProperty("accepted").GetInt32());
        Assert.Equal(13, Rejected(reply).Count);
        AssertRejected(reply, 1, "'type'");
        AssertRejected(reply, 2, "'id'");
        AssertRejected(reply, 3, "'ts'");
        AssertRejected(reply, 4, "'center'");
        AssertRejected(reply, 5, "'type'");
        AssertRejected(reply, 6, "'queue'");
        AssertRejected(reply, 7, "'call'");
        AssertRejected(reply, 8, "'seat'");
        AssertRejected(reply, 9, "'queues'");
        AssertRejected(reply, 10, "'reason'");
        AssertRejected(reply, 11, "'agent'");
        AssertRejected(reply, 12, "'call'");
        AssertRejected(reply, 13, "'center'");
        await AssertStillUp(c);
    }

    [Fact]
    public async Task Good_lines_around_bad_ones_are_taken_and_the_earlier_figure_stands()
    {
        const string c = "garbage-mixed";
        await FeedGood(c);
        var body = string.Join('\n',
            Queued(c, "mx-1", "10:00:00"),
            Ev(c, "mx-2", "10:00:10", "call.queued", ",\"call\":\"mx-2\",\"queue\":\"q\"").Replace($"{Date}T10:00:10Z", "10:00", StringComparison.Ordinal),
            Queued(c, "mx-3", "10:01:00"),
            Ev(c, "mx-4", "10:02:00", "call.vanished", ",\"call\":\"mx-4\",\"queue\":\"q\""),
            "",
            "not json at all",
            Queued(c, "mx-7", "10:03:00"),
            // The same ids as the good events fed first, now for 09:00 again: duplicates, not new offers.
            Queued(c, "g1", "09:00:01"),
            Queued(c, "g2", "09:01:00"));

        var reply = await fixture.Server.PostEvents(body);

        Assert.Equal(3, reply.GetProperty("accepted").GetInt32());
        Assert.Equal(2, reply.GetProperty("duplicates").GetInt32());
        Assert.Equal([2L, 4L, 6L], Rejected(reply).Select(r => r.Line));
        AssertRejected(reply, 2, "'ts'");
        AssertRejected(reply, 4, "'type'");
        Assert.Equal(3, await Offered(c, "10:00"));
        await AssertStillUp(c);
    }

    [Fact]
    public async Task A_json_array_with_a_bad_element_keeps_the_good_elements()
    {
        const string c = "garbage-array";
        await FeedGood(c);
        var body = "[\n" + string.Join(",\n",
            Queued(c, "ar-1", "10:00:00"),
            $"{{\"id\":\"ar-2\",\"ts\":12345,\"center\":\"{c}\",\"type\":\"call.queued\",\"call\":\"ar-2\",\"queue\":\"q\"}}",
            "42",
            Queued(c, "ar-4", "10:01:00")) + "\n]";

        var reply = await fixture.Server.PostEvents(body, "application/json");

        Assert.Equal(2, reply.GetProperty("accepted").GetInt32());
        Assert.Equal([2L, 3L], Rejected(reply).Select(r => r.Line));
        AssertRejected(reply, 2, "'ts'");
        Assert.Equal(2, await Offered(c, "10:00"));
        await AssertStillUp(c);
    }

    [Fact]
    public async Task A_json_array_broken_in_the_middle_keeps_what_came_before_the_break()
    {
        const string c = "garbage-array-broken";
        await FeedGood(c);
        var body = "[" + Queued(c, "ab-1", "10:00:00") + ",\n{\"id\":\"ab-2\",\"ts\": ,\n" + Queued(c, "ab-3", "10:01:00") + "]";

        var reply = await fixture.Server.PostEvents(body, "application/json");

        Assert.Equal(1, reply.GetProperty("accepted").GetInt32());
        Assert.Equal([2L], Rejected(reply).Select(r => r.Line));
        AssertRejected(reply, 2, "JSON");
        Assert.Equal(1, await Offered(c, "10:00"));

        var truncated = await fixture.Server.PostEvents("[" + Queued(c, "ab-4", "10:02:00") + ",", "application/json");
        Assert.Equal(1, truncated.GetProperty("accepted").GetInt32());
        Assert.Equal([2L], Rejected(truncated).Select(r => r.Line));
        Assert.Equal(2, await Offered(c, "10:00"));
        await AssertStillUp(c);
    }

    [Fact]
    public async Task Reads_of_an_unknown_center_a_bad_date_or_a_bad_format_are_refused_naming_what_is_wrong()
    {
        const string c = "garbage-reads";
        await FeedGood(c);
        using var admin = await fixture.Server.SignIn("admin");

        var missing = await admin.GetAsync("/api/centers/no-such-center/snapshot");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("no-such-center", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var badDate = await admin.GetAsync($"/api/centers/{c}/intervals?date=2026-13-45&queue=q");
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("date", (await badDate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);

        foreach (var edge in new[] { "0001-01-01", "9999-12-31", "2026-11-20T00:00:00Z", "20261120" })
        {
            var outOfRange = await admin.GetAsync($"/api/centers/{c}/intervals?date={edge}");
            Assert.True(outOfRange.StatusCode == HttpStatusCode.BadRequest, $"{edge}: {outOfRange.StatusCode}");
            Assert.Contains("date", (await outOfRange.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        var xml = await admin.GetAsync($"/api/centers/{c}/intervals?date={Date}&queue=q&format=xml");
        Assert.Equal(HttpStatusCode.BadRequest, xml.StatusCode);
        Assert.Contains("format", (await xml.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        await AssertStillUp(c);
    }
}
