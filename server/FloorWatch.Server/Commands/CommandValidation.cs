using FloorWatch.Domain.Events;
using FloorWatch.Server.Options;

namespace FloorWatch.Server.Commands;

/// <summary>Checks a command's fields (contract section 5); each error starts with the field at fault.</summary>
public static class CommandValidation
{
    public const int MaxTextLength = 500;
    public const int MaxBreakMinutes = 480;

    /// <summary>The error of an unknown or missing command name, or null.</summary>
    public static string? CheckName(string? command) =>
        command is null ? $"command: required, one of {string.Join(", ", CommandNames.All)}"
        : CommandNames.All.Contains(command) ? null
        : $"command: '{command}' is not a command (one of {string.Join(", ", CommandNames.All)})";

    /// <summary>The first field error of a command whose name is known, or null.</summary>
    public static string? CheckFields(CommandRequest c) => c.Command switch
    {
        CommandNames.ForceReady or CommandNames.ForceLogout => Agent(c),
        CommandNames.ForceNotReady => Agent(c) ?? Reason(c),
        CommandNames.SetQueues => Agent(c) ?? Queues(c),
        CommandNames.Message => Agent(c) ?? Text("text", c.Text),
        CommandNames.Monitor => Call(c) ?? Mode(c),
        CommandNames.BreakRequest => Agent(c) ?? Reason(c) ?? Minutes(c),
        CommandNames.BreakApprove => Request(c),
        CommandNames.BreakDeny => Request(c) ?? Text("why", c.Why),
        _ => CheckName(c.Command),
    };

    private static string? Agent(CommandRequest c) => Id("agent", c.Agent);

    private static string? Call(CommandRequest c) => Id("call", c.Call);

    private static string? Request(CommandRequest c) => Id("request", c.Request);

    private static string? Id(string field, string? value) =>
        value is null ? $"{field}: required, [A-Za-z0-9_.-]{{1,64}}"
        : Identifiers.IsEntityId(value) ? null
        : $"{field}: '{value}' must match [A-Za-z0-9_.-]{{1,64}}";

    private static string? Reason(CommandRequest c) =>
        c.Reason is null ? "reason: required, [A-Za-z0-9_.-]{1,64} (e.g. away, break, coaching)"
        : Identifiers.IsEntityId(c.Reason) ? null
        : $"reason: '{c.Reason}' must match [A-Za-z0-9_.-]{{1,64}}";

    private static string? Queues(CommandRequest c)
    {
        if (c.Queues is null || c.Queues.Count == 0)
        {
            return "queues: required, a non-empty list of queue ids";
        }

        var bad = c.Queues.FirstOrDefault(q => !Identifiers.IsEntityId(q));
        return bad is null ? null : $"queues: '{bad}' is not a queue id ([A-Za-z0-9_.-]{{1,64}})";
    }

    private static string? Text(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? $"{field}: required, 1 to {MaxTextLength} characters"
        : value.Length > MaxTextLength ? $"{field}: {value.Length} characters, at most {MaxTextLength}"
        : null;

    private static string? Mode(CommandRequest c) =>
        c.Mode is null ? $"mode: required, one of {string.Join(", ", MonitorOptions.AllModes)}"
        : MonitorOptions.AllModes.Contains(c.Mode) ? null
        : $"mode: '{c.Mode}' is not a monitor mode (one of {string.Join(", ", MonitorOptions.AllModes)})";

    private static string? Minutes(CommandRequest c) =>
        c.Minutes is null ? $"minutes: required, 1 to {MaxBreakMinutes}"
        : c.Minutes is < 1 or > MaxBreakMinutes ? $"minutes: {c.Minutes} is outside 1 to {MaxBreakMinutes}"
        : null;
}
