using System.Text.Json;
using FloorWatch.Domain.Events;
using FloorWatch.Server.Journal;

namespace FloorWatch.Server.Ingest;

/// <summary>
/// Splits a body of NDJSON lines or a JSON array into validated events and refused lines. A refused
/// line never stops the lines after it (except inside a broken array, where nothing after the break can be read).
/// </summary>
public sealed class EventBatchReader(int maxLineBytes)
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

        var parsed = CtiEventParser.Parse(line.Span, now);
        if (parsed.Event is not { } e)
        {
            result.Rejected.Add(new RejectedLine(lineNumber, parsed.Error!));
        }
        else if (requiredCenter is not null && e.Center != requiredCenter)
        {
            result.Rejected.Add(new RejectedLine(lineNumber, $"field 'center': '{e.Center}' is not the center of this link ('{requiredCenter}')"));
        }
        else
        {
            result.Events.Add(new PendingEvent(e, line));
        }
    }

    private void ReadArray(ReadOnlyMemory<byte> body, DateTimeOffset now, string? requiredCenter, Result result)
    {
        long element = 0;
        try
        {
            var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { MaxDepth = 16 });
            reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
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
            result.Rejected.Add(new RejectedLine(element == 0 ? 1 : element, $"not valid JSON (element {Math.Max(element, 1)}): {ex.Message.Split(". ")[0]}; nothing after it could be read"));
        }
    }
}
