using System.Globalization;

namespace FloorWatch.LoadGen.Target;

/// <summary>
/// Samples a process's CPU time and resident memory from <c>/proc/&lt;pid&gt;/stat</c> and <c>status</c>
/// every 500 ms (Linux). CPU is reported as a share of all the machine's cores, so 100 % means every
/// core was busy with it.
/// </summary>
internal sealed class ProcessSampler : IAsyncDisposable
{
    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);

    /// <summary>USER_HZ, the unit of utime and stime: 100 on every Linux ABI .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakRss;
    private long _lastRss;

    public ProcessSampler(int pid)
    {
        _pid = pid;
        Sample();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>A point in time and the CPU time used by then.</summary>
    public readonly record struct Mark(DateTimeOffset At, double CpuSeconds);

    public bool Available { get; private set; } = true;

    /// <summary>Largest resident set seen by sampling, or the kernel's high-water mark (VmHWM) when larger.</summary>
    public long PeakRssBytes => Math.Max(Interlocked.Read(ref _peakRss), ReadStatus("VmHWM:") ?? 0);

    public long RssBytes => Interlocked.Read(ref _lastRss);

    public Mark Now() => new(DateTimeOffset.UtcNow, ReadCpuSeconds(_pid) ?? double.NaN);

    /// <summary>This process's mark, without a sampler.</summary>
    public static Mark SelfNow() => new(DateTimeOffset.UtcNow, ReadCpuSeconds(Environment.ProcessId) ?? double.NaN);

    /// <summary>Average CPU between two marks, in percent of all cores.</summary>
    public static double CpuPercent(Mark from, Mark to) =>
        (to.CpuSeconds - from.CpuSeconds) / ((to.At - from.At).TotalSeconds * Environment.ProcessorCount) * 100;

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Sample()
    {
        if (ReadStatus("VmRSS:") is not { } rss)
        {
            Available = false;
            return;
        }

        Interlocked.Exchange(ref _lastRss, rss);
        if (rss > Interlocked.Read(ref _peakRss))
        {
            Interlocked.Exchange(ref _peakRss, rss);
        }
    }

    /// <summary>utime + stime, fields 14 and 15 of /proc/pid/stat (counted after the command name, which may hold spaces).</summary>
    private static double? ReadCpuSeconds(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        if (stat is null)
        {
            return null;
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>A "Name:   1234 kB" line of /proc/pid/status, in bytes.</summary>
    private long? ReadStatus(string name)
    {
        var status = Read($"/proc/{_pid}/status");
        var line = status?.Split('\n').FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var kb = line[name.Length..].Trim().Split(' ')[0];
        return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
