using System.Text.Json.Serialization;

namespace FloorWatch.Server.Commands;

/// <summary>A command and where it is (contract section 5): what <c>GET .../commands/{id}</c> and the hub's <c>commandResult</c> carry.</summary>
public sealed record CommandRecord
{
    public required string Id { get; init; }
    public required string Center { get; init; }
    public required string Command { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Agent { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Queues { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Call { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Mode { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Request { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Minutes { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Why { get; init; }

    /// <summary>The user who sent it.</summary>
    public required string By { get; init; }

    public required DateTimeOffset At { get; init; }

    public CommandState State { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Outcome { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? FinishedAt { get; init; }

    [JsonIgnore]
    public bool IsFinal => State != CommandState.Pending;

    /// <summary>The command's target as the audit log names it: its agent, call or break request.</summary>
    [JsonIgnore]
    public string? Target => Agent ?? Call ?? Request;

    public static CommandRecord From(CommandRequest c, string id, string center, string by, DateTimeOffset at) => new()
    {
        Id = id,
        Center = center,
        Command = c.Command!,
        Agent = c.Agent,
        Reason = c.Reason,
        Queues = c.Queues?.Distinct(StringComparer.Ordinal).ToArray(),
        Text = c.Text,
        Call = c.Call,
        Mode = c.Mode,
        Request = c.Request,
        Minutes = c.Minutes,
        Why = c.Why,
        By = by,
        At = at,
        State = CommandState.Pending,
    };
}
