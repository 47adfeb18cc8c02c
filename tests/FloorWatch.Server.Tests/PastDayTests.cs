namespace FloorWatch.Server.Tests;

/// <summary>
/// A past business day leaves memory for the interval archive in the data folder, and its intervals
/// read through the API stay what they were, before and after a restart (which writes the archive
/// again from the journal).
/// </summary>
public class PastDayTests
{
    private const string Center = "pastday";

    private static async Task<string> DayRead(HttpClient client)
    {
        var read = new List<string> { await client.GetStringAsync($"/api/centers/{Center}/intervals?date=2026-11-17") };
        foreach (var queue in new[] { "billing", "general", "vip" })
        {
            read.Add(await client.GetStringAsync($"/api/centers/{Center}/intervals?date=2026-11-17&queue={queue}"));
        }

        foreach (var agent in new[] { "A01", "A07", "A12" })
        {
            read.Add(await client.GetStringAsync($"/api/centers/{Center}/agents/{agent}/intervals?date=2026-11-17"));
        }

        return string.Join('\n', read);
    }

    [Fact]
    public async Task A_past_day_moved_to_the_archive_reads_the_same_and_again_after_a_restart()
    {
        var data = ServerProcess.NewDataPath();
        var archived = Path.Combine(data, "intervals", Center, "2026-11-17.center.ndjson");
        string fromMemory;
        await using (var first = await ServerProcess.StartAsync(data))
        {
            await first.PostEvents(string.Join('\n', Feeds.ShiftLines(Center)));
            using var admin = await first.SignIn("admin");
            fromMemory = await DayRead(admin);
            Assert.False(File.Exists(archived));

            await first.PostEvents($$"""{"id":"next-day","ts":"2026-11-18T01:30:00Z","center":"{{Center}}","type":"agent.login","agent":"A01","seat":"S-A01","queues":["general"]}""");

            Assert.Equal(fromMemory, await DayRead(admin));
            Assert.True(File.Exists(archived));
            Assert.Contains("intervals moved from memory to the archive, agents' before 2026-11-18 00:00:00Z, queues' before 2026-11-18 00:00:00Z", first.Output, StringComparison.Ordinal);
        }

        await using var second = await ServerProcess.StartAsync(data);
        using var again = await second.SignIn("admin");
        Assert.Equal(fromMemory, await DayRead(again));
        await Feeds.AssertShiftFigures(again, Center);
        Assert.True(File.Exists(archived));
        Directory.Delete(data, recursive: true);
    }
}
