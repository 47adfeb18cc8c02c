using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace FloorWatch.Server.Tests;

/// <summary>Contract section 4: the hub <c>/hubs/floor</c>, with real SignalR clients against the real server.</summary>
[Collection(SharedServer.Name)]
public class PushTests(ServerFixture fixture)
{
    private ServerProcess Server => fixture.Server;

    /// <summary>Events stamped just before now but never before today's start (UTC), so they fall in today's figures whatever the time.</summary>
    private sealed class Script(string center)
    {
        // Whole milliseconds, as the events carry them; a run just after midnight starts at midnight (a few seconds ahead is accepted).
        private readonly DateTimeOffset _start = DateTimeOffset.FromUnixTimeMilliseconds(Math.Max(
            DateTimeOffset.UtcNow.AddSeconds(-120).ToUnixTimeMilliseconds(),
            new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero).ToUnixTimeMilliseconds()));
        private readonly List<string> _lines = [];
        private readonly string _run = Guid.NewGuid().ToString("N")[..8];
        private int _n;

        public int Count { get; private set; }

        public DateTimeOffset Ts(int second) => _start.AddSeconds(second);

        public Script Add(int second, string type, string fields)
        {
            var ts = Ts(second).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            _lines.Add($"{{\"id\":\"{center}-{_run}-{++_n}\",\"ts\":\"{ts}\",\"center\":\"{center}\",\"type\":\"{type}\",{fields}}}");
            return this;
        }

        public async Task Post(ServerProcess server)
        {
            var reply = await server.PostEvents(string.Join('\n', _lines));
            Assert.Equal(_lines.Count, reply.GetProperty("accepted").GetInt32());
            Count += _lines.Count;
            _lines.Clear();
        }
    }

    private static Script Login(string center, params string[] agents)
    {
        var script = new Script(center);
        var t = 0;
        foreach (var a in agents)
        {
            script.Add(t++, "agent.login", $"\"agent\":\"{a}\",\"seat\":\"S-{a}\",\"queues\":[\"billing\",\"sales\"],\"name\":\"{a} name\"")
                  .Add(t++, "agent.ready", $"\"agent\":\"{a}\"");
        }

        return script;
    }

    [Fact]
    public async Task Join_sends_a_snapshot_then_deltas_in_order_that_end_equal_to_the_snapshot_api()
    {
        const string center = "hub-live";
        var script = Login(center, "A1", "A2", "A3");
        await script.Post(Server);
        await using var viewer = await HubViewer.ConnectAsync(Server, await Server.Token("admin"));

        var snapshot = await viewer.JoinAsync(center);

        Assert.Equal(center, snapshot["center"]!.GetValue<string>());
        Assert.Equal(3, viewer.Agents.Count);
        Assert.All(viewer.Agents.Values, a => Assert.Equal("available", a["state"]!.GetValue<string>()));

        script.Add(10, "call.queued", "\"call\":\"C1\",\"queue\":\"billing\",\"vip\":true")
              .Add(11, "call.ringing", "\"call\":\"C1\",\"agent\":\"A1\"")
              .Add(14, "call.answered", "\"call\":\"C1\",\"agent\":\"A1\"")
              .Add(20, "call.queued", "\"call\":\"C2\",\"queue\":\"sales\"")
              .Add(25, "call.queued", "\"call\":\"C3\",\"queue\":\"sales\"")
              .Add(40, "call.abandoned", "\"call\":\"C3\"")
              .Add(50, "agent.notready", "\"agent\":\"A3\",\"reason\":\"away\"");
        await script.Post(Server);
        await viewer.UntilAsync(v => v.EventsApplied == script.Count);

        Assert.NotEmpty(viewer.Applied);
        using var api = await Server.SignIn("admin");
        var expected = JsonNode.Parse(await api.GetStringAsync($"/api/centers/{center}/snapshot"))!.AsObject();
        Assert.Equal(viewer.Seq, expected["seq"]!.GetValue<long>());
        AssertSameFloor(expected, viewer);
        Assert.Equal("oncall", viewer.Agents["A1"]["state"]!.GetValue<string>());
        Assert.Equal("away", viewer.Agents["A3"]["reason"]!.GetValue<string>());
        Assert.Equal(["C1", "C2"], viewer.Calls.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_delta_names_the_time_range_of_the_events_folded_into_it_and_the_calls_that_ended()
    {
        const string center = "hub-range";
        var script = Login(center, "B1");
        await script.Post(Server);
        await using var viewer = await HubViewer.ConnectAsync(Server, await Server.Token("admin"));
        await viewer.JoinAsync(center);

        script.Add(30, "call.queued", "\"call\":\"D1\",\"queue\":\"billing\"");
        await script.Post(Server);
        await viewer.UntilAsync(v => v.EventsApplied == script.Count);
        var queued = viewer.Applied.Single(d => d["newestEventTs"] is not null);
        Assert.Equal(script.Ts(30), queued["oldestEventTs"]!.GetValue<DateTimeOffset>());
        Assert.Equal(script.Ts(30), queued["newestEventTs"]!.GetValue<DateTimeOffset>());
        Assert.Equal("billing", viewer.Calls["D1"]["queue"]!.GetValue<string>());
        Assert.Equal(script.Ts(30), viewer.Calls["D1"]["since"]!.GetValue<DateTimeOffset>());
        Assert.Equal(1, viewer.Queues["billing"]["now"]!["waiting"]!.GetValue<int>());

        script.Add(31, "call.abandoned", "\"call\":\"D1\"");
        await script.Post(Server);
        await viewer.UntilAsync(v => v.EventsApplied == script.Count);

        Assert.Contains(viewer.Applied, d => d["endedCalls"]!.AsArray().Any(c => c!.GetValue<string>() == "D1"));
        Assert.Empty(viewer.Calls);
        Assert.Equal(0, viewer.Queues["billing"]["now"]!["waiting"]!.GetValue<int>());
        Assert.Equal(1, viewer.Queues["billing"]["today"]!["abandoned"]!.GetValue<long>());
    }

    [Fact]
    public async Task Every_viewer_of_a_center_gets_the_same_deltas()
    {
        const string center = "hub-two";
        var script = Login(center, "E1", "E2");
        await script.Post(Server);
        var token = await Server.Token("admin");
        await using var first = await HubViewer.ConnectAsync(Server, token);
        await using var second = await HubViewer.ConnectAsync(Server, token);
        await first.JoinAsync(center);
        await second.JoinAsync(center);

        script.Add(40, "agent.notready", "\"agent\":\"E1\",\"reason\":\"lunch\"")
              .Add(41, "call.queued", "\"call\":\"F1\",\"queue\":\"sales\"");
        await script.Post(Server);
        await first.UntilAsync(v => v.EventsApplied == script.Count);
        await second.UntilAsync(v => v.Seq >= first.Seq);

        Assert.Equal(first.Seq, second.Seq);
        var last = first.Applied[^1];
        var same = second.Applied.Single(d => d["seq"]!.GetValue<long>() == first.Seq);
        Assert.Equal(last["agents"]!.ToJsonString(), same["agents"]!.ToJsonString());
        Assert.Equal(last["queues"]!.ToJsonString(), same["queues"]!.ToJsonString());
        Assert.Equal("lunch", second.Agents["E1"]["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_viewer_of_changes_holds_after_every_delta_the_rows_a_viewer_of_whole_rows_gets()
    {
        const string center = "hub-changes";
        var script = Login(center, "G1", "G2", "G3");
        await script.Post(Server);
        var token = await Server.Token("admin");
        await using var whole = await HubViewer.ConnectAsync(Server, token);
        await using var changes = await HubViewer.ConnectAsync(Server, token, rows: "changes");
        await whole.JoinAsync(center);
        await changes.JoinAsync(center);

        var second = 10;
        for (var round = 0; round < 3; round++)
        {
            var call = $"H{round}";
            script.Add(second++, "call.queued", $"\"call\":\"{call}\",\"queue\":\"billing\"")
                  .Add(second++, "call.ringing", $"\"call\":\"{call}\",\"agent\":\"G1\"")
                  .Add(second++, "call.answered", $"\"call\":\"{call}\",\"agent\":\"G1\"")
                  .Add(second++, "agent.notready", $"\"agent\":\"G{2 + (round % 2)}\",\"reason\":\"away\"")
                  .Add(second += 20, "call.ended", $"\"call\":\"{call}\"")
                  .Add(second++, "agent.ready", $"\"agent\":\"G{2 + (round % 2)}\"")
                  .Add(second += 5, "agent.ready", "\"agent\":\"G1\"");
            await script.Post(Server);
            await whole.UntilAsync(v => v.EventsApplied == script.Count);
            await changes.UntilAsync(v => v.Seq >= whole.Seq);
        }

        var both = whole.RowsAfter.Keys.Where(changes.RowsAfter.ContainsKey).ToList();
        Assert.Contains(both, k => k.Kind == "agent");
        Assert.Contains(both, k => k.Kind == "queue");
        Assert.All(both, k => Assert.Equal(whole.RowsAfter[k], changes.RowsAfter[k]));

        // The rows of changes were smaller: an agent's name and seat went with its first row only.
        var named = changes.Applied.SelectMany(d => d["agents"]!.AsArray()).Count(a => a!["name"] is not null);
        var rows = changes.Applied.Sum(d => d["agents"]!.AsArray().Count);
        Assert.True(named < rows, $"{named} of {rows} rows of changes carried the agent's name");
        Assert.True(changes.Applied.Sum(d => d.ToJsonString().Length) < whole.Applied.Sum(d => d.ToJsonString().Length));
    }

    [Fact]
    public async Task A_hub_address_asking_for_rows_of_an_unknown_kind_is_refused_with_what_to_ask_instead()
    {
        await using var viewer = await HubViewer.ConnectAsync(Server, await Server.Token("admin"), rows: "diff");

        var error = await Assert.ThrowsAsync<HubException>(() => viewer.JoinAsync("hub-live"));
        Assert.Contains("rows: 'diff' is not known; use rows=changes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_join_outside_the_users_centers_or_roles_is_refused_and_says_nothing_of_the_center()
    {
        var script = new Script("hub-secret").Add(0, "call.queued", "\"call\":\"S1\",\"queue\":\"secret-queue\"");
        await script.Post(Server);

        await using var wallboard = await HubViewer.ConnectAsync(Server, await Server.Token("wall-acme"));
        var refused = await Assert.ThrowsAsync<HubException>(() => wallboard.JoinAsync("hub-secret"));
        Assert.Contains("forbidden", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-queue", refused.Message, StringComparison.Ordinal);

        await using var cti = await HubViewer.ConnectAsync(Server, await Server.Token("cti-acme"));
        Assert.Contains("forbidden", (await Assert.ThrowsAsync<HubException>(() => cti.JoinAsync("acme"))).Message, StringComparison.Ordinal);

        await using var agent = await HubViewer.ConnectAsync(Server, await Server.Token("agent-acme"));
        Assert.Contains("forbidden", (await Assert.ThrowsAsync<HubException>(() => agent.JoinAsync("acme"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_valid_token_the_hub_does_not_connect()
    {
        var none = await Assert.ThrowsAsync<HttpRequestException>(() => HubViewer.ConnectAsync(Server, null));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, none.StatusCode);
        var forged = await Assert.ThrowsAsync<HttpRequestException>(() => HubViewer.ConnectAsync(Server, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9."));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task A_wallboard_of_its_own_center_joins()
    {
        var script = new Script("acme").Add(0, "call.queued", "\"call\":\"hub-acme-1\",\"queue\":\"hub-acme-q\"");
        await script.Post(Server);
        await using var wallboard = await HubViewer.ConnectAsync(Server, await Server.Token("wall-acme"));

        var snapshot = await wallboard.JoinAsync("acme");

        Assert.Contains("hub-acme-q", wallboard.Queues.Keys);
        Assert.Equal(JsonValueKind.Number, JsonSerializer.SerializeToElement(snapshot["seq"]).ValueKind);
    }

    [Fact]
    public async Task A_wallboard_gets_queues_and_totals_and_a_supervisor_gets_agents_and_calls_too()
    {
        var script = Login("acme", "hub-acme-wall-agent");
        await script.Post(Server);
        await using var wallboard = await HubViewer.ConnectAsync(Server, await Server.Token("wall-acme"));
        await using var supervisor = await HubViewer.ConnectAsync(Server, await Server.Token("sup-acme"));
        await wallboard.JoinAsync("acme");
        await supervisor.JoinAsync("acme");

        script.Add(60, "call.queued", "\"call\":\"hub-acme-wall-call\",\"queue\":\"billing\"")
              .Add(61, "agent.notready", "\"agent\":\"hub-acme-wall-agent\",\"reason\":\"break\"");
        await script.Post(Server);
        await supervisor.UntilAsync(v => v.Agents.TryGetValue("hub-acme-wall-agent", out var a) && a["reason"]?.GetValue<string>() == "break" && v.Calls.ContainsKey("hub-acme-wall-call"));
        await wallboard.UntilAsync(v => v.Seq >= supervisor.Seq);

        Assert.Contains(supervisor.Applied, d => d["agents"]!.AsArray().Count > 0);
        Assert.All(wallboard.Applied, d => Assert.Empty(d["agents"]!.AsArray()));
        Assert.All(wallboard.Applied, d => Assert.Empty(d["calls"]!.AsArray()));
        Assert.True(JsonNode.DeepEquals(supervisor.Queues["billing"]["now"]!["waiting"], wallboard.Queues["billing"]["now"]!["waiting"]));
    }

    [Fact]
    public async Task Joining_an_unknown_center_is_refused_with_its_name()
    {
        await using var viewer = await HubViewer.ConnectAsync(Server, await Server.Token("admin"));
        var refused = await Assert.ThrowsAsync<HubException>(() => viewer.JoinAsync("hub-never-seen"));
        Assert.Contains("hub-never-seen", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>The figures that do not move with the clock alone must be equal; the others were taken at another instant.</summary>
    private static void AssertSameFloor(JsonObject expected, HubViewer viewer)
    {
        var queues = expected["queues"]!.AsArray().Select(q => q!.AsObject()).ToList();
        Assert.Equal(queues.Select(q => q["id"]!.GetValue<string>()).Order(StringComparer.Ordinal), viewer.Queues.Keys.Order(StringComparer.Ordinal));
        foreach (var q in queues.Append(expected["totals"]!.AsObject()))
        {
            var id = q["id"]!.GetValue<string>();
            var mine = id == expected["center"]!.GetValue<string>() ? viewer.Totals! : viewer.Queues[id];
            foreach (var field in new[] { "waiting", "staffed", "available", "ringing", "onCall", "wrapUp", "notReady", "oldestWaitingSince" })
            {
                Assert.True(JsonNode.DeepEquals(q["now"]![field], mine["now"]![field]), $"{id}.now.{field}: {q["now"]![field]} vs {mine["now"]![field]}");
            }

            foreach (var window in new[] { "interval", "today" })
            {
                foreach (var field in new[] { "offered", "answered", "abandoned", "answeredWithinThreshold", "serviceLevel", "asaSeconds" })
                {
                    Assert.True(JsonNode.DeepEquals(q[window]![field], mine[window]![field]), $"{id}.{window}.{field}: {q[window]![field]} vs {mine[window]![field]}");
                }
            }
        }

        var agents = expected["agents"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal(agents.Count, viewer.Agents.Count);
        foreach (var a in agents)
        {
            var mine = viewer.Agents[a["id"]!.GetValue<string>()];
            foreach (var field in new[] { "name", "state", "reason", "since", "seat", "queues", "call", "queue", "held", "vip", "handled" })
            {
                Assert.True(JsonNode.DeepEquals(a[field], mine[field]), $"agent {a["id"]}.{field}: {a[field]} vs {mine[field]}");
            }
        }

        var calls = expected["calls"]!.AsArray().Select(c => c!.AsObject()).ToDictionary(c => c["call"]!.GetValue<string>());
        Assert.Equal(calls.Keys.Order(StringComparer.Ordinal), viewer.Calls.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, c) in calls)
        {
            foreach (var field in new[] { "queue", "position", "agent", "held", "vip", "tags", "since" })
            {
                Assert.True(JsonNode.DeepEquals(c[field], viewer.Calls[id][field]), $"call {id}.{field}: {c[field]} vs {viewer.Calls[id][field]}");
            }
        }
    }
}
