using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FloorWatch.Server.Tests;

/// <summary>
/// With the records still to apply held to one, every group of events the journal takes waits for
/// the centers: two centers fed at once still get every event, in order, and /readyz counts the backlog.
/// </summary>
public class BackpressureTests
{
    [Fact]
    public async Task Ingest_held_to_the_centers_pace_loses_nothing_and_readyz_reports_the_backlog()
    {
        var data = ServerProcess.NewDataPath();
        await using var server = await ServerProcess.StartAsync(data, settings: new Dictionary<string, string> { ["FloorWatch__MaxUnappliedRecords"] = "1" });

        await Task.WhenAll(Feed(server, "press-a"), Feed(server, "press-b"));

        using var admin = await server.SignIn("admin");
        await Feeds.AssertShiftFigures(admin, "press-a");
        await Feeds.AssertShiftFigures(admin, "press-b");

        // The reads above waited until everything journaled was applied.
        var ready = await server.Http.GetAsync("/readyz");
        Assert.True(ready.StatusCode == HttpStatusCode.OK, $"{ready.StatusCode}: {await ready.Content.ReadAsStringAsync()}");
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("ready").GetBoolean());
        Assert.Equal(0, body.GetProperty("backlog").GetInt64());
        Directory.Delete(data, recursive: true);
    }

    private static async Task Feed(ServerProcess server, string center)
    {
        foreach (var part in Feeds.ShiftLines(center).Chunk(60))
        {
            var reply = await server.PostEvents(string.Join('\n', part));
            Assert.Equal(part.Length, reply.GetProperty("accepted").GetInt32());
        }
    }
}
