using System.Globalization;
using System.Text.Json;

namespace FloorWatch.Tests.Support;

/// <summary>The worked examples in tests/data and how their expected figures are compared (counts exact, the rest to 1e-6).</summary>
public static class ExpectedFigures
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "global.json")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root (global.json) not found above " + AppContext.BaseDirectory);
    }

    public static string DataFile(string name) => Path.Combine(RepositoryRoot(), "tests", "data", name);

    /// <summary>Every (queue, interval start, expected figures) of an expected-figures file.</summary>
    public static IEnumerable<(string Queue, DateTimeOffset Start, JsonElement Figures)> Load(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(DataFile(file)));
        var rows = new List<(string, DateTimeOffset, JsonElement)>();
        foreach (var queue in doc.RootElement.EnumerateObject())
        {
            foreach (var interval in queue.Value.EnumerateObject())
            {
                rows.Add((queue.Name, DateTimeOffset.Parse(interval.Name, CultureInfo.InvariantCulture), interval.Value.Clone()));
            }
        }

        return rows;
    }

    /// <summary>Mismatches between an actual figures object (any shape with the contract's camelCase names) and the expected one.</summary>
    public static IEnumerable<string> Compare(object actual, JsonElement expected) =>
        Compare(actual is JsonElement e ? e : JsonSerializer.SerializeToElement(actual, Web), expected);

    public static IEnumerable<string> Compare(JsonElement json, JsonElement expected)
    {
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
