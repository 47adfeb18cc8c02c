using System.Globalization;

namespace FloorWatch.LoadGen.Target;

/// <summary>
/// The whole machine's CPU from the first line of <c>/proc/stat</c>: how busy every core was between
/// two marks, whoever used it. On a shared machine, busy minus the server and the generator is what
/// other processes took from the run.
/// </summary>
internal static class MachineCpu
{
    /// <summary>Busy and total time of all cores, and the part spent in interrupts (loopback network traffic lands there, in no process), in USER_HZ ticks.</summary>
    public readonly record struct Mark(long Busy, long Total, long Interrupts);

    public static Mark Now()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First();

            // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest time is already in user).
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
                .Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            var idle = f[3] + f[4];
            var total = f.Sum();
            return new Mark(total - idle, total, f[5] + f[6]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return new Mark(0, 0, 0);
        }
    }

    /// <summary>Percent of all cores busy between the marks; NaN when /proc/stat could not be read.</summary>
    public static double BusyPercent(Mark from, Mark to) =>
        to.Total > from.Total ? (to.Busy - from.Busy) * 100.0 / (to.Total - from.Total) : double.NaN;

    /// <summary>Percent of all cores spent in interrupts between the marks.</summary>
    public static double InterruptPercent(Mark from, Mark to) =>
        to.Total > from.Total ? (to.Interrupts - from.Interrupts) * 100.0 / (to.Total - from.Total) : double.NaN;

    /// <summary>The 1-minute load average, or NaN.</summary>
    public static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return double.NaN;
        }
    }
}
