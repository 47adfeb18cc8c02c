using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace FloorWatch.Server.Api;

/// <summary>Flat JSON rows as CSV (RFC 4180): a header of the first row's keys, nulls empty.</summary>
public static class Csv
{
    public static string Write(IReadOnlyList<JsonObject> rows)
    {
        var sb = new StringBuilder();
        if (rows.Count == 0)
        {
            return "";
        }

        var columns = rows[0].Select(p => p.Key).ToList();
        sb.AppendJoin(',', columns.Select(Escape)).Append("\r\n");
        foreach (var row in rows)
        {
            sb.AppendJoin(',', columns.Select(c => Escape(Cell(row[c])))).Append("\r\n");
        }

        return sb.ToString();
    }

    private static string Cell(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString("R", CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<DateTime>(out var t) => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private static string Escape(string s) =>
        s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
