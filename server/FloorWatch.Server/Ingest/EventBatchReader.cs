using System.Text.Json;
using System.Text.Unicode;
using FloorWatch.Domain.Events;
using FloorWatch.Server.Journal;

namespace FloorWatch.Server.Ingest;

/// <summary>
/// Splits a body of NDJSON lines or a JSON array into validated events and refused lines. A refused
/// line never stops the lines after it (except inside a broken array, where nothing after the break can be read).
/// An event for a center outside <paramref name="allowedCenter"/> (when given) is refused as a line of its own.
/// </summary>
public sealed class EventBatchReader(int maxLineBytes, Func<string, bool>? allowedCenter = null)
{
    public sealed record Result(List<PendingEvent> Events, List<RejectedLine> Rejected);

    public Result Read(ReadOnlyMemory<byte> body, DateTimeOffset now, string? requiredCenter = null)
    {
        var result = new Result([], []);
        var span = body.Span;
        var start = span.StartsWith("\uFEFF"u8) ? 3 : 0;
        var first = start;
        while (first < span.Length && span[first] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            first++;
        }

        if (first < span.Length && span[first] == (byte)'[')
        {
            ReadArray(body[first..], now, requiredCenter, result);
        }
        else
        {
            ReadLines(body[start..], now, requiredCenter, result);
        }

        return result;
    }

    private void ReadLines(ReadOnlyMemory<byte> body, DateTimeOffset now, string? requiredCenter, Result result)
    {
        long lineNumber = 0;
        var rest = body;
        while (!rest.IsEmpty)
        {
            lineNumber++;
            var newline = rest.Span.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? ReadOnlyMemory<byte>.Empty : rest[(newline + 1)..];
            if (!line.IsEmpty && line.Span[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            Add(line, lineNumber, now, requiredCenter, result);
        }
    }

    /// <summary>One line: blank lines are passed over, long ones refused unread.</summary>
    public void Add(ReadOnlyMemory<byte> line, long lineNumber, DateTimeOffset now, string? requiredCenter, Result result)
    {
        if (line.Span.Trim(" \t"u8).IsEmpty)
        {
            return;
        }

        if (line.Length > maxLineBytes)
        {
            result.Rejected.Add(new RejectedLine(lineNumber, $"line is {line.Length} bytes, longer than the limit of {maxLineBytes}"));
            return;
        }

        // JSON text is UTF-8 (RFC 8259); the parser only decodes the fields it knows, so check the whole line.
        if (!Utf8.IsValid(line.Span))
        {
            result.Rejected.Add(new RejectedLine(lineNumber, "not valid JSON: the line is not valid UTF-8"));
            return;
        }

        var parsed = CtiEventParser.Parse(line.Span, now);
        if (parsed.Event is not { } e)
        {
            result.Rejected.Add(new RejectedLine(lineNumber, parsed.Error!));
        }
        else if (requiredCenter is not null && e.Center != requiredCenter)
        {
            result.Rejected.Add(new RejectedLine(lineNumber, $"field 'center': '{e.Center}' is not the center of this link ('{requiredCenter}')"));
        }
        else if (allowedCenter is not null && !allowedCenter(e.Center))
        {
            result.Rejected.Add(new RejectedLine(lineNumber, $"field 'center': '{e.Center}' (event id '{e.Id}') is outside your centers"));
        }
        else
        {
            result.Events.Add(new PendingEvent(e, line));
        }
    }

    private void ReadArray(ReadOnlyMemory<byte> body, DateTimeOffset now, string? requiredCenter, Result result)
    {
        long element = 0;
        long broken = 1; // the element being read when the JSON breaks
        try
        {
            var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { MaxDepth = 16 });
            reader.Read();
            while (true)
            {
                broken = element + 1;
                if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
                {
                    break;
                }

                element++;
                var from = (int)reader.TokenStartIndex;
                reader.Skip();
                Add(body[from..(int)reader.BytesConsumed], element, now, requiredCenter, result);
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                result.Rejected.Add(new RejectedLine(element + 1, "truncated JSON array: the closing ']' is missing"));
            }
            else if (reader.Read())
            {
                result.Rejected.Add(new RejectedLine(element + 1, "unexpected content after the JSON array"));
            }
        }
        catch (JsonException ex)
        {
            result.Rejected.Add(new RejectedLine(broken, $"not valid JSON (element {broken}): {ex.Message.Split(". ")[0]}; nothing after it could be read"));
        }
    }
}
