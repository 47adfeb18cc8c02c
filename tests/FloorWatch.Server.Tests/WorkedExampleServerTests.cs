using System.Text.Json;

namespace FloorWatch.Server.Tests;

/// <summary>The worked example fed over HTTP to a running server gives the expected figures, and feeding it again changes nothing.</summary>
[Collection(SharedServer.Name)]
public class WorkedExampleServerTests(ServerFixture fixture)
{
    [Fact]
    public async Task Ndjson_fed_once_then_again_gives_the_expected_figures_both_times()
    {
        var server = fixture.Server;
        var body = string.Join('\n', Feeds.ShiftLines("ndjson-twice")) + "\n";
        var first = await server.PostEvents(body);
        Assert.Equal(1810, first.GetProperty("accepted").GetInt32());
        Assert.Equal(0, first.GetProperty("duplicates").GetInt32());
        Assert.Empty(first.GetProperty("rejected").EnumerateArray());
        using var admin = await server.SignIn("admin");
        await Feeds.AssertShiftFigures(admin, "ndjson-twice");

        var second = await server.PostEvents(body);
        Assert.Equal(0, second.GetProperty("accepted").GetInt32());
        Assert.Equal(1810, second.GetProperty("duplicates").GetInt32());
        await Feeds.AssertShiftFigures(admin, "ndjson-twice");
    }

    [Fact]
    public async Task A_json_array_in_parts_gives_the_same_figures()
    {
        var server = fixture.Server;
        foreach (var part in Feeds.ShiftLines("array-parts").Chunk(500))
        {
            var reply = await server.PostEvents("[\n" + string.Join(",\n", part) + "\n]", "application/json");
            Assert.Equal(part.Length, reply.GetProperty("accepted").GetInt32());
        }

        using var admin = await server.SignIn("admin");
        await Feeds.AssertShiftFigures(admin, "array-parts");
    }

    [Fact]
    public async Task Intervals_as_csv_have_a_header_and_96_rows()
    {
        var server = fixture.Server;
        await server.PostEvents(string.Join('\n', Feeds.ShiftLines("csv")));
        using var admin = await server.SignIn("admin");

        var csv = await admin.GetStringAsync("/api/centers/csv/intervals?date=2026-11-17&queue=billing&format=csv");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(97, lines.Length);
        Assert.StartsWith("start,end,offered,answered,abandoned", lines[0], StringComparison.Ordinal);
        // billing 08:00: offered 5, answered 3 (the worked example).
        Assert.StartsWith("2026-11-17T08:00:00Z,2026-11-17T08:15:00Z,5,3,1,1,", lines[1 + 32], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_names_every_queue_and_agent_of_the_center()
    {
        var server = fixture.Server;
        await server.PostEvents(string.Join('\n', Feeds.ShiftLines("snap")));
        using var admin = await server.SignIn("admin");

        var snapshot = JsonDocument.Parse(await admin.GetStringAsync("/api/centers/snap/snapshot")).RootElement;

        Assert.Equal("snap", snapshot.GetProperty("center").GetString());
        Assert.Equal(["billing", "general", "vip"], snapshot.GetProperty("queues").EnumerateArray().Select(q => q.GetProperty("id").GetString()));
        Assert.Equal(12, snapshot.GetProperty("agents").GetArrayLength());
        Assert.All(snapshot.GetProperty("agents").EnumerateArray(), a => Assert.Equal("loggedout", a.GetProperty("state").GetString()));
        Assert.Equal(1810, snapshot.GetProperty("feed").GetProperty("eventsApplied").GetInt64());
    }
}
