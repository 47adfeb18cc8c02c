using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace FloorWatch.Server.Tests;

/// <summary>
/// A long journal is replayed after the server has started: meanwhile it answers its health
/// endpoints, and its API says how far the replay is instead of answering with figures of the past.
/// </summary>
public class ReplayAtStartTests
{
    private const int Centers = 40;

    [Fact]
    public async Task While_the_journal_is_replayed_health_answers_and_the_api_says_to_try_again()
    {
        var data = ServerProcess.NewDataPath();
        WriteJournal(data);

        // One record at a time keeps the replay of some 70,000 records going for seconds at least.
        var settings = new Dictionary<string, string> { ["FloorWatch__MaxUnappliedRecords"] = "1" };
        await using var server = await ServerProcess.StartAsync(data, settings: settings, untilReplayed: false);

        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/healthz")).StatusCode);
        var replaying = await server.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, replaying.StatusCode);
        Assert.Equal("replaying", (await replaying.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("journal").GetString());

        using var events = new HttpRequestMessage(HttpMethod.Post, "/api/cti/events") { Content = new StringContent("", Encoding.UTF8, "application/x-ndjson") };
        events.Headers.Add("X-Api-Key", ServerProcess.CtiKey);
        foreach (var answer in new[] { await server.Http.GetAsync("/api/centers"), await server.Http.SendAsync(events) })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.True(answer.Headers.RetryAfter is not null, "no Retry-After");
            Assert.StartsWith("the journal is being replayed (", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }

        await server.Replayed.WaitAsync(TimeSpan.FromMinutes(5));
        var ready = await server.Http.GetFromJsonAsync<JsonElement>("/readyz");
        Assert.Equal(("replayed", 100.0), (ready.GetProperty("journal").GetString(), ready.GetProperty("journalReadPercent").GetDouble()));
        using var admin = await server.SignIn("admin");
        await Feeds.AssertShiftFigures(admin, $"slow-{Centers - 1:00}");
        Directory.Delete(data, recursive: true);
    }

    /// <summary>The worked shift for each of many centers, as the journal holds records.</summary>
    private static void WriteJournal(string data)
    {
        Directory.CreateDirectory(data);
        var journal = new StringBuilder();
        var seq = 0;
        for (var c = 0; c < Centers; c++)
        {
            foreach (var line in Feeds.ShiftLines(string.Create(CultureInfo.InvariantCulture, $"slow-{c:00}")))
            {
                journal.Append(CultureInfo.InvariantCulture, $"{++seq}\tE\t{line}\n");
            }
        }

        File.WriteAllText(Path.Combine(data, "journal.ndjson"), journal.ToString());
    }
}
