using System.Text.Json;

namespace FloorWatch.Server.Push;

/// <summary>
/// The rows (agents, or queues, or the totals) last sent to one center's viewers of changes, and
/// the writing of a row with only its id and the fields whose value differs from the row last
/// sent. What each viewer holds of a row is what was last sent, so a field left out is one it
/// already has; a snapshot is the one other source, and a join has the next delta write rows whole
/// (<see cref="DeltaChanges"/>).
/// </summary>
/// <param name="nestedFields">
/// Fields holding an object of fixed fields (a queue's <c>now</c>, <c>interval</c>, <c>today</c>)
/// that are written the same way, with only their own fields that changed. Any other value, a map
/// whose keys come and go among them, is compared and written whole.
/// </param>
public sealed class RowChanges(params string[] nestedFields)
{
    private static readonly byte[] Id = "id"u8.ToArray();
    private readonly byte[][] _nested = [.. nestedFields.Select(f => System.Text.Encoding.UTF8.GetBytes(f))];
    private readonly Dictionary<string, byte[]> _sent = new(StringComparer.Ordinal);
    private readonly List<(int NameStart, int NameLength, int ValueStart, int ValueEnd, int LastStart, int LastEnd, bool Nested)> _fields = [];

    /// <summary>The fields of a queue (and of the totals) whose own fields are written as changes.</summary>
    public static readonly string[] QueueNestedFields = ["now", "interval", "today", "settings"];

    public int Count => _sent.Count;

    /// <summary>Forgets every row: each one is next written whole.</summary>
    public void Clear() => _sent.Clear();

    /// <summary>
    /// Writes <paramref name="row"/> (a JSON object) to <paramref name="writer"/> without the fields
    /// that equal those of the row last written for <paramref name="id"/>, and remembers it. A row
    /// never written before, or one whose fields are not those of the last one in the same order,
    /// is written whole.
    /// </summary>
    public void Write(Utf8JsonWriter writer, string id, ReadOnlySpan<byte> row)
    {
        var last = _sent.GetValueOrDefault(id);
        if (last is null || !TryWriteChanged(writer, row, last))
        {
            writer.WriteRawValue(row, skipInputValidation: true);
        }

        _sent[id] = row.ToArray();
    }

    private bool TryWriteChanged(Utf8JsonWriter writer, ReadOnlySpan<byte> row, byte[] last)
    {
        // Both rows come from the same serializer, so their fields are in the same order: walk them side by side.
        var now = new Utf8JsonReader(row);
        var before = new Utf8JsonReader(last);
        if (!now.Read() || now.TokenType != JsonTokenType.StartObject || !before.Read() || before.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        _fields.Clear();
        var omitted = false;
        while (now.Read() && now.TokenType == JsonTokenType.PropertyName)
        {
            if (!before.Read() || before.TokenType != JsonTokenType.PropertyName || !now.ValueSpan.SequenceEqual(before.ValueSpan) || now.ValueIsEscaped)
            {
                return false;
            }

            // The name token starts at its opening quote.
            var (nameStart, nameLength) = ((int)now.TokenStartIndex + 1, now.ValueSpan.Length);
            var always = now.ValueSpan.SequenceEqual(Id);
            var nested = IsNested(now.ValueSpan);
            var (valueStart, valueEnd) = SkipValue(ref now);
            var (lastStart, lastEnd) = SkipValue(ref before);
            if (!always && row[valueStart..valueEnd].SequenceEqual(last.AsSpan(lastStart..lastEnd)))
            {
                omitted = true;
                continue;
            }

            _fields.Add((nameStart, nameLength, valueStart, valueEnd, lastStart, lastEnd, nested));
        }

        if (now.TokenType != JsonTokenType.EndObject || !before.Read() || before.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        if (!omitted)
        {
            writer.WriteRawValue(row, skipInputValidation: true);
            return true;
        }

        writer.WriteStartObject();
        foreach (var (nameStart, nameLength, valueStart, valueEnd, lastStart, lastEnd, nested) in _fields)
        {
            writer.WritePropertyName(row.Slice(nameStart, nameLength));
            var value = row[valueStart..valueEnd];
            if (!nested || !SameFields(value, last.AsSpan(lastStart..lastEnd)))
            {
                writer.WriteRawValue(value, skipInputValidation: true);
                continue;
            }

            WriteChangedFields(writer, value, last.AsSpan(lastStart..lastEnd));
        }

        writer.WriteEndObject();
        return true;
    }

    private bool IsNested(ReadOnlySpan<byte> name)
    {
        foreach (var n in _nested)
        {
            if (name.SequenceEqual(n))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when both are objects with the same fields in the same order.</summary>
    private static bool SameFields(ReadOnlySpan<byte> value, ReadOnlySpan<byte> last)
    {
        var now = new Utf8JsonReader(value);
        var before = new Utf8JsonReader(last);
        if (!now.Read() || now.TokenType != JsonTokenType.StartObject || !before.Read() || before.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (now.Read() && now.TokenType == JsonTokenType.PropertyName)
        {
            if (!before.Read() || before.TokenType != JsonTokenType.PropertyName || !now.ValueSpan.SequenceEqual(before.ValueSpan) || now.ValueIsEscaped)
            {
                return false;
            }

            SkipValue(ref now);
            SkipValue(ref before);
        }

        return now.TokenType == JsonTokenType.EndObject && before.Read() && before.TokenType == JsonTokenType.EndObject;
    }

    /// <summary>An object with only its fields that differ from <paramref name="last"/>'s (checked by <see cref="SameFields"/> to have the same ones).</summary>
    private static void WriteChangedFields(Utf8JsonWriter writer, ReadOnlySpan<byte> value, ReadOnlySpan<byte> last)
    {
        var now = new Utf8JsonReader(value);
        var before = new Utf8JsonReader(last);
        now.Read();
        before.Read();
        writer.WriteStartObject();
        while (now.Read() && now.TokenType == JsonTokenType.PropertyName)
        {
            before.Read();
            var name = now.ValueSpan;
            var (start, end) = SkipValue(ref now);
            var (lastStart, lastEnd) = SkipValue(ref before);
            if (!value[start..end].SequenceEqual(last[lastStart..lastEnd]))
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(value[start..end], skipInputValidation: true);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Moves past the value after a property name; its bytes' range in the row.</summary>
    private static (int Start, int End) SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return (start, (int)reader.BytesConsumed);
    }
}
