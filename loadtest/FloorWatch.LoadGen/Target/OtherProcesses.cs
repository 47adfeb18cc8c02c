using System.Globalization;

namespace FloorWatch.LoadGen.Target;

/// <summary>
/// Who else used the CPU during the run, from every <c>/proc/&lt;pid&gt;/stat</c>: on a shared
/// machine a build or a benchmark next door takes cores from the server, and the report says so.
/// Processes that started and ended between the two looks are not seen.
/// </summary>
internal static class OtherProcesses
{
    /// <summary>CPU ticks so far and a short name, per process.</summary>
    public static Dictionary<int, (long Ticks, string Name)> Look()
    {
        var table = new Dictionary<int, (long, string)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                table[pid] = (ticks, Name(dir, stat[(stat.IndexOf('(') + 1)..close]));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // Gone meanwhile, or not ours to read.
            }
        }

        return table;
    }

    /// <summary>The biggest users of CPU between two looks, other than <paramref name="exclude"/>, as "name NN %" (of all cores).</summary>
    public static IReadOnlyList<string> Top(Dictionary<int, (long Ticks, string Name)> before, Dictionary<int, (long Ticks, string Name)> after, double seconds, ISet<int> exclude, int count = 3) =>
        [.. after
            .Where(p => !exclude.Contains(p.Key))
            .Select(p => (p.Value.Name, Ticks: p.Value.Ticks - (before.TryGetValue(p.Key, out var b) ? b.Ticks : 0)))
            .Where(p => p.Ticks / 100.0 / seconds / Environment.ProcessorCount >= 0.01)
            .OrderByDescending(p => p.Ticks)
            .Take(count)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Ticks / 100.0 / seconds / Environment.ProcessorCount * 100:0} %"))];

    /// <summary>The command line's program and first argument, clipped (e.g. "dotnet exp.dll"), else the kernel's name.</summary>
    private static string Name(string dir, string comm)
    {
        try
        {
            var args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
            var name = string.Join(' ', args.Take(2).Select(Path.GetFileName));
            return name.Length == 0 ? comm : name.Length > 60 ? name[..60] : name;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return comm;
        }
    }
}
