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
    private readonly Dictionary<string, SentRow> _sent = new(StringComparer.Ordinal);
    private readonly List<Field> _fields = [];
    private readonly List<Field> _innerFields = [];

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
        var sent = _sent.GetValueOrDefault(id);
        var last = sent is null ? default : sent.Bytes;
        if (sent is null || !Pair(row, last, _fields) || !LeavesOut(row, last))
        {
            writer.WriteRawValue(row, skipInputValidation: true);
        }
        else
        {
            writer.WriteStartObject();
            foreach (var f in _fields)
            {
                var name = f.Name(row);
                if (name.SequenceEqual(Id) || !f.Same(row, last))
                {
                    writer.WritePropertyName(name);
                    WriteValue(writer, IsNested(name), f.Value(row), f.Last(last));
                }
            }

            writer.WriteEndObject();
        }

        if (sent is null)
        {
            _sent[id] = sent = new SentRow();
        }

        sent.Set(row);
    }

    /// <summary>
    /// A row's bytes as last sent, in an array with room to spare: its numbers change width from
    /// push to push, and a new array for each would be most of what writing changes allocates.
    /// </summary>
    private sealed class SentRow
    {
        private byte[] _buffer = [];
        private int _length;

        public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, _length);

        public void Set(ReadOnlySpan<byte> row)
        {
            if (row.Length > _buffer.Length)
            {
                _buffer = new byte[row.Length + (row.Length / 4)];
            }

            row.CopyTo(_buffer);
            _length = row.Length;
        }
    }

    /// <summary>True when some field but the id is as last sent, so a row of changes is shorter than the row.</summary>
    private bool LeavesOut(ReadOnlySpan<byte> row, ReadOnlySpan<byte> last)
    {
        foreach (var f in _fields)
        {
            if (f.Same(row, last) && !f.Name(row).SequenceEqual(Id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A changed value: whole, or for a nested object of the same fields, only its fields that changed.</summary>
    private void WriteValue(Utf8JsonWriter writer, bool nested, ReadOnlySpan<byte> value, ReadOnlySpan<byte> last)
    {
        if (!nested || !Pair(value, last, _innerFields))
        {
            writer.WriteRawValue(value, skipInputValidation: true);
            return;
        }

        writer.WriteStartObject();
        foreach (var f in _innerFields)
        {
            if (!f.Same(value, last))
            {
                writer.WritePropertyName(f.Name(value));
                writer.WriteRawValue(f.Value(value), skipInputValidation: true);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Walks two JSON objects side by side into <paramref name="fields"/>: each field's name and its
    /// value's bytes in both. False when either is not an object or their fields differ in name or
    /// order (both come from the same serializer, so they do not unless the shape changed).
    /// </summary>
    private static bool Pair(ReadOnlySpan<byte> now, ReadOnlySpan<byte> before, List<Field> fields)
    {
        fields.Clear();
        var a = new Utf8JsonReader(now);
        var b = new Utf8JsonReader(before);
        if (!a.Read() || a.TokenType != JsonTokenType.StartObject || !b.Read() || b.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (a.Read() && a.TokenType == JsonTokenType.PropertyName)
        {
            if (!b.Read() || b.TokenType != JsonTokenType.PropertyName || !a.ValueSpan.SequenceEqual(b.ValueSpan) || a.ValueIsEscaped)
            {
                return false;
            }

            // The name token starts at its opening quote.
            var (nameStart, nameLength) = ((int)a.TokenStartIndex + 1, a.ValueSpan.Length);
            var (valueStart, valueEnd) = SkipValue(ref a);
            var (lastStart, lastEnd) = SkipValue(ref b);
            fields.Add(new Field(nameStart, nameLength, valueStart, valueEnd, lastStart, lastEnd));
        }

        return a.TokenType == JsonTokenType.EndObject && b.Read() && b.TokenType == JsonTokenType.EndObject;
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

    /// <summary>Moves past the value after a property name; its bytes' range in the row.</summary>
    private static (int Start, int End) SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return (start, (int)reader.BytesConsumed);
    }

    /// <summary>One field of two objects walked side by side: where its name and its two values lie.</summary>
    private readonly record struct Field(int NameStart, int NameLength, int ValueStart, int ValueEnd, int LastStart, int LastEnd)
    {
        public ReadOnlySpan<byte> Name(ReadOnlySpan<byte> now) => now.Slice(NameStart, NameLength);

        public ReadOnlySpan<byte> Value(ReadOnlySpan<byte> now) => now[ValueStart..ValueEnd];

        public ReadOnlySpan<byte> Last(ReadOnlySpan<byte> before) => before[LastStart..LastEnd];

        public bool Same(ReadOnlySpan<byte> now, ReadOnlySpan<byte> before) => Value(now).SequenceEqual(Last(before));
    }
}
