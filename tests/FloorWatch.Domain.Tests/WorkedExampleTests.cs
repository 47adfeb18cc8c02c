using System.Text;
using System.Text.Json;
using FloorWatch.Domain.Events;
using FloorWatch.Domain.Figures;

namespace FloorWatch.Domain.Tests;

/// <summary>The worked example of a two-hour shift gives exactly the expected figures, interval by interval.</summary>
public class WorkedExampleTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static string DataFile(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "global.json")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "tests", "data", name);
    }

    [Fact]
    public void Shift_2026_11_17_gives_the_expected_figures_for_every_queue_and_interval()
    {
        var floor = new TestFloor();
        var now = DateTimeOffset.Parse("2026-11-26T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var line in File.ReadLines(DataFile("shift-2026-11-17.ndjson")))
        {
            var r = CtiEventParser.Parse(Encoding.UTF8.GetBytes(line), now);
            Assert.True(r.IsValid, r.Error);
            floor.Apply(r.Event!);
        }

        using var expected = JsonDocument.Parse(File.ReadAllText(DataFile("shift-2026-11-17.expected.json")));
        var mismatches = new List<string>();
        var compared = 0;
        foreach (var queue in expected.RootElement.EnumerateObject())
        {
            foreach (var interval in queue.Value.EnumerateObject())
            {
                var start = DateTimeOffset.Parse(interval.Name, System.Globalization.CultureInfo.InvariantCulture);
                var actual = floor.Interval(queue.Name, start);
                compared++;
                mismatches.AddRange(Compare(actual, interval.Value).Select(m => $"{queue.Name} {interval.Name} {m}"));
            }
        }

        Assert.Equal(30, compared);
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    public static IEnumerable<string> Compare(WindowFigures actual, JsonElement expected)
    {
        var json = JsonSerializer.SerializeToElement(actual, Web);
        foreach (var p in expected.EnumerateObject())
        {
            if (!json.TryGetProperty(p.Name, out var a))
            {
                yield return $"{p.Name}: missing";
                continue;
            }

            if (p.Value.ValueKind == JsonValueKind.Null || a.ValueKind == JsonValueKind.Null)
            {
                if (p.Value.ValueKind != a.ValueKind)
                {
                    yield return $"{p.Name}: expected {p.Value}, got {a}";
                }

                continue;
            }

            if (Math.Abs(p.Value.GetDouble() - a.GetDouble()) > 1e-6)
            {
                yield return $"{p.Name}: expected {p.Value}, got {a}";
            }
        }
    }
}
