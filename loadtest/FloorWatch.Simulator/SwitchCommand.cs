using System.Text.Json;

namespace FloorWatch.Simulator;

/// <summary>
/// A command from FloorWatch to the switch (contract section 5), as carried on the CTI link in a
/// <c>{"command":{...}}</c> line. Only the fields its command uses are set.
/// </summary>
public sealed record SwitchCommand
{
    public const string ForceReady = "agent.forceReady";
    public const string ForceNotReady = "agent.forceNotReady";
    public const string ForceLogout = "agent.forceLogout";
    public const string SetQueues = "agent.setQueues";
    public const string Message = "agent.message";
    public const string Monitor = "call.monitor";

    public string? Id { get; init; }
    public required string Command { get; init; }
    public string? Agent { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<string>? Queues { get; init; }
    public string? Text { get; init; }
    public string? Call { get; init; }
    public string? Mode { get; init; }

    /// <summary>Reads the object inside a command line; null (with the reason) when it names no command or a field has the wrong type.</summary>
    public static SwitchCommand? FromJson(JsonElement command, out string? error)
    {
        error = null;
        if (command.ValueKind != JsonValueKind.Object)
        {
            error = "'command' is not an object";
            return null;
        }

        var name = ReadText(command, "command", ref error);
        if (name is null)
        {
            error ??= "field 'command': required";
            return null;
        }

        var parsed = new SwitchCommand
        {
            Id = ReadText(command, "id", ref error),
            Command = name,
            Agent = ReadText(command, "agent", ref error),
            Reason = ReadText(command, "reason", ref error),
            Queues = ReadList(command, "queues", ref error),
            Text = ReadText(command, "text", ref error),
            Call = ReadText(command, "call", ref error),
            Mode = ReadText(command, "mode", ref error),
        };
        return error is null ? parsed : null;
    }

    private static string? ReadText(JsonElement o, string field, ref string? error)
    {
        if (!o.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            error ??= $"field '{field}': expected a string";
            return null;
        }

        return v.GetString();
    }

    private static string[]? ReadList(JsonElement o, string field, ref string? error)
    {
        if (!o.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
        {
            error ??= $"field '{field}': expected an array of strings";
            return null;
        }

        return v.EnumerateArray().Select(x => x.GetString()!).ToArray();
    }
}
