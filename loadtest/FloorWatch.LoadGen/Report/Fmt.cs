using System.Globalization;

namespace FloorWatch.LoadGen.Report;

/// <summary>Numbers as the table and the progress lines show them (invariant culture, thousands separated).</summary>
internal static class Fmt
{
    public static string N(double value) => double.IsFinite(value) ? value.ToString("#,0", CultureInfo.InvariantCulture) : "–";

    public static string N(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>"1 center", "2 centers": a run of one center or one queue is a size people try.</summary>
    public static string Count(long value, string one) => N(value) + " " + (value == 1 ? one : one + "s");

    public static string Pct(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";

    public static string Seconds(double? value) => value switch
    {
        null => "–",
        { } v when !double.IsFinite(v) => "–",
        { } v when Math.Abs(v) < 1 => (v * 1000).ToString("0", CultureInfo.InvariantCulture) + " ms",
        { } v => v.ToString("0.00", CultureInfo.InvariantCulture) + " s",
    };

    public static string Bytes(long? value, bool kib = false) => value switch
    {
        null => "–",
        < 1L << 20 when kib => (value.Value / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        >= 1L << 30 => (value.Value / (double)(1L << 30)).ToString("0.00", CultureInfo.InvariantCulture) + " GiB",
        _ => (value.Value / (double)(1L << 20)).ToString("0", CultureInfo.InvariantCulture) + " MiB",
    };

    public static string Latency(LatencyResult l) =>
        l.Count == 0 ? "no samples" : $"p50 {Seconds(l.P50)}  p95 {Seconds(l.P95)}  p99 {Seconds(l.P99)}  max {Seconds(l.Max)}  ({N(l.Count)} samples)";
}
