using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FloorWatch.Simulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace FloorWatch.Server.Tests;

/// <summary>Supervisor commands (contract section 5) against the real server, its TCP CTI link and hub.</summary>
public class CommandTests(CommandServerFixture fixture) : IClassFixture<CommandServerFixture>
{
    private ServerProcess Server => fixture.Server;

    private static async Task<HttpResponseMessage> Post(HttpClient client, string center, object body) =>
        await client.PostAsJsonAsync($"/api/centers/{center}/commands", body);

    private static async Task<string> Accepted(HttpClient client, string center, object body)
    {
        var answer = await Post(client, center, body);
        Assert.True(answer.StatusCode == HttpStatusCode.Accepted, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> Get(HttpClient client, string center, string id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/centers/{center}/commands/{id}");

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Makes a center known over HTTP (an agent logged in and ready), as a switch without a TCP link would.</summary>
    private async Task FeedOverHttp(string center, string agent = "A1")
    {
        var lines = new[]
        {
            $"{{\"id\":\"{center}-1\",\"ts\":\"{Now()}\",\"center\":\"{center}\",\"type\":\"agent.login\",\"agent\":\"{agent}\",\"seat\":\"S1\",\"queues\":[\"q1\"]}}",
            $"{{\"id\":\"{center}-2\",\"ts\":\"{Now()}\",\"center\":\"{center}\",\"type\":\"agent.ready\",\"agent\":\"{agent}\"}}",
        };
        await Server.PostEvents(string.Join('\n', lines));
    }

    [Fact]
    public async Task A_forced_not_ready_then_ready_reach_the_simulated_switch_whose_events_confirm_them()
    {
        const string center = "sim-cmd";
        using var admin = await Server.SignIn("admin");
        await using var results = await CommandResultListener.ConnectAsync(Server, "admin");

        // The center is known before the switch connects, so the viewer can join it at once.
        await Server.PostEvents($"{{\"id\":\"pre-1\",\"ts\":\"{Now()}\",\"center\":\"{center}\",\"type\":\"switch.heartbeat\"}}");
        await using var viewer = await HubViewer.ConnectAsync(Server, await Server.Token("admin"));
        await viewer.JoinAsync(center);

        // No calls: an agent's state changes only by logging in, going ready, and the commands.
        var options = new SimulatorOptions { Port = Server.TcpPort, ApiKey = ServerProcess.CtiKey, Center = center, Agents = 8, CallsPerHour = 0, Seed = 3 };
        using var stop = new CancellationTokenSource();
        var simulator = new SwitchSimulator(options, TimeProvider.System, NullLogger.Instance).RunAsync(stop.Token);
        try
        {
            await viewer.UntilAsync(v => v.Agents.Values.Any(a => a["state"]!.GetValue<string>() == "available"));
            var agent = viewer.Agents.Values.First(a => a["state"]!.GetValue<string>() == "available")["id"]!.GetValue<string>();

            var notReady = await Accepted(admin, center, new { command = "agent.forceNotReady", agent, reason = "coaching" });
            Assert.Equal("done", (await results.FinalOf(notReady)).GetProperty("state").GetString());

            var ready = await Accepted(admin, center, new { command = "agent.forceReady", agent });
            var pushed = await results.FinalOf(ready);
            Assert.Equal("done", pushed.GetProperty("state").GetString());
            Assert.Contains("agent.ready", pushed.GetProperty("outcome").GetString(), StringComparison.Ordinal);
            Assert.Equal(["pending", "done"], results.Seen.Where(r => r.GetProperty("id").GetString() == ready).Select(r => r.GetProperty("state").GetString()));

            var record = await Get(admin, center, ready);
            Assert.Equal(("done", "agent.forceReady", agent, "admin"), (record.GetProperty("state").GetString(), record.GetProperty("command").GetString(), record.GetProperty("agent").GetString(), record.GetProperty("by").GetString()));
            Assert.True(record.TryGetProperty("finishedAt", out _));

            var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/centers/{center}/audit");
            var entry = audit.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "agent.forceReady");
            Assert.Equal((agent, "admin", "notready/coaching", "available"), (entry.GetProperty("target").GetString(), entry.GetProperty("user").GetString(), entry.GetProperty("before").GetString(), entry.GetProperty("after").GetString()));
            Assert.StartsWith("done: ", entry.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            await simulator;
        }
    }

    [Fact]
    public async Task A_command_the_switch_never_shows_fails_after_ten_seconds()
    {
        const string center = "mute";
        await using var link = await ScriptedSwitch.ConnectAsync(Server, center);
        await link.Send(("agent.login", new { agent = "A1", seat = "S1", queues = new[] { "q1" } }));
        using var sup = await Server.SignIn("admin");
        await using var results = await CommandResultListener.ConnectAsync(Server, "admin");

        var id = await Accepted(sup, center, new { command = "agent.forceReady", agent = "A1" });

        var sent = await link.NextCommand();
        Assert.Equal((id, "agent.forceReady", "A1"), (sent.GetProperty("id").GetString(), sent.GetProperty("command").GetString(), sent.GetProperty("agent").GetString()));
        Assert.Equal("pending", (await Get(sup, center, id)).GetProperty("state").GetString());

        var failed = await results.FinalOf(id);
        Assert.Equal("failed", failed.GetProperty("state").GetString());
        Assert.Contains("within 10 s", failed.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.Equal("failed", (await Get(sup, center, id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_forced_logout_of_an_agent_on_a_call_waits_for_the_call_to_end()
    {
        const string center = "finesse";
        await using var link = await ScriptedSwitch.ConnectAsync(Server, center);
        await link.Send(
            ("agent.login", new { agent = "A1", seat = "S1", queues = new[] { "q1" } }),
            ("agent.ready", new { agent = "A1" }),
            ("call.queued", new { call = "C1", queue = "q1" }),
            ("call.ringing", new { call = "C1", agent = "A1" }),
            ("call.answered", new { call = "C1", agent = "A1" }));
        using var sup = await Server.SignIn("admin");
        await using var results = await CommandResultListener.ConnectAsync(Server, "admin");

        var id = await Accepted(sup, center, new { command = "agent.forceLogout", agent = "A1" });

        // Sent at once (the switch holds it), and pending while the call goes on, however long.
        Assert.Equal(id, (await link.NextCommand()).GetProperty("id").GetString());
        await link.Send(("call.held", new { call = "C1" }), ("call.retrieved", new { call = "C1" }));
        var waiting = await Get(sup, center, id);
        Assert.Equal(("pending", "waits for the end of call C1"), (waiting.GetProperty("state").GetString(), waiting.GetProperty("outcome").GetString()));

        await link.Send(("call.ended", new { call = "C1" }), ("agent.logout", new { agent = "A1", reason = "supervisor" }));

        Assert.Equal("done", (await results.FinalOf(id)).GetProperty("state").GetString());
        var done = await Get(sup, center, id);
        Assert.Equal("done", done.GetProperty("state").GetString());
        var audit = await sup.GetFromJsonAsync<JsonElement>($"/api/centers/{center}/audit");
        var entry = audit.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "agent.forceLogout");
        Assert.Equal("oncall", entry.GetProperty("before").GetString());
    }

    [Fact]
    public async Task A_monitor_command_goes_to_the_switch_with_whether_the_agent_is_told_and_is_done_once_written()
    {
        const string center = "monitored";
        await using var link = await ScriptedSwitch.ConnectAsync(Server, center);
        await link.Send(("switch.heartbeat", new { }));
        using var sup = await Server.SignIn("admin");

        var id = await Accepted(sup, center, new { command = "call.monitor", call = "C9", mode = "barge" });

        var sent = await link.NextCommand();
        Assert.Equal(("call.monitor", "C9", "barge", true), (sent.GetProperty("command").GetString(), sent.GetProperty("call").GetString(), sent.GetProperty("mode").GetString(), sent.GetProperty("announce").GetBoolean()));
        Assert.Equal("done", (await Get(sup, center, id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Without_a_switch_on_the_link_a_command_fails_at_once_and_unknown_or_absent_agents_are_refused()
    {
        const string center = "http-only";
        await FeedOverHttp(center);
        await Server.PostEvents($"{{\"id\":\"{center}-3\",\"ts\":\"{Now()}\",\"center\":\"{center}\",\"type\":\"agent.login\",\"agent\":\"A2\",\"seat\":\"S2\",\"queues\":[\"q1\"]}}\n{{\"id\":\"{center}-4\",\"ts\":\"{Now()}\",\"center\":\"{center}\",\"type\":\"agent.logout\",\"agent\":\"A2\"}}");
        using var sup = await Server.SignIn("admin");

        var noLink = await Get(sup, center, await Accepted(sup, center, new { command = "agent.forceNotReady", agent = "A1", reason = "away" }));
        Assert.Equal(("failed", "no switch is connected to the CTI link for center http-only"), (noLink.GetProperty("state").GetString(), noLink.GetProperty("outcome").GetString()));

        var unknown = await Get(sup, center, await Accepted(sup, center, new { command = "agent.forceReady", agent = "A77" }));
        Assert.Equal("refused", unknown.GetProperty("state").GetString());
        Assert.Contains("'A77' is not known", unknown.GetProperty("outcome").GetString(), StringComparison.Ordinal);

        var loggedOut = await Get(sup, center, await Accepted(sup, center, new { command = "agent.message", agent = "A2", text = "hello" }));
        Assert.Equal(("refused", "agent 'A2' is logged out"), (loggedOut.GetProperty("state").GetString(), loggedOut.GetProperty("outcome").GetString()));

        var audit = await sup.GetFromJsonAsync<JsonElement>($"/api/centers/{center}/audit");
        Assert.Equal(3, audit.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task Roles_and_centers_decide_who_may_command_and_nothing_about_another_center_leaks()
    {
        await FeedOverHttp("acme");
        using var wall = await Server.SignIn("wall-acme");
        using var sup = await Server.SignIn("sup-acme");
        using var agent = await Server.SignIn("agent-acme");
        var forceReady = new { command = "agent.forceReady", agent = "A1" };

        Assert.Equal(HttpStatusCode.Forbidden, (await Post(wall, "acme", forceReady)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(agent, "acme", forceReady)).StatusCode);

        // A center that exists and one that does not answer alike, and neither is named.
        await FeedOverHttp("beta");
        var toBeta = await Post(sup, "beta", forceReady);
        var toNowhere = await Post(sup, "nowhere", forceReady);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (toBeta.StatusCode, toNowhere.StatusCode));
        var betaText = await toBeta.Content.ReadAsStringAsync();
        Assert.Equal(betaText, await toNowhere.Content.ReadAsStringAsync());
        Assert.DoesNotContain("beta", betaText, StringComparison.Ordinal);

        // The sender reads their own command; another center's supervisor may not.
        var id = await Accepted(sup, "acme", forceReady);
        Assert.Equal(id, (await Get(sup, "acme", id)).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await sup.GetAsync($"/api/centers/beta/commands/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/centers/acme/commands/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sup.GetAsync("/api/centers/acme/commands/cmd-none")).StatusCode);
    }

    [Fact]
    public async Task Quality_staff_monitor_only_in_the_modes_the_setting_gives_them()
    {
        await FeedOverHttp("acme");
        using var qa = await Server.SignIn("qa-acme");

        await Accepted(qa, "acme", new { command = "call.monitor", call = "C1", mode = "listen" });

        foreach (var mode in new[] { "barge", "whisper" })
        {
            var refused = await Post(qa, "acme", new { command = "call.monitor", call = "C1", mode });
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var error = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
            Assert.Equal($"mode: '{mode}' is not allowed for your role (allowed: listen)", error);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await Post(qa, "acme", new { command = "agent.forceReady", agent = "A1" })).StatusCode);
    }

    [Fact]
    public async Task An_agent_asks_for_a_break_for_themselves_only()
    {
        await FeedOverHttp("acme");
        using var agent = await Server.SignIn("agent-acme");

        var refused = await Post(agent, "acme", new { command = "break.request", agent = "A1", reason = "break", minutes = 15 });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("themselves", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(agent, "acme", new { command = "break.approve", request = "cmd-x" })).StatusCode);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"command":"agent.dance","agent":"A1"}""", "command: 'agent.dance' is not a command" },
        { """{"agent":"A1"}""", "command: required" },
        { """{"command":"agent.forceReady"}""", "agent: required" },
        { """{"command":"agent.forceReady","agent":"A 1"}""", "agent: 'A 1' must match" },
        { """{"command":"agent.forceNotReady","agent":"A1"}""", "reason: required" },
        { """{"command":"agent.forceNotReady","agent":"A1","reason":"coffee break"}""", "reason: 'coffee break' must match" },
        { """{"command":"agent.setQueues","agent":"A1","queues":[]}""", "queues: required" },
        { """{"command":"agent.setQueues","agent":"A1","queues":["q1","bad id"]}""", "queues: 'bad id' is not a queue id" },
        { """{"command":"agent.setQueues","agent":"A1","queues":"q1"}""", "queues: expected an array of strings" },
        { """{"command":"agent.message","agent":"A1","text":" "}""", "text: required" },
        { """{"command":"agent.message","agent":"A1","text":"TOO_LONG"}""", "text: 501 characters, at most 500" },
        { """{"command":"call.monitor","call":"C1","mode":"spy"}""", "mode: 'spy' is not a monitor mode" },
        { """{"command":"call.monitor","mode":"listen"}""", "call: required" },
        { """{"command":"break.request","agent":"A1","reason":"break","minutes":0}""", "minutes: 0 is outside 1 to 480" },
        { """{"command":"break.request","agent":"A1","reason":"break","minutes":481}""", "minutes: 481 is outside 1 to 480" },
        { """{"command":"break.request","agent":"A1","reason":"break","minutes":"ten"}""", "minutes: expected a whole number" },
        { """{"command":"break.deny","request":"cmd-1"}""", "why: required" },
        { """{"command":"break.approve"}""", "request: required" },
        { """not json""", "body: not JSON" },
        { """[1]""", "body: expected a JSON object" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Each_invalid_command_is_refused_naming_the_field(string body, string error)
    {
        await FeedOverHttp("acme");
        using var admin = await Server.SignIn("admin");
        using var content = new StringContent(body.Replace("TOO_LONG", new string('x', 501), StringComparison.Ordinal), Encoding.UTF8, "application/json");

        var answer = await admin.PostAsync("/api/centers/acme/commands", content);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.StartsWith(error, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_for_a_center_never_seen_is_404_for_whoever_may_command_every_center()
    {
        using var admin = await Server.SignIn("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await Post(admin, "never-seen", new { command = "agent.forceReady", agent = "A1" })).StatusCode);
    }
}
