using FloorWatch.Simulator;

namespace FloorWatch.LoadGen.Options;

/// <summary>How to load which server, and what to measure. <see cref="Validate"/> names the argument at fault.</summary>
internal sealed record LoadOptions
{
    /// <summary>A center's feed is held in memory as one buffer of lines; this keeps it well under 2 GiB.</summary>
    public const long MaxEventsPerCenter = 10_000_000;

    public int Centers { get; init; } = 10;
    public int Agents { get; init; } = 20_000;
    public int Queues { get; init; } = 500;

    /// <summary>Events per second offered over all centers.</summary>
    public double Rate { get; init; } = 100_000;

    public double DurationSeconds { get; init; } = 60;
    public Transport Transport { get; init; } = Transport.Tcp;
    public int Clients { get; init; } = 200;

    /// <summary>Start this server build as a child process (exclusive with <see cref="Url"/>).</summary>
    public string? ServerDll { get; init; }

    /// <summary>A running server's HTTP address (exclusive with <see cref="ServerDll"/>).</summary>
    public Uri? Url { get; init; }

    /// <summary>The running server's process, sampled for CPU and memory (with <see cref="Url"/> only).</summary>
    public int? ServerPid { get; init; }

    public string? CtiKey { get; init; }

    /// <summary>The running server's TCP CTI link port (with <see cref="Url"/>).</summary>
    public int CtiPort { get; init; } = 5077;

    public string User { get; init; } = "loadgen";
    public string? Password { get; init; }

    /// <summary>Who the wallboard clients sign in as (same password); null = <see cref="User"/>, or a wallboard-only user of a started server.</summary>
    public string? WallboardUser { get; init; }

    /// <summary>Who the supervisor clients sign in as (same password); null = <see cref="User"/>, or a supervisor-only user of a started server.</summary>
    public string? SupervisorUser { get; init; }
    public int PushMs { get; init; } = 100;
    public string? Out { get; init; }
    public int Seed { get; init; } = 1;

    /// <summary>Centers are named prefix + number; against a running server, a fresh prefix per run keeps runs apart.</summary>
    public string CenterPrefix { get; init; } = "lg";

    /// <summary>How long to wait after the run for the server to acknowledge and apply what it was sent.</summary>
    public double DrainSeconds { get; init; } = 300;

    /// <summary>Seconds of each bare-limit measurement; 0 = skip them.</summary>
    public double BareSeconds { get; init; } = 2;

    public bool KeepData { get; init; }

    /// <summary>Viewers parse every delta whole, as a browser would, instead of reading its header only.</summary>
    public bool FullParse { get; init; }

    /// <summary>What the viewers ask for: rows with only what changed (as the product's pages do), or whole rows.</summary>
    public DeltaRows Rows { get; init; } = DeltaRows.Changes;

    public bool SpawnsServer => ServerDll is not null;

    public double EventsPerCenter => Rate * DurationSeconds / Centers;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string error)
        {
            if (!ok)
            {
                errors.Add(error);
            }
        }

        Check(Centers is >= 1 and <= 999, $"--centers: must be between 1 and 999 (got {Centers})");
        Check(Agents >= Centers, $"--agents: at least one per center ({Centers}) (got {Agents})");
        Check(Centers < 1 || (double)Agents / Centers <= SimulatorOptions.MaxAgents, $"--agents: at most {SimulatorOptions.MaxAgents} per center (got {Agents} over {Centers} centers)");
        Check(Queues >= Centers, $"--queues: at least one per center ({Centers}) (got {Queues})");
        Check(Centers < 1 || Queues / Centers <= 999, $"--queues: at most 999 per center (got {Queues} over {Centers} centers)");
        Check(double.IsFinite(Rate) && Rate > 0 && Rate <= 10_000_000, $"--rate: must be above 0 and at most 10000000 events/s (got {Rate})");
        Check(double.IsFinite(DurationSeconds) && DurationSeconds is >= 1 and <= 86_400, $"--duration: must be between 1 and 86400 seconds (got {DurationSeconds})");
        Check(Centers < 1 || !double.IsFinite(EventsPerCenter) || EventsPerCenter <= MaxEventsPerCenter,
            $"--rate: with --duration {DurationSeconds} s over {Centers} centers that is {EventsPerCenter:0} events per center; at most {MaxEventsPerCenter} fit (more centers or a shorter run)");
        Check(Clients is >= 0 and <= 20_000, $"--clients: must be between 0 and 20000 (got {Clients})");
        Check((ServerDll is null) != (Url is null), "--server-dll or --url: give exactly one (start a server build, or load a running server)");
        Check(ServerDll is null || File.Exists(ServerDll), $"--server-dll: no such file '{ServerDll}' (build it: dotnet build -c Release server/FloorWatch.Server)");
        Check(Url is null || Url.Scheme is "http" or "https", $"--url: must be an http:// or https:// address (got {Url})");
        Check(ServerPid is null || Url is not null, "--server-pid: only with --url (a started server is sampled anyway)");
        Check(ServerPid is null or > 0, $"--server-pid: must be a process id (got {ServerPid})");
        Check(Url is null || !string.IsNullOrEmpty(CtiKey), "--cti-key: required with --url (the server's FloorWatch__Cti__ApiKey)");
        Check(Url is null || !string.IsNullOrEmpty(Password), "--password: required with --url");
        Check(CtiPort is >= 1 and <= 65535, $"--cti-port: must be between 1 and 65535 (got {CtiPort})");
        Check(!string.IsNullOrWhiteSpace(User), "--user: must not be empty");
        Check(WallboardUser is null || !string.IsNullOrWhiteSpace(WallboardUser), "--wallboard-user: must not be empty");
        Check(SupervisorUser is null || !string.IsNullOrWhiteSpace(SupervisorUser), "--supervisor-user: must not be empty");
        Check(PushMs is >= 10 and <= 60_000, $"--push-ms: must be between 10 and 60000 (got {PushMs})");
        Check(CenterPrefix.Length is >= 1 and <= 60 && WireIds.IsCenterId(CenterPrefix), $"--center-prefix: '{CenterPrefix}' must match [A-Za-z0-9_-]{{1,60}}");
        Check(double.IsFinite(DrainSeconds) && DrainSeconds is >= 0 and <= 86_400, $"--drain: must be between 0 and 86400 seconds (got {DrainSeconds})");
        Check(double.IsFinite(BareSeconds) && BareSeconds is >= 0 and <= 600, $"--bare-seconds: must be between 0 and 600 (got {BareSeconds})");
        return errors;
    }
}

internal enum Transport
{
    Tcp,
    Http,
}

/// <summary>The hub address's <c>rows</c> parameter.</summary>
internal enum DeltaRows
{
    Changes,
    Whole,
}
