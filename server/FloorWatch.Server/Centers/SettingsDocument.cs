using FloorWatch.Domain.Settings;

namespace FloorWatch.Server.Centers;

/// <summary>The body of <c>PUT /settings</c>: what is given replaces what is in force; what is left out stays.</summary>
public sealed class SettingsDocument
{
    public string? Name { get; set; }
    public string? TimeZone { get; set; }
    public string? DayStartsAt { get; set; }
    public Dictionary<string, QueueSettings>? Queues { get; set; }
    public RuleSettings? Rules { get; set; }

    public CenterSettings ApplyTo(CenterSettings current)
    {
        var queues = new Dictionary<string, QueueSettings>(current.Queues, StringComparer.Ordinal);
        foreach (var (id, q) in Queues ?? [])
        {
            queues[id] = q;
        }

        return current with
        {
            Name = Name ?? current.Name,
            TimeZone = TimeZone ?? current.TimeZone,
            DayStartsAt = DayStartsAt ?? current.DayStartsAt,
            Queues = queues,
            Rules = Rules ?? current.Rules,
        };
    }
}
