using System.Net.Http.Json;
using System.Text.Json;
using FloorWatch.Tests.Support;

namespace FloorWatch.Server.Tests;

/// <summary>The worked example as a feed for any center, and the check of its expected figures through the API.</summary>
public static class Feeds
{
    public static string[] ShiftLines(string center) =>
        File.ReadLines(ExpectedFigures.DataFile("shift-2026-11-17.ndjson"))
            .Select(l => l.Replace("\"center\": \"demo\"", $"\"center\": \"{center}\"", StringComparison.Ordinal))
            .ToArray();

    public static Task AssertShiftFigures(HttpClient client, string center) =>
        AssertFigures(client, center, "shift-2026-11-17.expected.json", "2026-11-17", 30);

    /// <summary>The worked Asterisk queue_log, as text.</summary>
    public static string AsteriskLog() => File.ReadAllText(ExpectedFigures.DataFile("asterisk-2026-11-16.queue_log"));

    public static Task AssertAsteriskFigures(HttpClient client, string center) =>
        AssertFigures(client, center, "asterisk-2026-11-16.expected.json", "2026-11-16", 27);

    private static async Task AssertFigures(HttpClient client, string center, string expectedFile, string date, int intervals)
    {
        var mismatches = new List<string>();
        var expected = ExpectedFigures.Load(expectedFile).ToList();
        foreach (var group in expected.GroupBy(x => x.Queue))
        {
            var json = await client.GetFromJsonAsync<JsonElement>($"/api/centers/{center}/intervals?date={date}&queue={group.Key}");
            var rows = json.GetProperty("intervals").EnumerateArray().ToList();
            Assert.Equal(96, rows.Count);
            foreach (var (queue, start, figures) in group)
            {
                var row = rows.Single(r => r.GetProperty("start").GetDateTimeOffset() == start);
                mismatches.AddRange(ExpectedFigures.Compare(row, figures).Select(m => $"{queue} {start:HH:mm} {m}"));
            }
        }

        Assert.Equal(intervals, expected.Count);
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }
}
