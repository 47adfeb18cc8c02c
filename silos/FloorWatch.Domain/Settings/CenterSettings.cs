namespace FloorWatch.Domain.Settings;

/// <summary>A center's settings (contract section 3, settings).</summary>
public sealed record CenterSettings
{
    public string? Name { get; init; }

    /// <summary>IANA time zone of the center's local clock.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Local time the business day starts, "HH:mm", on a 15-minute boundary.</summary>
    public string DayStartsAt { get; init; } = "00:00";

    public IReadOnlyDictionary<string, QueueSettings> Queues { get; init; } = new Dictionary<string, QueueSettings>();

    public RuleSettings Rules { get; init; } = new();

    public static CenterSettings Default { get; } = new();

    public QueueSettings Queue(string id) => Queues.TryGetValue(id, out var q) ? q : QueueSettings.Default;
}
