using System.Globalization;
using System.Text;

namespace FloorWatch.Server.Tests;

/// <summary>Contract section 4: a slow client never slows the others.</summary>
[Collection(SharedServer.Name)]
public class SlowViewerTests(ServerFixture fixture)
{
    private const string Center = "hub-slow";
    private const int Agents = 2000;
    private const int Rounds = 20;

    [Fact]
    public async Task A_viewer_that_stops_reading_does_not_hold_up_the_deltas_of_the_others()
    {
        var server = fixture.Server;
        var start = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-3).ToUnixTimeMilliseconds());
        var n = 0;
        string Line(int second, string type, string fields) =>
            $"{{\"id\":\"slow-{++n}\",\"ts\":\"{start.AddSeconds(second).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)}\",\"center\":\"{Center}\",\"type\":\"{type}\",{fields}}}";
        var logins = Enumerable.Range(0, Agents).Select(a => Line(0, "agent.login", $"\"agent\":\"S{a:D4}\",\"seat\":\"seat-{a:D4}\",\"queues\":[\"q{a % 20}\"],\"name\":\"Agent number {a:D4} of a large floor\""));
        await server.PostEvents(string.Join('\n', logins));
        var token = await server.Token("admin");

        // The stuck browser joins and never reads again: the server's sends to it back up.
        await using var stuck = await StuckBrowser.JoinAsync(server, token, Center);

        await using var fast = await HubViewer.ConnectAsync(server, token);
        await fast.JoinAsync(Center);

        // Every round changes every agent, so each delta carries the whole floor (about a megabyte).
        var expected = Agents;
        for (var round = 1; round <= Rounds; round++)
        {
            var type = round % 2 == 1 ? "agent.ready" : "agent.notready";
            var fields = round % 2 == 1 ? "" : ",\"reason\":\"away\"";
            await server.PostEvents(string.Join('\n', Enumerable.Range(0, Agents).Select(a => Line(round, type, $"\"agent\":\"S{a:D4}\"" + fields))));
            expected += Agents;
            await fast.UntilAsync(v => v.EventsApplied == expected);
        }

        Assert.Equal(Agents, fast.Agents.Count);
        Assert.All(fast.Agents.Values, a => Assert.Equal("notready", a["state"]!.GetValue<string>()));
        Assert.True(Encoding.UTF8.GetByteCount(fast.Applied[^1].ToJsonString()) > 500_000, "deltas big enough to fill the slow viewer's buffers");
    }
}
