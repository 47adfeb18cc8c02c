using System.Globalization;

namespace FloorWatch.LoadGen.Options;

/// <summary>The command line: the options, or help, or an error that names the argument at fault.</summary>
internal sealed record LoadArguments
{
    public const string KeyVariable = "FloorWatch__Cti__ApiKey";

    public bool Help { get; private init; }
    public string? Error { get; private init; }
    public LoadOptions? Options { get; private init; }

    private static readonly LoadOptions Defaults = new();

    public static string Usage { get; } = $"""
        FloorWatch load generator: simulates a province of contact centers feeding a FloorWatch server
        at a set event rate over the TCP CTI link (or HTTP), watches it with real SignalR clients, and
        reports events offered and acknowledged per second, end-to-end latency (event sent → a client
        holds a delta with it), deltas per second, seq gaps, the server's CPU and peak memory, whether
        the server's counts match what was sent, and this machine's bare limits for comparison.

        Usage: dotnet run -c Release --project loadtest/FloorWatch.LoadGen -- (--server-dll <path> | --url <url>) [options]

        Target (exactly one):
          --server-dll <path>      start this FloorWatch.Server.dll as a child process (free ports, temp data
                                   folder, its own CTI key and user), sample it, stop it at the end
          --url <url>              use a running server (with --cti-key, --password; --cti-port, --server-pid)
          --server-pid <pid>       the running server's process, to sample its CPU and memory
          --cti-key <key>          CTI key (default: ${KeyVariable}; made up when starting the server)
          --cti-port <n>           the running server's TCP CTI link port (default {Defaults.CtiPort})
          --user <name>            user to sign in as (default {Defaults.User}; created when starting the server,
                                   with roles admin, supervisor, wallboard and center *)
          --password <pw>          its password (made up when starting the server)
          --wallboard-user <name>  who the wallboard clients sign in as, same password (default: --user; a started
                                   server gets <user>-wallboard, role wallboard only, so it sends them board deltas)
          --supervisor-user <name> who the supervisor clients sign in as (default: --user; a started server gets
                                   <user>-supervisor, role supervisor only)
          --push-ms <n>            FloorWatch__PushIntervalMs of a started server (default {Defaults.PushMs})
          --keep-data              keep a started server's data folder (journal) after the run

        Load:
          --centers <n>            centers (default {Defaults.Centers})
          --agents <n>             agents over all centers, at most 10000 per center (default {Defaults.Agents})
          --queues <n>             queues over all centers (default {Defaults.Queues})
          --rate <n>               events per second over all centers (default {Num(Defaults.Rate)})
          --duration <s>           seconds of load (default {Num(Defaults.DurationSeconds)})
          --transport tcp|http     TCP CTI link per center, or NDJSON batches to /api/cti/events (default tcp)
          --clients <n>            SignalR clients (wallboards and supervisors) spread over the centers (default {Defaults.Clients})
          --full-parse             clients parse every delta whole, as a browser would (default: they read a delta's
                                   header only, so the generator takes less of the CPU it shares with the server)
          --rows changes|whole     what the clients ask the hub for: rows with their id and only the fields that
                                   changed, as the product's pages do, or whole rows (default changes)
          --seed <n>               seed of the simulated centers (default {Defaults.Seed})
          --center-prefix <p>      centers are <p>01, <p>02, ... (default {Defaults.CenterPrefix}); use a new one per run
                                   against a running server
          --drain <s>              after the load, how long to wait for the server to catch up (default {Num(Defaults.DrainSeconds)})
          --bare-seconds <s>       bare limits: after a warm-up, the best of two windows this long, 0 = skip them
                                   (default {Num(Defaults.BareSeconds)})
          --out <file>             also write the results as JSON
          --help                   this text

        Each center is the switch simulator's model (loadtest/FloorWatch.Simulator) with its share of the
        agents and queues, its clock run faster than real time from a start in the past so that every
        ts stays at or before now; the feed is generated before the clock starts and sent on schedule.
        Exit codes: 0 when the run completed and the counts matched, 1 when it failed or found
        mismatches, 2 for a bad argument.
        """;

    public static LoadArguments Parse(IReadOnlyList<string> args, string? keyFromEnvironment)
    {
        var o = Defaults with { CtiKey = string.IsNullOrEmpty(keyFromEnvironment) ? null : keyFromEnvironment };
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = Split(args[i]);
            switch (name)
            {
                case "--help" or "-h" or "-?":
                    return new LoadArguments { Help = true };
                case "--keep-data":
                    o = o with { KeepData = true };
                    continue;
                case "--full-parse":
                    o = o with { FullParse = true };
                    continue;
            }

            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                return Fail($"'{args[i]}': not an option (options start with --)");
            }

            var value = inline ?? (i + 1 < args.Count ? args[++i] : null);
            if (value is null)
            {
                return Fail($"{name}: a value is required");
            }

            string? error = null;
            switch (name)
            {
                case "--centers": o = o with { Centers = Int(name, value, ref error) }; break;
                case "--agents": o = o with { Agents = Int(name, value, ref error) }; break;
                case "--queues": o = o with { Queues = Int(name, value, ref error) }; break;
                case "--rate": o = o with { Rate = Number(name, value, ref error) }; break;
                case "--duration": o = o with { DurationSeconds = Number(name, value, ref error) }; break;
                case "--transport": o = o with { Transport = OneOf<Transport>(name, value, ref error) }; break;
                case "--rows": o = o with { Rows = OneOf<DeltaRows>(name, value, ref error) }; break;
                case "--clients": o = o with { Clients = Int(name, value, ref error) }; break;
                case "--server-dll": o = o with { ServerDll = Path.GetFullPath(value) }; break;
                case "--url": o = o with { Url = UrlOf(name, value, ref error) }; break;
                case "--server-pid": o = o with { ServerPid = Int(name, value, ref error) }; break;
                case "--cti-key": o = o with { CtiKey = value }; break;
                case "--cti-port": o = o with { CtiPort = Int(name, value, ref error) }; break;
                case "--user": o = o with { User = value }; break;
                case "--password": o = o with { Password = value }; break;
                case "--wallboard-user": o = o with { WallboardUser = value }; break;
                case "--supervisor-user": o = o with { SupervisorUser = value }; break;
                case "--push-ms": o = o with { PushMs = Int(name, value, ref error) }; break;
                case "--out": o = o with { Out = value }; break;
                case "--seed": o = o with { Seed = Int(name, value, ref error) }; break;
                case "--center-prefix": o = o with { CenterPrefix = value }; break;
                case "--drain": o = o with { DrainSeconds = Number(name, value, ref error) }; break;
                case "--bare-seconds": o = o with { BareSeconds = Number(name, value, ref error) }; break;
                default: return Fail($"{name}: unknown option");
            }

            if (error is not null)
            {
                return Fail(error);
            }
        }

        var invalid = o.Validate();
        return invalid.Count > 0 ? Fail(string.Join("\n", invalid)) : new LoadArguments { Options = o };
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var eq = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }

    private static LoadArguments Fail(string error) => new() { Error = string.Join("\n", error.Split('\n').Select(e => "bad argument " + e)) };

    private static string Num(double value) => value.ToString(CultureInfo.InvariantCulture);

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

    /// <summary>One of an enum's values, written as its name in lower case (tcp, http; changes, whole).</summary>
    private static T OneOf<T>(string name, string value, ref string? error)
        where T : struct, Enum
    {
        foreach (var choice in Enum.GetValues<T>())
        {
            if (string.Equals(choice.ToString().ToLowerInvariant(), value, StringComparison.Ordinal))
            {
                return choice;
            }
        }

        error = $"{name}: '{value}' must be {string.Join(" or ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}";
        return default;
    }

    private static Uri? UrlOf(string name, string value, ref string? error)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return uri;
        }

        error = $"{name}: '{value}' is not an absolute address such as http://127.0.0.1:5080";
        return null;
    }
}
