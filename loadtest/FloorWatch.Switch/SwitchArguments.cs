using System.Globalization;
using FloorWatch.Simulator;

namespace FloorWatch.Switch;

/// <summary>The command line: simulator options, an optional run time, or an error that names the argument at fault.</summary>
internal sealed record SwitchArguments
{
    public const string KeyVariable = "FloorWatch__Cti__ApiKey";

    public bool Help { get; private init; }
    public string? Error { get; private init; }
    public SimulatorOptions? Options { get; private init; }
    public TimeSpan? Duration { get; private init; }

    private static readonly SimulatorOptions Defaults = new();

    public static string Usage { get; } = $"""
        FloorWatch demo switch: simulates a contact center and streams its CTI events to a FloorWatch
        server over the TCP CTI link, obeying the server's commands. Ctrl+C stops it cleanly (waiting
        calls abandoned, connected calls ended, agents logged out).

        Usage: dotnet run --project loadtest/FloorWatch.Switch -- [options]

          --host <name>            server's CTI link host (default {Defaults.Host})
          --port <n>               server's CTI link port (default {Defaults.Port})
          --key <key>              CTI key for the hello line (default: ${KeyVariable}, required)
          --center <id>            center id, [A-Za-z0-9_-]{"{1,64}"} (default {Defaults.Center})
          --agents <n>             agents on the floor, 1 to {SimulatorOptions.MaxAgents} (default {Defaults.Agents})
          --queues <a,b,c>         queue ids (default {string.Join(",", Defaults.Queues.Select(q => q.Id))});
                                   billing, sales, tech and vip have their own call mix, others an average one
          --calls-per-hour <n>     arrivals over all queues (default {Defaults.CallsPerHour.ToString(CultureInfo.InvariantCulture)})
          --seed <n>               seed of the simulation; the same seed replays the same floor (default: random)
          --duration <seconds>     stop cleanly after this long (default: run until Ctrl+C)
          --help                   this text

        Exit codes: 0 after a clean stop, 2 for a bad argument.
        """;

    public static SwitchArguments Parse(IReadOnlyList<string> args, string? keyFromEnvironment)
    {
        var o = Defaults with { ApiKey = keyFromEnvironment ?? "" };
        TimeSpan? duration = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = Split(args[i]);
            if (name is "--help" or "-h" or "-?")
            {
                return new SwitchArguments { Help = true };
            }

            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                return Fail($"'{args[i]}': not an option (options start with --)");
            }

            string? value = inline ?? (i + 1 < args.Count ? args[++i] : null);
            if (value is null)
            {
                return Fail($"{name}: a value is required");
            }

            string? error = null;
            switch (name)
            {
                case "--host": o = o with { Host = value }; break;
                case "--port": o = o with { Port = Int(name, value, ref error) }; break;
                case "--key": o = o with { ApiKey = value }; break;
                case "--center": o = o with { Center = value }; break;
                case "--agents": o = o with { Agents = Int(name, value, ref error) }; break;
                case "--queues": o = o with { Queues = value.Split(',', StringSplitOptions.TrimEntries).Select(QueueProfile.ForId).ToArray() }; break;
                case "--calls-per-hour": o = o with { CallsPerHour = Number(name, value, ref error) }; break;
                case "--seed": o = o with { Seed = Int(name, value, ref error) }; break;
                case "--duration":
                    var seconds = Number(name, value, ref error);
                    error ??= seconds > 0 && seconds <= TimeSpan.MaxValue.TotalSeconds / 2 ? null : $"{name}: must be a number of seconds above 0 (got {value})";
                    duration = TimeSpan.FromSeconds(seconds);
                    break;
                default: return Fail($"{name}: unknown option");
            }

            if (error is not null)
            {
                return Fail(error);
            }
        }

        var invalid = o.Validate();
        return invalid.Count > 0 ? Fail(string.Join("\n", invalid.Select(Rename))) : new SwitchArguments { Options = o, Duration = duration };
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var eq = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }

    private static SwitchArguments Fail(string error) => new() { Error = "bad argument " + error };

    private static int Int(string name, string value, ref string? error)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        error = $"{name}: '{value}' is not a whole number";
        return 0;
    }

    private static double Number(string name, string value, ref string? error)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n))
        {
            return n;
        }

        error = $"{name}: '{value}' is not a number";
        return 0;
    }

    /// <summary>The options' own errors name their property ("Agents: …"); here they name the argument ("--agents: …").</summary>
    private static string Rename(string error)
    {
        var field = error.Split(':', '[', '.')[0];
        var argument = field switch
        {
            nameof(SimulatorOptions.Host) => "--host",
            nameof(SimulatorOptions.Port) => "--port",
            nameof(SimulatorOptions.ApiKey) => "--key",
            nameof(SimulatorOptions.Center) => "--center",
            nameof(SimulatorOptions.Agents) => "--agents",
            nameof(SimulatorOptions.Queues) => "--queues",
            nameof(SimulatorOptions.CallsPerHour) => "--calls-per-hour",
            _ => field,
        };
        return argument + error[error.IndexOf(':', StringComparison.Ordinal)..];
    }
}
