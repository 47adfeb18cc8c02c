using System.Globalization;

namespace FloorWatch.Domain.QueueLog;

/// <summary>
/// One line of an Asterisk <c>queue_log</c>: <c>epoch|callid|queue|agent|EVENT|data1|...</c>, as
/// Asterisk writes it (not padded: 5 to 10 fields, the data fields only as many as the event has).
/// </summary>
public sealed record QueueLogLine(DateTimeOffset Ts, string CallId, string Queue, string Member, string Event, string[] Data)
{
    public const int MaxFields = 10;

    /// <summary>Far above any line Asterisk writes; a longer one is not a queue_log line.</summary>
    public const int MaxBytes = 8192;

    /// <summary>Data field <paramref name="n"/> (1-based), or empty when the line has fewer.</summary>
    public string DataField(int n) => n <= Data.Length ? Data[n - 1] : "";

    /// <summary>Reads a line; on failure the error names the field.</summary>
    public static QueueLogLine? Parse(string line, out string? error)
    {
        var fields = line.Split('|');
        if (fields.Length is < 5 or > MaxFields)
        {
            error = $"expected 5 to {MaxFields} fields separated by '|' (epoch|callid|queue|agent|EVENT|data...), got {fields.Length}";
            return null;
        }

        if (!long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) || epoch > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            error = $"field 1 (epoch): '{Shorten(fields[0])}' is not a time in seconds since 1970";
            return null;
        }

        if (fields[4].Length == 0)
        {
            error = "field 5 (event): empty";
            return null;
        }

        error = null;
        return new QueueLogLine(DateTimeOffset.FromUnixTimeSeconds(epoch), fields[1], fields[2], fields[3], fields[4], fields[5..]);
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
