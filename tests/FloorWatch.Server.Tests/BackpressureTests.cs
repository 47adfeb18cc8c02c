using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FloorWatch.Server.Tests;

/// <summary>
/// With the records still to apply held to one, every group of events the journal takes waits for
/// the centers: two centers fed at once still get every event, in order, and /readyz counts the backlog.
/// A restart's replay keeps to the same limit.
/// </summary>
public partial class BackpressureTests
{
    private static readonly Dictionary<string, string> HeldToOne = new() { ["FloorWatch__MaxUnappliedRecords"] = "1" };

    [Fact]
    public async Task Ingest_held_to_the_centers_pace_loses_nothing_and_readyz_reports_the_backlog()
    {
        var data = ServerProcess.NewDataPath();
        await using var server = await ServerProcess.StartAsync(data, settings: HeldToOne);

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

    [Fact]
    public async Task A_restart_replays_the_journal_within_the_limit_and_gives_the_same_figures()
    {
        var data = ServerProcess.NewDataPath();
        long journaled;
        await using (var first = await ServerProcess.StartAsync(data, settings: HeldToOne))
        {
            await Task.WhenAll(Feed(first, "again-a"), Feed(first, "again-b"));
            journaled = (await first.Http.GetFromJsonAsync<JsonElement>("/readyz")).GetProperty("journalSeq").GetInt64();
        }

        await using var second = await ServerProcess.StartAsync(data, settings: HeldToOne);
        using var admin = await second.SignIn("admin");
        await Feeds.AssertShiftFigures(admin, "again-a");
        await Feeds.AssertShiftFigures(admin, "again-b");

        // Read all at once, the replay would hold every record of both shifts before applying one.
        var replayed = ReplayedLine().Match(second.Output);
        Assert.True(replayed.Success, second.Output);
        Assert.Equal(journaled, long.Parse(replayed.Groups["records"].Value, CultureInfo.InvariantCulture));
        Assert.InRange(long.Parse(replayed.Groups["waiting"].Value, CultureInfo.InvariantCulture), 1, 2);
        Directory.Delete(data, recursive: true);
    }

    [GeneratedRegex(@"replayed (?<records>\d+) records in [\d.]+ s, at most (?<waiting>\d+) of them read and not yet applied")]
    private static partial Regex ReplayedLine();

    private static async Task Feed(ServerProcess server, string center)
    {
        foreach (var part in Feeds.ShiftLines(center).Chunk(60))
        {
            var reply = await server.PostEvents(string.Join('\n', part));
            Assert.Equal(part.Length, reply.GetProperty("accepted").GetInt32());
        }
    }
}
