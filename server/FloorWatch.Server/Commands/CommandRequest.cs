using System.Text.Json;

namespace FloorWatch.Server.Commands;

/// <summary>The body of <c>POST /api/centers/{center}/commands</c>, read field by field so a wrong type is named.</summary>
public sealed record CommandRequest
{
    public string? Command { get; init; }
    public string? Agent { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<string>? Queues { get; init; }
    public string? Text { get; init; }
    public string? Call { get; init; }
    public string? Mode { get; init; }
    public string? Request { get; init; }
    public int? Minutes { get; init; }
    public string? Why { get; init; }

    /// <summary>The request, or the error that names the field of the wrong type.</summary>
    public static CommandRequest? Read(JsonElement body, out string? error)
    {
        error = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            error = "body: expected a JSON object such as {\"command\":\"agent.forceReady\",\"agent\":\"A01\"}";
            return null;
        }

        var request = new CommandRequest
        {
            Command = ReadText(body, "command", ref error),
            Agent = ReadText(body, "agent", ref error),
            Reason = ReadText(body, "reason", ref error),
            Queues = ReadList(body, "queues", ref error),
            Text = ReadText(body, "text", ref error),
            Call = ReadText(body, "call", ref error),
            Mode = ReadText(body, "mode", ref error),
            Request = ReadText(body, "request", ref error),
            Minutes = ReadWhole(body, "minutes", ref error),
            Why = ReadText(body, "why", ref error),
        };
        return error is null ? request : null;
    }

    private static string? ReadText(JsonElement o, string field, ref string? error)
    {
        if (!o.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            error ??= $"{field}: expected a string";
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
            error ??= $"{field}: expected an array of strings";
            return null;
        }

        return [.. v.EnumerateArray().Select(x => x.GetString()!)];
    }

    private static int? ReadWhole(JsonElement o, string field, ref string? error)
    {
        if (!o.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var n))
        {
            error ??= $"{field}: expected a whole number";
            return null;
        }

        return n;
    }
}
