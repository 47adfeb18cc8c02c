using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FloorWatch.Server.Tests;

/// <summary>Break approval (contract section 5) with the real server: requested by the agent, approved within the quota, refused over it with the reason.</summary>
[Collection(SharedServer.Name)]
public class BreakTests(ServerFixture fixture)
{
    private static string Ts(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static async Task<string> Accepted(HttpClient client, object body)
    {
        var answer = await client.PostAsJsonAsync("/api/centers/acme/commands", body);
        Assert.True(answer.StatusCode == HttpStatusCode.Accepted, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> Command(HttpClient client, string id) => await client.GetFromJsonAsync<JsonElement>($"/api/centers/acme/commands/{id}");

    [Fact]
    public async Task A_break_within_the_quota_is_approved_and_one_over_it_is_refused_with_the_reason()
    {
        // Five agents of queue bq, logged in two hours ago and ready: 20 % of five lets one go at a time.
        var login = DateTimeOffset.UtcNow.AddHours(-2);
        var agents = new[] { "agent-acme", "BQ2", "BQ3", "BQ4", "BQ5" };
        var lines = agents.SelectMany((a, i) => new[]
        {
            $"{{\"id\":\"bq-l{i}\",\"ts\":\"{Ts(login)}\",\"center\":\"acme\",\"type\":\"agent.login\",\"agent\":\"{a}\",\"seat\":\"BS{i}\",\"queues\":[\"bq\"]}}",
            $"{{\"id\":\"bq-r{i}\",\"ts\":\"{Ts(login.AddSeconds(1))}\",\"center\":\"acme\",\"type\":\"agent.ready\",\"agent\":\"{a}\"}}",
        });
        await fixture.Server.PostEvents(string.Join('\n', lines));
        using var agent = await fixture.Server.SignIn("agent-acme");
        using var sup = await fixture.Server.SignIn("sup-acme");

        var mine = await Accepted(agent, new { command = "break.request", agent = "agent-acme", reason = "break", minutes = 15 });
        var theirs = await Accepted(sup, new { command = "break.request", agent = "BQ2", reason = "lunch", minutes = 30 });
        var pending = await sup.GetFromJsonAsync<JsonElement>("/api/centers/acme/breaks?state=pending");
        Assert.Contains(pending.GetProperty("requests").EnumerateArray(), r => r.GetProperty("id").GetString() == mine && r.GetProperty("agent").GetString() == "agent-acme");

        var approve = await Accepted(sup, new { command = "break.approve", request = mine });
        Assert.Equal("done", (await Command(sup, approve)).GetProperty("state").GetString());
        var refuse = await Accepted(sup, new { command = "break.approve", request = theirs });
        var refused = await Command(sup, refuse);
        Assert.Equal("refused", refused.GetProperty("state").GetString());
        Assert.Contains("queue bq", refused.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.Contains("quota 20%", refused.GetProperty("outcome").GetString(), StringComparison.Ordinal);

        // The agent sees their own request approved; the other's is refused with the same reason.
        var own = await agent.GetFromJsonAsync<JsonElement>("/api/centers/acme/breaks?state=all");
        Assert.Equal(["approved"], own.GetProperty("requests").EnumerateArray().Where(r => r.GetProperty("id").GetString() == mine).Select(r => r.GetProperty("state").GetString()));
        Assert.DoesNotContain(own.GetProperty("requests").EnumerateArray(), r => r.GetProperty("agent").GetString() != "agent-acme");
        var all = await sup.GetFromJsonAsync<JsonElement>("/api/centers/acme/breaks?state=all");
        var theirsNow = all.GetProperty("requests").EnumerateArray().Single(r => r.GetProperty("id").GetString() == theirs);
        Assert.Equal("refused", theirsNow.GetProperty("state").GetString());
        Assert.Equal(refused.GetProperty("outcome").GetString(), theirsNow.GetProperty("why").GetString());

        // Taking the approved break raises no unapproved leave; the audit log has both decisions.
        await fixture.Server.PostEvents($"{{\"id\":\"bq-nr\",\"ts\":\"{Ts(DateTimeOffset.UtcNow)}\",\"center\":\"acme\",\"type\":\"agent.notready\",\"agent\":\"agent-acme\",\"reason\":\"break\"}}");
        var alerts = await sup.GetFromJsonAsync<JsonElement>("/api/centers/acme/alerts?state=all");
        Assert.DoesNotContain(alerts.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("kind").GetString() == "unapproved.leave" && a.GetProperty("agent").GetString() == "agent-acme");
        var audit = await sup.GetFromJsonAsync<JsonElement>("/api/centers/acme/audit");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "break.approve" && e.GetProperty("outcome").GetString()!.StartsWith("refused", StringComparison.Ordinal));
    }
}
