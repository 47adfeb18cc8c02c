using System.ComponentModel.DataAnnotations;
using FloorWatch.Domain.Settings;
using FloorWatch.Server.Journal.Seen;

namespace FloorWatch.Server.Options;

/// <summary>The "FloorWatch" configuration section (contract section 7); every key can be set as FloorWatch__Key.</summary>
public sealed class FloorWatchOptions
{
    public const string Section = "FloorWatch";

    /// <summary>Folder of the embedded journal, signing key and audit log.</summary>
    [Required]
    public string DataPath { get; set; } = "./data";

    /// <summary>Redis connection string; set = Redis mode.</summary>
    public string? Redis { get; set; }

    /// <summary>Starts the built-in switch simulator against this server.</summary>
    public bool Demo { get; set; }

    /// <summary>Delta cadence of the live push.</summary>
    [Range(10, 60_000)]
    public int PushIntervalMs { get; set; } = 200;

    public CtiOptions Cti { get; set; } = new();

    public SiloOptions Silo { get; set; } = new();

    public AuthOptions Auth { get; set; } = new();

    public MonitorOptions Monitor { get; set; } = new();

    public QueueLogOptions QueueLog { get; set; } = new();

    public List<UserOptions> Users { get; set; } = [];

    /// <summary>Centers' settings given in configuration (FloorWatch__Centers__&lt;id&gt;__...).</summary>
    public Dictionary<string, CenterSettingsOptions> Centers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Largest request body the ingest endpoints read.</summary>
    [Range(1024, 1L << 31)]
    public long MaxIngestBytes { get; set; } = 64L << 20;

    /// <summary>
    /// Journaled event ids each center keeps in memory (about 28 bytes each); older ids are checked
    /// against sorted runs under <see cref="DataPath"/>, so a repeat is caught however old it is.
    /// </summary>
    [Range(1, 1 << 24)]
    public int SeenIdsInMemory { get; set; } = SeenIds.DefaultInMemory;

    /// <summary>
    /// Journaled records the centers may have still to apply, over all centers, before the journal
    /// writer waits for them (and acknowledgements slow down with it), and the replay at start reads
    /// no further ahead: a bound on the memory a burst, a slow machine or a long journal can take,
    /// about 0.5 KB of heap a record (a replay of 12 million records held to 20,000 peaked at 0.9 GB
    /// against 1.1–1.2 GB at 200,000, in the same time).
    /// </summary>
    [Range(1, 1 << 30)]
    public int MaxUnappliedRecords { get; set; } = 200_000;

    /// <summary>
    /// How long the lane of a center nobody watches waits after applying a batch smaller than the
    /// largest before it takes the next, so that a steady feed is applied in fewer, larger batches;
    /// 0 applies each record as soon as the one before it is done. A watched center gathers its
    /// facts until its next push instead.
    /// </summary>
    [Range(0, 1000)]
    public int ApplyGatherMs { get; set; } = 50;

    /// <summary>Longest single event line accepted.</summary>
    [Range(256, 64 << 20)]
    public int MaxLineBytes { get; set; } = 1 << 20;
}

public sealed class CtiOptions
{
    /// <summary>The key a switch presents (X-Api-Key header, TCP hello). None: ingest by key is refused.</summary>
    public string? ApiKey { get; set; }

    /// <summary>TCP CTI link port; 0 = off.</summary>
    [Range(0, 65535)]
    public int TcpPort { get; set; } = 5077;

    /// <summary>Address the CTI link listens on; loopback unless configured.</summary>
    [Required]
    public string TcpAddress { get; set; } = "127.0.0.1";
}

public sealed class SiloOptions
{
    /// <summary>Silo-to-silo port of the embedded silo.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 11111;

    /// <summary>Client gateway port of the embedded silo.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;
}

public sealed class AuthOptions
{
    /// <summary>How long a token issued by /api/auth/token is good for.</summary>
    [Range(0.01, 24 * 366)]
    public double TokenHours { get; set; } = 12;

    /// <summary>
    /// An OpenID Connect issuer (its URL, e.g. https://sso.example.com/realms/floor) whose access
    /// tokens are taken in place of this server's own; unset, only local tokens are.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>An authority is set (an empty value, as an empty environment variable gives, is none).</summary>
    public bool HasAuthority => !string.IsNullOrEmpty(Authority);

    /// <summary>The audience the authority's tokens must be for (required with <see cref="Authority"/>).</summary>
    public string? Audience { get; set; }

    /// <summary>The pages' client at the authority (authorization code with PKCE); unset, the pages sign in locally or take ?token=.</summary>
    public string? ClientId { get; set; }

    /// <summary>Scopes the pages ask the authority for.</summary>
    public string Scope { get; set; } = "openid profile";

    /// <summary>The authority's claim holding the user's name (an agent's is their agent id).</summary>
    [Required]
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>The authority's claim holding the user's roles (contract section 6), one value each or an array.</summary>
    [Required]
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The authority's claim holding the centers the user may see (<c>*</c> = all).</summary>
    [Required]
    public string CenterClaim { get; set; } = "centers";

    /// <summary>The authority's metadata and keys are fetched over https only; false allows http, for a test authority.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}

public sealed class UserOptions
{
    public string Name { get; set; } = "";
    public string Password { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public List<string> Centers { get; set; } = [];
}

/// <summary>A center's settings as configuration binds them.</summary>
public sealed class CenterSettingsOptions
{
    public string? Name { get; set; }
    public string? TimeZone { get; set; }
    public string? DayStartsAt { get; set; }
    public Dictionary<string, QueueSettingsOptions> Queues { get; set; } = new(StringComparer.Ordinal);

    public CenterSettings ToSettings()
    {
        var d = CenterSettings.Default;
        return d with
        {
            Name = Name,
            TimeZone = TimeZone ?? d.TimeZone,
            DayStartsAt = DayStartsAt ?? d.DayStartsAt,
            Queues = Queues.ToDictionary(q => q.Key, q => q.Value.ToSettings(), StringComparer.Ordinal),
        };
    }
}

public sealed class QueueSettingsOptions
{
    public string? Name { get; set; }
    public double? SlThresholdSeconds { get; set; }
    public double? SlTarget { get; set; }
    public double? ShortAbandonSeconds { get; set; }
    public SlFormula? SlFormula { get; set; }
    public double? WrapUpSeconds { get; set; }

    public QueueSettings ToSettings()
    {
        var d = QueueSettings.Default;
        return new QueueSettings
        {
            Name = Name,
            SlThresholdSeconds = SlThresholdSeconds ?? d.SlThresholdSeconds,
            SlTarget = SlTarget ?? d.SlTarget,
            ShortAbandonSeconds = ShortAbandonSeconds ?? d.ShortAbandonSeconds,
            SlFormula = SlFormula ?? d.SlFormula,
            WrapUpSeconds = WrapUpSeconds ?? d.WrapUpSeconds,
        };
    }
}
