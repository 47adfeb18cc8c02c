using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FloorWatch.Domain.Events;

/// <summary>
/// Parses and validates one CTI event (contract section 1). Reads the UTF-8 bytes once with
/// <see cref="Utf8JsonReader"/>: no DOM, unknown fields skipped without being materialised.
/// </summary>
public static partial class CtiEventParser
{
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(5);
    private const int MaxIdLength = 256;
    private const int MaxTextLength = 1024;
    private const int MaxListLength = 256;

    /// <summary>Longer than any RFC 3339 time but one with a long fraction, which is read as a string.</summary>
    private const int MaxTimestampLength = 64;

    /// <summary>Enough for every center, agent, queue and reason of a province, with room to spare.</summary>
    private static readonly RepeatedStrings Repeated = new(capacity: 50_000);

    public static ParseResult Parse(ReadOnlySpan<byte> json, DateTimeOffset now)
    {
        RawFields f;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read())
            {
                return ParseResult.Fail("empty line: expected a JSON object");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return ParseResult.Fail("not a JSON object");
            }

            var error = ReadFields(ref reader, now, out f);
            if (error is not null)
            {
                return ParseResult.Fail(error);
            }

            if (reader.Read())
            {
                return ParseResult.Fail("unexpected content after the JSON object");
            }
        }
        catch (JsonException ex)
        {
            return ParseResult.Fail($"not valid JSON: {FirstSentence(ex.Message)}");
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString throws this (not a JsonException) for a string that is not valid UTF-8.
            return ParseResult.Fail("not valid JSON: a string is not valid UTF-8");
        }

        return Validate(in f);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private struct RawFields
    {
        public string? Id, Center, Type, Agent, Call, Seat, Name, Reason, Queue, Caller, RecordingUrl;

        /// <summary>The time read from <c>ts</c>, or what is wrong with it (its text made only then).</summary>
        public DateTimeOffset? Ts;
        public string? TsError;
        public bool Vip;
        public int? Priority;
        public List<string>? Queues, Tags;
    }

    private static string? ReadFields(ref Utf8JsonReader reader, DateTimeOffset now, out RawFields f)
    {
        f = default;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return null;
            }

            var field = KnownField(ref reader);
            if (field is null)
            {
                // Unknown fields are kept and ignored, but their names must still be valid UTF-8.
                _ = reader.GetString();
            }

            reader.Read();
            string? error = null;
            switch (field)
            {
                case "id": error = ReadString(ref reader, field, out f.Id); break;
                case "ts": error = ReadTimestamp(ref reader, now, ref f); break;
                case "center": error = ReadString(ref reader, field, out f.Center, repeated: true); break;
                case "type": error = ReadString(ref reader, field, out f.Type, repeated: true); break;
                case "agent": error = ReadString(ref reader, field, out f.Agent, repeated: true); break;
                case "call": error = ReadString(ref reader, field, out f.Call); break;
                case "seat": error = ReadString(ref reader, field, out f.Seat); break;
                case "name": error = ReadString(ref reader, field, out f.Name); break;
                case "reason": error = ReadString(ref reader, field, out f.Reason, repeated: true); break;
                case "queue": error = ReadString(ref reader, field, out f.Queue, repeated: true); break;
                case "caller": error = ReadString(ref reader, field, out f.Caller); break;
                case "recordingUrl": error = ReadString(ref reader, field, out f.RecordingUrl); break;
                case "vip":
                    if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
                    {
                        f.Vip = reader.GetBoolean();
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        error = "field 'vip': expected true or false";
                    }

                    break;
                case "priority":
                    if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var p))
                    {
                        f.Priority = p;
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        error = "field 'priority': expected a whole number";
                    }

                    break;
                case "queues": error = ReadList(ref reader, field, out f.Queues); break;
                case "tags": error = ReadList(ref reader, field, out f.Tags); break;
                default: reader.Skip(); break;
            }

            if (error is not null)
            {
                return error;
            }
        }

        return "truncated JSON object";
    }

    private static readonly string[] KnownFields =
        ["id", "ts", "center", "type", "agent", "call", "seat", "name", "reason", "queue", "caller", "recordingUrl", "vip", "priority", "queues", "tags"];

    private static readonly byte[][] KnownFieldsUtf8 = [.. KnownFields.Select(Encoding.UTF8.GetBytes)];

    /// <summary>The field's name when it is one of ours (compared as UTF-8, so no string per property), else null.</summary>
    private static string? KnownField(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < KnownFieldsUtf8.Length; i++)
        {
            if (reader.ValueTextEquals(KnownFieldsUtf8[i]))
            {
                return KnownFields[i];
            }
        }

        return null;
    }

    private static string? ReadString(ref Utf8JsonReader reader, string field, out string? value, bool repeated = false)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return $"field '{field}': expected a string";
        }

        if (reader.ValueSpan.Length > MaxTextLength * 6)
        {
            return $"field '{field}': longer than {MaxTextLength} characters";
        }

        value = repeated ? Repeated.Get(ref reader) : reader.GetString();
        return value!.Length > MaxTextLength ? $"field '{field}': longer than {MaxTextLength} characters" : null;
    }

    /// <summary>
    /// Reads <c>ts</c> in place: a string for every event's time, only to be parsed, was garbage.
    /// Whether it is a time, and not too far ahead, is judged after the id, as it is reported.
    /// </summary>
    private static string? ReadTimestamp(ref Utf8JsonReader reader, DateTimeOffset now, ref RawFields f)
    {
        (f.Ts, f.TsError) = (null, null);
        if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length <= MaxTimestampLength)
        {
            Span<char> chars = stackalloc char[MaxTimestampLength];
            var text = chars[..reader.CopyString(chars)];
            if (TryParseTimestamp(text, out var ts) && ts <= now + MaxFutureSkew)
            {
                f.Ts = ts;
                return null;
            }
        }

        // Not a string, null, too long to read in place, or wrong: read again as a string, to judge it and to name it.
        var error = ReadString(ref reader, "ts", out var value);
        if (error is not null || value is null)
        {
            return error;
        }

        if (!TryParseTimestamp(value, out var parsed))
        {
            f.TsError = $"field 'ts': '{Clip(value)}' is not an RFC 3339 time with offset";
        }
        else if (parsed > now + MaxFutureSkew)
        {
            f.TsError = $"field 'ts': {value} is more than 5 minutes in the future";
        }
        else
        {
            f.Ts = parsed;
        }

        return null;
    }

    private static string? ReadList(ref Utf8JsonReader reader, string field, out List<string>? list)
    {
        list = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return $"field '{field}': expected an array of strings";
        }

        list = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return $"field '{field}': expected an array of strings";
            }

            if (list.Count == MaxListLength)
            {
                return $"field '{field}': more than {MaxListLength} entries";
            }

            list.Add(Repeated.Get(ref reader));
        }

        return null;
    }

    private static ParseResult Validate(in RawFields f)
    {
        if (string.IsNullOrEmpty(f.Id))
        {
            return ParseResult.Fail("field 'id': required");
        }

        if (f.Id.Length > MaxIdLength)
        {
            return ParseResult.Fail($"field 'id': longer than {MaxIdLength} characters");
        }

        if (f.TsError is not null)
        {
            return ParseResult.Fail(f.TsError);
        }

        if (f.Ts is not { } ts)
        {
            return ParseResult.Fail("field 'ts': required");
        }

        if (f.Center is null)
        {
            return ParseResult.Fail("field 'center': required");
        }

        if (!Identifiers.IsCenterId(f.Center))
        {
            return ParseResult.Fail("field 'center': must match [A-Za-z0-9_-]{1,64}");
        }

        if (f.Type is null)
        {
            return ParseResult.Fail("field 'type': required");
        }

        if (!EventTypeNames.TryParse(f.Type, out var type))
        {
            return ParseResult.Fail($"field 'type': unknown type '{Clip(f.Type)}'");
        }

        var error = ValidateByType(type, in f);
        if (error is not null)
        {
            return ParseResult.Fail(error);
        }

        return ParseResult.Ok(new CtiEvent
        {
            Id = f.Id,
            Ts = ts,
            Center = f.Center,
            Type = type,
            Agent = f.Agent,
            Call = f.Call,
            Seat = f.Seat,
            Name = f.Name,
            Reason = f.Reason,
            Queue = f.Queue,
            Caller = f.Caller,
            Vip = f.Vip,
            Priority = f.Priority,
            RecordingUrl = f.RecordingUrl,
            Queues = f.Queues,
            Tags = f.Tags,
        });
    }

    private static string? ValidateByType(EventType type, in RawFields f)
    {
        if (type.IsAgentEvent() && RequireId("agent", f.Agent) is { } agentError)
        {
            return agentError;
        }

        if (type.IsCallEvent() && RequireId("call", f.Call) is { } callError)
        {
            return callError;
        }

        switch (type)
        {
            case EventType.AgentLogin:
                if (string.IsNullOrWhiteSpace(f.Seat))
                {
                    return "field 'seat': required for agent.login";
                }

                if (f.Seat.Length > Identifiers.MaxLength)
                {
                    return $"field 'seat': longer than {Identifiers.MaxLength} characters";
                }

                return RequireQueueList(f.Queues, type);
            case EventType.AgentQueues:
                return RequireQueueList(f.Queues, type);
            case EventType.AgentNotReady:
                if (string.IsNullOrWhiteSpace(f.Reason))
                {
                    return "field 'reason': required for agent.notready";
                }

                return f.Reason.Length > Identifiers.MaxLength ? $"field 'reason': longer than {Identifiers.MaxLength} characters" : null;
            case EventType.CallQueued:
                return RequireId("queue", f.Queue);
            case EventType.CallRinging or EventType.CallRingNoAnswer or EventType.CallAnswered:
                return RequireId("agent", f.Agent);
            case EventType.CallTransferred:
                if (f.Queue is null && f.Agent is null)
                {
                    return "field 'queue' or 'agent': call.transferred needs one of them";
                }

                return f.Queue is not null ? RequireId("queue", f.Queue) : RequireId("agent", f.Agent);
            case EventType.CallTagged:
                return f.Tags is null ? "field 'tags': required for call.tagged" : null;
            default:
                return null;
        }
    }

    private static string? RequireId(string field, string? value)
    {
        if (value is null)
        {
            return $"field '{field}': required";
        }

        return Identifiers.IsEntityId(value) ? null : $"field '{field}': must match [A-Za-z0-9_.-]{{1,64}}";
    }

    private static string? RequireQueueList(List<string>? queues, EventType type)
    {
        if (queues is null)
        {
            return $"field 'queues': required for {type.Name()}";
        }

        foreach (var q in queues)
        {
            if (!Identifiers.IsEntityId(q))
            {
                return $"field 'queues': '{Clip(q)}' must match [A-Za-z0-9_.-]{{1,64}}";
            }
        }

        return null;
    }

    public static bool TryParseTimestamp(ReadOnlySpan<char> text, out DateTimeOffset ts)
    {
        // The pattern fixes every position, so the fields are read in place: the culture-aware
        // parser cost a third of a line's parsing.
        ts = default;
        if (!Rfc3339().IsMatch(text))
        {
            return false;
        }

        var s = text;
        int year = Digits(s[..4]), month = Digits(s[5..7]), day = Digits(s[8..10]);
        int hour = Digits(s[11..13]), minute = Digits(s[14..16]), second = Digits(s[17..19]);
        var i = 19;
        long fraction = 0;
        if (s[i] == '.')
        {
            var digits = 0;
            for (i++; char.IsAsciiDigit(s[i]); i++)
            {
                if (digits++ < 7)
                {
                    fraction = (fraction * 10) + (s[i] - '0');
                }
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }

        var offsetMinutes = 0;
        if (s[i] is not ('Z' or 'z'))
        {
            int offsetHours = Digits(s[(i + 1)..(i + 3)]), offsetMins = Digits(s[(i + 4)..(i + 6)]);
            if (offsetMins > 59)
            {
                return false;
            }

            offsetMinutes = (s[i] == '-' ? -1 : 1) * ((offsetHours * 60) + offsetMins);
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59 || Math.Abs(offsetMinutes) > 14 * 60)
        {
            return false;
        }

        var offset = TimeSpan.FromMinutes(offsetMinutes);
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fraction;
        if (local - offset.Ticks is < 0 || local - offset.Ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        ts = new DateTimeOffset(local, offset);
        return true;
    }

    private static int Digits(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }

    private static string Clip(string s) => s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 40), "…");

    // [0-9], not \d: \d also matches other scripts' digits (٢٠٢٦), which are no RFC 3339 time.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
