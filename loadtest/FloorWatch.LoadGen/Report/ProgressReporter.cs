using FloorWatch.LoadGen.Feeding;
using FloorWatch.LoadGen.Target;
using FloorWatch.LoadGen.Viewers;

namespace FloorWatch.LoadGen.Report;

/// <summary>One line every few seconds while the load runs: rates in the last window, backlog, latency, the server's CPU and memory.</summary>
internal sealed class ProgressReporter(
    IReadOnlyList<FeedProgress> feeds, ViewerStats viewers, ProcessSampler? server, ProcessSampler self, DateTimeOffset start)
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    private readonly DateTimeOffset _start = start;
    private DateTimeOffset _at = start;
    private long _written = feeds.Sum(f => f.Written);
    private long _settled = feeds.Sum(f => f.Settled);
    private ProcessSampler.Mark? _serverMark = server?.Now();
    private ProcessSampler.Mark _selfMark = self.Now();

    /// <summary>Prints a line every <see cref="Every"/> until cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        viewers.TakeWindowDeltas();
        viewers.Latency.TakeWindow();
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                Log.Info(Line());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private string Line()
    {
        var now = DateTimeOffset.UtcNow;
        var seconds = (now - _at).TotalSeconds;
        var written = feeds.Sum(f => f.Written);
        var settled = feeds.Sum(f => f.Settled);
        var deltas = viewers.TakeWindowDeltas();
        var latency = viewers.Latency.TakeWindow();
        var lag = feeds.Max(f => f.Lag);
        var serverMark = server?.Now();
        var selfMark = self.Now();
        var serverText = server is not null && _serverMark is { } from && serverMark is { } to
            ? $"server cpu {Fmt.Pct(ProcessSampler.CpuPercent(from, to))} rss {Fmt.Bytes(server.RssBytes)}"
            : "server not sampled";
        var line = $"[{(now - _start).TotalSeconds,4:0} s] offered {Fmt.N((written - _written) / seconds)}/s  acked {Fmt.N((settled - _settled) / seconds)}/s  "
            + $"backlog {Fmt.N(written - settled)}  lag {Fmt.Seconds(lag.TotalSeconds)}  deltas {Fmt.N(deltas / seconds)}/s  "
            + (latency.Count > 0 ? $"latency p50 {Fmt.Seconds(latency.P50)} p99 {Fmt.Seconds(latency.P99)}  " : "latency –  ")
            + $"{serverText}  loadgen cpu {Fmt.Pct(ProcessSampler.CpuPercent(_selfMark, selfMark))}";
        (_at, _written, _settled, _serverMark, _selfMark) = (now, written, settled, serverMark, selfMark);
        return line;
    }
}
