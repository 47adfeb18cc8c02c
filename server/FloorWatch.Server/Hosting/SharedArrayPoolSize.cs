using System.Globalization;

namespace FloorWatch.Server.Hosting;

/// <summary>
/// Sizes the process's shared array pool before its first use. SignalR copies every message into
/// each viewer's connection pipe in 4 KiB arrays from that pool, which by default keeps 32 arrays
/// per size and core: with 200 viewers each holding a supervisor's delta of about 100 KiB, most of
/// those arrays were allocated new and thrown away, a fifth of all the server allocated. The pool
/// reads its size once, from the environment only.
/// </summary>
public static class SharedArrayPoolSize
{
    public const string Variable = "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION";

    /// <summary>Up to 32 MiB of 4 KiB arrays on a 2-core machine; the pool lets go of arrays it has not used for a while.</summary>
    public const int ArraysPerPartition = 4096;

    /// <summary>Sets the size unless the environment already sets it (an operator's own choice stands).</summary>
    public static void Apply()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Environment.SetEnvironmentVariable(Variable, ArraysPerPartition.ToString(CultureInfo.InvariantCulture));
        }
    }
}
