using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace FloorWatch.Server.Tests;

/// <summary>Center settings: validated naming the field, audited, and in force for events from the change on only.</summary>
[Collection(SharedServer.Name)]
public class SettingsTests(ServerFixture fixture)
{
    private const string Date = "2026-11-23";

    private static string Ev(string center, string id, string time, string type, string extra = "") =>
        $"{{\"id\":\"{id}\",\"ts\":\"{Date}T{time}Z\",\"center\":\"{center}\",\"type\":\"{type}\"{extra}}}";

    private static async Task<HttpResponseMessage> Put(HttpClient client, string center, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PutAsync($"/api/centers/{center}/settings", content);
    }

    private static async Task<List<string>> Errors(HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        var errors = body.TryGetProperty("errors", out var list) ? list.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
        errors.Add(body.GetProperty("error").GetString()!);
        return errors;
    }

    private async Task Feed(string center, params string[] lines)
    {
        var reply = await fixture.Server.PostEvents(string.Join('\n', lines));
        Assert.Equal(lines.Length, reply.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task An_sl_target_above_1_is_refused_naming_the_queue_field_and_nothing_changes()
    {
        const string c = "settings-target";
        await Feed(c, Ev(c, "t-1", "09:00:00", "call.queued", ",\"call\":\"t-1\",\"queue\":\"sales\""));
        using var admin = await fixture.Server.SignIn("admin");

        var errors = await Errors(await Put(admin, c, "{\"queues\":{\"sales\":{\"slTarget\":1.5}}}"));

        Assert.Contains(errors, e => e.StartsWith("queues.sales.slTarget", StringComparison.Ordinal));
        var settings = await admin.GetFromJsonAsync<JsonElement>($"/api/centers/{c}/settings");
        Assert.False(settings.GetProperty("queues").TryGetProperty("sales", out _));
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/centers/{c}/audit");
        Assert.Empty(audit.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused_naming_timeZone()
    {
        const string c = "settings-zone";
        await Feed(c, Ev(c, "z-1", "09:00:00", "switch.heartbeat"));
        using var admin = await fixture.Server.SignIn("admin");

        var errors = await Errors(await Put(admin, c, "{\"timeZone\":\"Mars/Olympus_Mons\"}"));

        Assert.Contains(errors, e => e.StartsWith("timeZone", StringComparison.Ordinal));
        var settings = await admin.GetFromJsonAsync<JsonElement>($"/api/centers/{c}/settings");
        Assert.Equal("UTC", settings.GetProperty("timeZone").GetString());
    }

    [Theory]
    [InlineData(1, "{\"timeZone\":5}", "timeZone")]
    [InlineData(2, "{\"queues\":{\"sales\":{\"slThresholdSeconds\":\"ten\"}}}", "queues.sales.slThresholdSeconds")]
    [InlineData(3, "{\"queues\":{\"sales\":{\"slFormula\":\"fastest\"}}}", "queues.sales.slFormula")]
    [InlineData(4, "{\"queues\":[1,2]}", "queues")]
    [InlineData(5, "{\"queues\":{\"sales\":null}}", "queues.sales")]
    [InlineData(6, "{\"queues\":{\"sales\":{\"slFormula\":3}}}", "queues.sales.slFormula")]
    [InlineData(7, "{\"rules\":{\"notReadyMaxSeconds\":null}}", "rules.notReadyMaxSeconds")]
    [InlineData(8, "{\"rules\":{\"approvalRequired\":null}}", "rules.approvalRequired")]
    [InlineData(9, "{\"rules\":{\"approvalRequired\":[\"break\",null]}}", "rules.approvalRequired")]
    public async Task A_wrong_json_type_is_400_naming_the_field(int n, string body, string field)
    {
        var c = "settings-types-" + n;
        using var admin = await fixture.Server.SignIn("admin");

        var errors = await Errors(await Put(admin, c, body));

        Assert.Contains(errors, e => e.Contains($"'{field}'", StringComparison.Ordinal) || e.StartsWith(field + ":", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/centers/{c}/settings")).StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400()
    {
        const string c = "settings-notjson";
        using var admin = await fixture.Server.SignIn("admin");

        Assert.Equal(HttpStatusCode.BadRequest, (await Put(admin, c, "{\"queues\":")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Put(admin, c, "null")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Put(admin, c, "")).StatusCode);
    }

    [Fact]
    public async Task A_valid_change_is_answered_read_back_and_audited()
    {
        const string c = "settings-valid";
        await Feed(c, Ev(c, "v-1", "09:00:00", "call.queued", ",\"call\":\"v-1\",\"queue\":\"sales\""));
        using var admin = await fixture.Server.SignIn("admin");

        var answer = await Put(admin, c, "{\"queues\":{\"sales\":{\"slThresholdSeconds\":10}}}");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var settings = await admin.GetFromJsonAsync<JsonElement>($"/api/centers/{c}/settings");
        Assert.Equal(10, settings.GetProperty("queues").GetProperty("sales").GetProperty("slThresholdSeconds").GetDouble());
        var snapshot = await admin.GetFromJsonAsync<JsonElement>($"/api/centers/{c}/snapshot");
        var sales = snapshot.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "sales");
        Assert.Equal(10, sales.GetProperty("settings").GetProperty("slThresholdSeconds").GetDouble());

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/centers/{c}/audit");
        var entry = Assert.Single(audit.GetProperty("entries").EnumerateArray());
        Assert.Equal("settings.update", entry.GetProperty("action").GetString());
        Assert.Equal("admin", entry.GetProperty("user").GetString());
        Assert.Equal(c, entry.GetProperty("center").GetString());
        Assert.Equal("done", entry.GetProperty("outcome").GetString());
        Assert.Equal(10, entry.GetProperty("after").GetProperty("queues").GetProperty("sales").GetProperty("slThresholdSeconds").GetDouble());
    }

    [Fact]
    public async Task A_new_threshold_holds_for_events_from_the_change_on_only()
    {
        const string c = "settings-from-now";
        await Feed(c,
            Ev(c, "n-1", "09:00:00", "agent.login", ",\"agent\":\"A1\",\"seat\":\"S1\",\"queues\":[\"sales\"]"),
            Ev(c, "n-2", "09:00:01", "agent.ready", ",\"agent\":\"A1\""),
            Ev(c, "n-3", "09:01:00", "call.queued", ",\"call\":\"c1\",\"queue\":\"sales\""),
            Ev(c, "n-4", "09:01:15", "call.answered", ",\"call\":\"c1\",\"agent\":\"A1\""),
            Ev(c, "n-5", "09:02:00", "call.ended", ",\"call\":\"c1\""),
            Ev(c, "n-6", "09:02:05", "agent.ready", ",\"agent\":\"A1\""));
        using var admin = await fixture.Server.SignIn("admin");
        var before = await Nine(admin, c);
        Assert.Equal(1, before.GetProperty("answered").GetInt32());
        Assert.Equal(1, before.GetProperty("answeredWithinThreshold").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await Put(admin, c, "{\"queues\":{\"sales\":{\"slThresholdSeconds\":10}}}")).StatusCode);
        Assert.Equal(1, (await Nine(admin, c)).GetProperty("answeredWithinThreshold").GetInt32());

        await Feed(c,
            Ev(c, "n-7", "09:03:00", "call.queued", ",\"call\":\"c2\",\"queue\":\"sales\""),
            Ev(c, "n-8", "09:03:15", "call.answered", ",\"call\":\"c2\",\"agent\":\"A1\""),
            Ev(c, "n-9", "09:04:00", "call.ended", ",\"call\":\"c2\""));

        var after = await Nine(admin, c);
        Assert.Equal(2, after.GetProperty("offered").GetInt32());
        Assert.Equal(2, after.GetProperty("answered").GetInt32());
        Assert.Equal(1, after.GetProperty("answeredWithinThreshold").GetInt32());
        Assert.Equal(0.5, after.GetProperty("serviceLevel").GetDouble(), 6);
    }

    private static async Task<JsonElement> Nine(HttpClient admin, string center)
    {
        var rows = await admin.GetFromJsonAsync<JsonElement>($"/api/centers/{center}/intervals?date={Date}&queue=sales");
        return rows.GetProperty("intervals").EnumerateArray().Single(r => r.GetProperty("start").GetDateTimeOffset() == new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    }
}
