using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace FloorWatch.Server.Tests;

/// <summary>Contract section 6: roles and center scopes, on every door (read API, settings, ingest, sign-in, staffing).</summary>
[Collection(SharedServer.Name)]
public class AccessTests(ServerFixture fixture)
{
    private static string Queued(string center, string id, string time, string queue = "q") =>
        $"{{\"id\":\"{id}\",\"ts\":\"2026-11-21T{time}Z\",\"center\":\"{center}\",\"type\":\"call.queued\",\"call\":\"{id}\",\"queue\":\"{queue}\"}}";

    /// <summary>Feeds a center with the key so that it exists.</summary>
    private async Task Feed(string center, string id, string queue = "q")
    {
        var reply = await fixture.Server.PostEvents(Queued(center, id, "09:00:00", queue));
        Assert.Equal(1, reply.GetProperty("accepted").GetInt32() + reply.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task Without_a_token_the_snapshot_is_401()
    {
        await Feed("access-anon", "an-1");

        var answer = await fixture.Server.Http.GetAsync("/api/centers/access-anon/snapshot");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.DoesNotContain("access-anon", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/api/centers/access-anon/snapshot");
        forged.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.");
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Server.Http.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_401()
    {
        var wrongPassword = await fixture.Server.Http.PostAsJsonAsync("/api/auth/token", new { user = "admin", password = "not-the-password" });
        var unknownUser = await fixture.Server.Http.PostAsJsonAsync("/api/auth/token", new { user = "nobody-here", password = "admin-pw" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        var body = await wrongPassword.Content.ReadAsStringAsync();
        Assert.Equal(body, await unknownUser.Content.ReadAsStringAsync());
        Assert.DoesNotContain("token", body, StringComparison.Ordinal);
        Assert.DoesNotContain("password", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wallboard_reads_its_own_center_and_nothing_of_another()
    {
        await Feed("acme", "acc-wall-1", "acc-wall-q");
        const string other = "access-other-wall";
        await Feed(other, "ow-1", "secret-queue-name");
        using var wall = await fixture.Server.SignIn("wall-acme");

        var own = await wall.GetAsync("/api/centers/acme/snapshot");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var snapshot = await own.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("acme", snapshot.GetProperty("center").GetString());
        Assert.Contains(snapshot.GetProperty("queues").EnumerateArray(), q => q.GetProperty("id").GetString() == "acc-wall-q");

        foreach (var path in new[] { $"/api/centers/{other}/snapshot", $"/api/centers/{other}/intervals?date=2026-11-21", $"/api/centers/{other}/settings", $"/api/centers/{other}/alerts" })
        {
            var refused = await wall.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.DoesNotContain(other, body, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-queue-name", body, StringComparison.Ordinal);
            Assert.DoesNotContain("offered", body, StringComparison.Ordinal);
        }

        // A center that does not exist is refused the same way: the answer does not tell which exist.
        var unknown = await wall.GetAsync("/api/centers/access-never-fed/snapshot");
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_changes_settings()
    {
        await Feed("acme", "acc-set-1");
        var body = new { queues = new Dictionary<string, object> { ["q"] = new { slThresholdSeconds = 7 } } };
        foreach (var user in new[] { "wall-acme", "sup-acme", "agent-acme", "cti-acme" })
        {
            using var client = await fixture.Server.SignIn(user);
            var answer = await client.PutAsJsonAsync("/api/centers/acme/settings", body);
            Assert.True(answer.StatusCode == HttpStatusCode.Forbidden, $"{user}: {answer.StatusCode}");
        }

        using var admin = await fixture.Server.SignIn("admin");
        var settings = await admin.GetFromJsonAsync<JsonElement>("/api/centers/acme/settings");
        var queues = settings.GetProperty("queues");
        Assert.False(queues.TryGetProperty("q", out var q) && q.GetProperty("slThresholdSeconds").GetDouble() == 7, "a refused change was applied");
    }

    [Fact]
    public async Task An_agent_does_not_read_the_floor_snapshot()
    {
        await Feed("acme", "acc-agent-1");
        using var agent = await fixture.Server.SignIn("agent-acme");

        var answer = await agent.GetAsync("/api/centers/acme/snapshot");

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.DoesNotContain("queues", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_lists_their_own_centers_without_the_floor_figures()
    {
        await Feed("acme", "acc-agent-list-1");
        await Feed("access-agent-other", "acc-agent-list-2");
        using var agent = await fixture.Server.SignIn("agent-acme");

        // The agent page of a user scoped to every center picks the center from this list.
        var answer = await agent.GetFromJsonAsync<JsonElement>("/api/centers");

        var center = Assert.Single(answer.GetProperty("centers").EnumerateArray());
        Assert.Equal("acme", center.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, center.GetProperty("headline").ValueKind);
    }

    [Fact]
    public async Task A_cti_user_feeds_its_own_center_only()
    {
        const string other = "access-cti-other";
        using var cti = await fixture.Server.SignIn("cti-acme");
        var body = string.Join('\n', Queued("acme", "acc-cti-1", "09:00:00"), Queued(other, "acc-cti-2", "09:00:00"), Queued("acme", "acc-cti-3", "09:01:00"));
        using var content = new StringContent(body, Encoding.UTF8, "application/x-ndjson");

        var answer = await cti.PostAsync("/api/cti/events", content);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var reply = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, reply.GetProperty("accepted").GetInt32());
        var rejected = Assert.Single(reply.GetProperty("rejected").EnumerateArray());
        Assert.Equal(2, rejected.GetProperty("line").GetInt64());
        Assert.Contains("'center'", rejected.GetProperty("error").GetString(), StringComparison.Ordinal);

        // The refused event left no trace: the center was never created.
        using var admin = await fixture.Server.SignIn("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/centers/{other}/snapshot")).StatusCode);

        // A reader's token is not a feeder's.
        using var wall = await fixture.Server.SignIn("wall-acme");
        using var again = new StringContent(Queued("acme", "acc-cti-4", "09:02:00"), Encoding.UTF8, "application/x-ndjson");
        Assert.Equal(HttpStatusCode.Forbidden, (await wall.PostAsync("/api/cti/events", again)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_api_key_is_401_and_nothing_is_taken()
    {
        const string c = "access-badkey";
        using var content = new StringContent(Queued(c, "bk-1", "09:00:00"), Encoding.UTF8, "application/x-ndjson");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cti/events") { Content = content };
        request.Headers.Add("X-Api-Key", ServerProcess.CtiKey + "-not");

        var answer = await fixture.Server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        using var admin = await fixture.Server.SignIn("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/centers/{c}/snapshot")).StatusCode);
    }

    [Fact]
    public async Task The_center_list_of_a_scoped_user_holds_only_its_centers()
    {
        await Feed("acme", "acc-list-1");
        await Feed("access-list-other", "lo-1");
        using var wall = await fixture.Server.SignIn("wall-acme");
        using var admin = await fixture.Server.SignIn("admin");

        var mine = await wall.GetFromJsonAsync<JsonElement>("/api/centers");
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/centers");

        Assert.Equal(["acme"], mine.GetProperty("centers").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Contains(all.GetProperty("centers").EnumerateArray(), c => c.GetProperty("id").GetString() == "access-list-other");
    }

    [Theory]
    [InlineData(300, 14)]
    [InlineData(100, 7)]
    [InlineData(200, 10)]
    [InlineData(400, 17)]
    public async Task Erlang_c_gives_the_agents_needed(int callsPerHour, int agents)
    {
        using var wall = await fixture.Server.SignIn("wall-acme");

        var answer = await wall.GetFromJsonAsync<JsonElement>($"/api/staffing/erlangc?callsPerHour={callsPerHour}&ahtSeconds=100&thresholdSeconds=10&target=0.95");

        Assert.Equal(agents, answer.GetProperty("agents").GetInt32());
        Assert.InRange(answer.GetProperty("serviceLevel").GetDouble(), 0.95, 1.0);
    }

    [Fact]
    public async Task Erlang_c_without_calls_per_hour_is_400_naming_it()
    {
        using var wall = await fixture.Server.SignIn("wall-acme");

        var answer = await wall.GetAsync("/api/staffing/erlangc?ahtSeconds=100&thresholdSeconds=10&target=0.95");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("callsPerHour", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
