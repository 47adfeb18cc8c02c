using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FloorWatch.Server.Tests;

/// <summary>Contract section 5 with the real server: alerts raised from the feed, listed, acknowledged, kept across a restart; and who may see them.</summary>
[Collection(SharedServer.Name)]
public class AlertTests(ServerFixture fixture)
{
    private static string Ts(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string Ev(string center, string id, DateTimeOffset ts, string rest) =>
        $"{{\"id\":\"{id}\",\"ts\":\"{Ts(ts)}\",\"center\":\"{center}\",{rest}}}";

    private static string Login(string center, string id, DateTimeOffset ts, string agent, string seat) =>
        Ev(center, id, ts, $"\"type\":\"agent.login\",\"agent\":\"{agent}\",\"seat\":\"{seat}\",\"queues\":[\"q1\"]");

    private static async Task<JsonElement[]> Alerts(HttpClient client, string center, string state = "all")
    {
        var answer = await client.GetAsync($"/api/centers/{center}/alerts?state={state}");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return [.. (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alerts").EnumerateArray()];
    }

    private static async Task<JsonElement[]> Feed(ServerProcess server, params string[] lines)
    {
        var reply = await server.PostEvents(string.Join('\n', lines));
        Assert.Equal(lines.Length, reply.GetProperty("accepted").GetInt32());
        return [];
    }

    [Fact]
    public async Task An_agent_away_for_5_minutes_and_1_second_raises_notready_overtime()
    {
        const string c = "acme";
        var now = DateTimeOffset.UtcNow;
        var away = now.AddSeconds(-301);
        await Feed(fixture.Server,
            Login(c, "al-1", now.AddSeconds(-400), "AL1", "S-al1"),
            Ev(c, "al-2", now.AddSeconds(-399), "\"type\":\"agent.ready\",\"agent\":\"AL1\""),
            Ev(c, "al-3", away, "\"type\":\"agent.notready\",\"agent\":\"AL1\",\"reason\":\"away\""),
            Login(c, "al-4", now.AddSeconds(-400), "AL2", "S-al2"),
            Ev(c, "al-5", now.AddSeconds(-399), "\"type\":\"agent.ready\",\"agent\":\"AL2\""),
            Ev(c, "al-6", now.AddSeconds(-200), "\"type\":\"agent.notready\",\"agent\":\"AL2\",\"reason\":\"away\""),

            // Durations run on the switch's clock: its heartbeat says it is now.
            Ev(c, "al-7", now, "\"type\":\"switch.heartbeat\""));
        using var sup = await fixture.Server.SignIn("sup-acme");

        var alerts = await Alerts(sup, c, "open");
        var overtime = Assert.Single(alerts, a => a.GetProperty("kind").GetString() == "notready.overtime" && a.GetProperty("agent").GetString() == "AL1");
        Assert.Equal("warning", overtime.GetProperty("severity").GetString());
        Assert.Equal(away.AddSeconds(300), overtime.GetProperty("raisedAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.DoesNotContain(alerts, a => a.GetProperty("kind").GetString() == "notready.overtime" && a.GetProperty("agent").GetString() == "AL2");

        // The agent's row carries it too.
        var snapshot = await sup.GetFromJsonAsync<JsonElement>($"/api/centers/{c}/snapshot");
        var row = snapshot.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "AL1");
        Assert.Contains(row.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("kind").GetString() == "notready.overtime");
    }

    [Fact]
    public async Task The_same_agent_id_logging_in_at_a_second_seat_raises_login_duplicate()
    {
        const string c = "acme";
        var now = DateTimeOffset.UtcNow;
        await Feed(fixture.Server, Login(c, "dup-1", now.AddSeconds(-10), "DUP1", "S-7"), Login(c, "dup-2", now.AddSeconds(-5), "DUP1", "S-8"));
        using var sup = await fixture.Server.SignIn("sup-acme");

        var dup = Assert.Single(await Alerts(sup, c), a => a.GetProperty("kind").GetString() == "login.duplicate" && a.GetProperty("agent").GetString() == "DUP1");
        Assert.Equal("critical", dup.GetProperty("severity").GetString());
        Assert.Contains("S-8", dup.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_are_refused_outside_role_and_center_and_name_nothing_of_the_other_center()
    {
        var now = DateTimeOffset.UtcNow;
        await Feed(fixture.Server, Login("alerts-other", "ao-1", now.AddSeconds(-10), "SECRET-AGENT", "S1"), Login("alerts-other", "ao-2", now.AddSeconds(-5), "SECRET-AGENT", "S2"));
        using var sup = await fixture.Server.SignIn("sup-acme");
        using var wall = await fixture.Server.SignIn("wall-acme");
        using var agent = await fixture.Server.SignIn("agent-acme");

        var other = await sup.GetAsync("/api/centers/alerts-other/alerts?state=all");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.DoesNotContain("SECRET", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await sup.PostAsync("/api/centers/alerts-other/alerts/x/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wall.PostAsync("/api/centers/acme/alerts/x/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/centers/acme/alerts")).StatusCode);

        // A wallboard sees the floor-wide kinds only: no agent's duplicate login.
        await Feed(fixture.Server, Login("acme", "ao-3", now.AddSeconds(-10), "WALLDUP", "S1"), Login("acme", "ao-4", now.AddSeconds(-5), "WALLDUP", "S2"));
        Assert.DoesNotContain(await Alerts(wall, "acme"), a => a.GetProperty("kind").GetString() == "login.duplicate");

        // An agent reads their own view and no one else's.
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/centers/acme/agents/WALLDUP")).StatusCode);
        var me = await agent.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("agent-acme", me.GetProperty("user").GetString());
    }

    [Fact]
    public async Task An_acknowledged_alert_is_kept_across_a_restart_with_who_acknowledged_it()
    {
        var data = ServerProcess.NewDataPath();
        var now = DateTimeOffset.UtcNow;
        string id;
        await using (var server = await ServerProcess.StartAsync(data))
        {
            await Feed(server, Login("acme", "ack-1", now.AddSeconds(-10), "ACK1", "S1"), Login("acme", "ack-2", now.AddSeconds(-5), "ACK1", "S2"));
            using var sup = await server.SignIn("sup-acme");
            id = Assert.Single(await Alerts(sup, "acme"), a => a.GetProperty("kind").GetString() == "login.duplicate").GetProperty("id").GetString()!;

            var ack = await sup.PostAsync($"/api/centers/acme/alerts/{id}/acknowledge", null);
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            var acked = await ack.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(("acknowledged", "sup-acme"), (acked.GetProperty("state").GetString(), acked.GetProperty("by").GetString()));
            Assert.Equal(HttpStatusCode.NotFound, (await sup.PostAsync("/api/centers/acme/alerts/no-such-alert/acknowledge", null)).StatusCode);

            var audit = await sup.GetFromJsonAsync<JsonElement>("/api/centers/acme/audit");
            Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "alert.acknowledge" && e.GetProperty("target").GetString() == id);
        }

        await using (var again = await ServerProcess.StartAsync(data))
        {
            using var sup = await again.SignIn("sup-acme");
            var kept = Assert.Single(await Alerts(sup, "acme"), a => a.GetProperty("id").GetString() == id);
            Assert.Equal(("acknowledged", "sup-acme"), (kept.GetProperty("state").GetString(), kept.GetProperty("by").GetString()));
        }

        Directory.Delete(data, recursive: true);
    }
}
