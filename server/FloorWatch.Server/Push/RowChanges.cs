using System.Runtime.InteropServices;
using System.Text.Json;
using FloorWatch.Server.Api;

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
    private readonly List<JsonField> _rowFields = [];
    private readonly List<JsonField> _innerFields = [];
    private readonly List<JsonField> _lastInnerFields = [];

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
        // Not an object: no fields, so nothing is left out and it is written whole.
        if (!Fields(row, _rowFields))
        {
            _rowFields.Clear();
        }

        Write(writer, id, row, CollectionsMarshal.AsSpan(_rowFields));
    }

    /// <summary>The same, for a row whose writer noted where its fields lie (<see cref="JsonFieldMarks"/>): it is not read back.</summary>
    public void Write(Utf8JsonWriter writer, string id, ReadOnlySpan<byte> row, ReadOnlySpan<JsonField> fields)
    {
        var sent = _sent.GetValueOrDefault(id);
        if (sent is null || !sent.SameFields(row, fields) || !LeavesOut(row, fields, sent))
        {
            writer.WriteRawValue(row, skipInputValidation: true);
        }
        else
        {
            var last = sent.Bytes;
            writer.WriteStartObject();
            for (var i = 0; i < fields.Length; i++)
            {
                var name = fields[i].Name(row);
                var value = fields[i].Value(row);
                var lastValue = sent.Fields[i].Value(last);
                if (name.SequenceEqual(Id) || !value.SequenceEqual(lastValue))
                {
                    writer.WritePropertyName(name);
                    WriteValue(writer, IsNested(name), value, lastValue);
                }
            }

            writer.WriteEndObject();
        }

        if (sent is null)
        {
            _sent[id] = sent = new SentRow();
        }

        sent.Set(row, fields);
    }

    /// <summary>
    /// A row's bytes and fields as last sent, in arrays with room to spare: its numbers change width
    /// from push to push, and a new array for each would be most of what writing changes allocates.
    /// </summary>
    private sealed class SentRow
    {
        private byte[] _buffer = [];
        private int _length;
        private JsonField[] _fields = [];
        private int _fieldCount;

        public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, _length);

        public ReadOnlySpan<JsonField> Fields => _fields.AsSpan(0, _fieldCount);

        public void Set(ReadOnlySpan<byte> row, ReadOnlySpan<JsonField> fields)
        {
            if (row.Length > _buffer.Length)
            {
                _buffer = new byte[row.Length + (row.Length / 4)];
            }

            if (fields.Length > _fields.Length)
            {
                _fields = new JsonField[fields.Length];
            }

            row.CopyTo(_buffer);
            _length = row.Length;
            fields.CopyTo(_fields);
            _fieldCount = fields.Length;
        }

        /// <summary>True when <paramref name="row"/> has the fields of this one, by name and in order.</summary>
        public bool SameFields(ReadOnlySpan<byte> row, ReadOnlySpan<JsonField> fields) => SameNames(row, fields, Bytes, Fields);
    }

    /// <summary>True when some field but the id is as last sent, so a row of changes is shorter than the row.</summary>
    private static bool LeavesOut(ReadOnlySpan<byte> row, ReadOnlySpan<JsonField> fields, SentRow sent)
    {
        var last = sent.Bytes;
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].Value(row).SequenceEqual(sent.Fields[i].Value(last)) && !fields[i].Name(row).SequenceEqual(Id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A changed value: whole, or for a nested object of the same fields, only its fields that changed.</summary>
    private void WriteValue(Utf8JsonWriter writer, bool nested, ReadOnlySpan<byte> value, ReadOnlySpan<byte> last)
    {
        if (!nested || !Fields(value, _innerFields) || !Fields(last, _lastInnerFields) || !SameNames(value, CollectionsMarshal.AsSpan(_innerFields), last, CollectionsMarshal.AsSpan(_lastInnerFields)))
        {
            writer.WriteRawValue(value, skipInputValidation: true);
            return;
        }

        writer.WriteStartObject();
        for (var i = 0; i < _innerFields.Count; i++)
        {
            var field = _innerFields[i].Value(value);
            if (!field.SequenceEqual(_lastInnerFields[i].Value(last)))
            {
                writer.WritePropertyName(_innerFields[i].Name(value));
                writer.WriteRawValue(field, skipInputValidation: true);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// True when two objects have the same fields by name and in order (both come from the same
    /// writer, so they do unless the shape changed).
    /// </summary>
    private static bool SameNames(ReadOnlySpan<byte> now, ReadOnlySpan<JsonField> fields, ReadOnlySpan<byte> before, ReadOnlySpan<JsonField> lastFields)
    {
        if (fields.Length != lastFields.Length)
        {
            return false;
        }

        for (var i = 0; i < fields.Length; i++)
        {
            if (!fields[i].Name(now).SequenceEqual(lastFields[i].Name(before)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads a JSON object's fields into <paramref name="fields"/>: each one's name and value. False
    /// when it is not an object, or a name is escaped (names are compared as they are written).
    /// </summary>
    private static bool Fields(ReadOnlySpan<byte> json, List<JsonField> fields)
    {
        fields.Clear();
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            // The name token starts at its opening quote.
            var (nameStart, nameLength) = ((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
            reader.Read();
            var valueStart = (int)reader.TokenStartIndex;
            reader.Skip();
            fields.Add(new JsonField(nameStart, nameLength, valueStart, (int)reader.BytesConsumed));
        }

        return reader.TokenType == JsonTokenType.EndObject;
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
}
