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

    /// <summary>What JSON lets through but the settings cannot hold: nulls where a value is required, an undefined formula.</summary>
    public List<string> ShapeErrors()
    {
        var errors = new List<string>();
        foreach (var (id, q) in Queues ?? [])
        {
            if (q is null)
            {
                errors.Add($"queues.{id}: must be an object of queue settings");
            }
            else if (!Enum.IsDefined(q.SlFormula))
            {
                errors.Add($"queues.{id}.slFormula: must be abandonsCount, answeredOnly or withOverflow");
            }
        }

        if (Rules is { } r)
        {
            if (r.NotReadyMaxSeconds is null)
            {
                errors.Add("rules.notReadyMaxSeconds: must be an object of reason: seconds");
            }

            if (r.ApprovalRequired is null || r.ApprovalRequired.Any(x => x is null))
            {
                errors.Add("rules.approvalRequired: must be an array of reasons");
            }
        }

        return errors;
    }

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
