using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FloorWatch.Server.Tests;

/// <summary>An Asterisk queue_log imported over HTTP: the worked example's figures, twice over, and clear refusals.</summary>
[Collection(SharedServer.Name)]
public class QueueLogImportTests(ServerFixture fixture)
{
    [Fact]
    public async Task The_worked_queue_log_imported_once_then_again_gives_the_expected_figures_both_times()
    {
        var server = fixture.Server;
        var log = Feeds.AsteriskLog();

        var first = await Answer(await server.PostQueueLog("?center=ql-twice&name=queue_log", log));
        var accepted = first.GetProperty("accepted").GetInt32();
        Assert.True(accepted > 1000, $"accepted {accepted}");
        Assert.Equal(0, first.GetProperty("duplicates").GetInt32());
        Assert.Empty(first.GetProperty("rejected").EnumerateArray());
        Assert.Equal(307, first.GetProperty("skipped").GetInt32());
        using var admin = await server.SignIn("admin");
        await Feeds.AssertAsteriskFigures(admin, "ql-twice");

        var second = await Answer(await server.PostQueueLog("?center=ql-twice&name=queue_log", log));
        Assert.Equal(0, second.GetProperty("accepted").GetInt32());
        Assert.Equal(accepted, second.GetProperty("duplicates").GetInt32());
        await Feeds.AssertAsteriskFigures(admin, "ql-twice");
    }

    [Fact]
    public async Task Bad_lines_are_named_by_line_and_field_and_the_lines_around_them_are_taken()
    {
        var server = fixture.Server;
        var log = string.Join('\n',
            "1794816012|MANAGER|general|SIP/1001|ADDMEMBER|",
            "17948160x5|1794816001.1|general|NONE|ENTERQUEUE||13800000001|1",
            "1794816020|1794816001.2|general|NONE|ENTERQUEUE||13800000002|1",
            "1794816021|1794816001.3|general|NONE",
            "1794816022|call id!|general|NONE|ENTERQUEUE||13800000003|1",
            "1794816026|1794816001.2|general|NONE|CONNECT|6|1794816026.9|1",
            "1794816027|1794816001.2|gen eral|NONE|ENTERQUEUE||13800000004|1",
            "1794816030|1794816001.5|general|NONE|ENTERQUEUE||13800000005|1",
            "1794816031|NONE|NONE|NONE|CONFIGRELOAD|");

        var answer = await Answer(await server.PostQueueLog("?center=ql-bad&name=queue_log", log));

        var rejected = answer.GetProperty("rejected").EnumerateArray()
            .Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("error").GetString()!)).ToList();
        Assert.Equal([2, 4, 5, 6, 7], rejected.Select(r => r.Item1));
        Assert.Contains("field 1 (epoch)", rejected[0].Item2, StringComparison.Ordinal);
        Assert.Contains("5 to 10 fields", rejected[1].Item2, StringComparison.Ordinal);
        Assert.Contains("field 2 (callid)", rejected[2].Item2, StringComparison.Ordinal);
        Assert.Contains("field 4 (agent)", rejected[3].Item2, StringComparison.Ordinal);
        Assert.Contains("field 3 (queue)", rejected[4].Item2, StringComparison.Ordinal);
        // ADDMEMBER gives a login and a ready; the two good calls are queued.
        Assert.Equal(4, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(1, answer.GetProperty("skipped").GetInt32());

        using var admin = await server.SignIn("admin");
        var snapshot = await admin.GetFromJsonAsync<JsonElement>("/api/centers/ql-bad/snapshot");
        var general = snapshot.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "general");
        Assert.Equal(2, general.GetProperty("now").GetProperty("waiting").GetInt32());
    }

    [Theory]
    [InlineData("?name=queue_log", "'center'")]
    [InlineData("?center=bad center&name=queue_log", "'center'")]
    [InlineData("?center=ql-query", "'name'")]
    [InlineData("?center=ql-query&name=../etc/passwd", "'name'")]
    public async Task A_missing_or_bad_center_or_file_name_is_refused_by_name(string query, string named)
    {
        var answer = await fixture.Server.PostQueueLog(query, "1794816012|MANAGER|general|SIP/1001|ADDMEMBER|\n");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(named, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_cti_key_nothing_is_taken()
    {
        using var content = new StringContent("1794816012|MANAGER|general|SIP/1001|ADDMEMBER|\n");

        var answer = await fixture.Server.Http.PostAsync("/api/cti/queue-log?center=ql-nokey&name=queue_log", content);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }

    [Theory]
    [InlineData("cti-acme", "acme", HttpStatusCode.OK)]
    [InlineData("cti-acme", "ql-elsewhere", HttpStatusCode.Forbidden)]
    [InlineData("wall-acme", "acme", HttpStatusCode.Forbidden)]
    public async Task A_token_imports_only_with_the_cti_role_and_into_its_own_centers(string user, string center, HttpStatusCode expected)
    {
        using var client = await fixture.Server.SignIn(user);
        // A line that changes nothing: the center's floor stays as the other tests know it.
        using var content = new StringContent("1794815892|NONE|NONE|NONE|QUEUESTART|\n");

        var answer = await client.PostAsync($"/api/cti/queue-log?center={center}&name=queue_log", content);

        Assert.Equal(expected, answer.StatusCode);
    }

    private static async Task<JsonElement> Answer(HttpResponseMessage answer)
    {
        Assert.True(answer.IsSuccessStatusCode, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }
}
