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
/// <remarks>
/// The rows' writers note where each field lies as they write it, so the row last sent is compared
/// field by field without reading either back. A value that is not a noted object (a map whose keys
/// come and go, a list) is compared and written whole.
/// </remarks>
public sealed class RowChanges
{
    private static readonly byte[] Id = "id"u8.ToArray();
    private readonly Dictionary<string, SentRow> _sent = new(StringComparer.Ordinal);

    public int Count => _sent.Count;

    /// <summary>Forgets every row: each one is next written whole.</summary>
    public void Clear() => _sent.Clear();

    /// <summary>
    /// Writes <paramref name="row"/> (a JSON object whose writer noted where its fields lie, see
    /// <see cref="JsonFieldMarks"/>) to <paramref name="writer"/> without the fields that equal those
    /// of the row last written for <paramref name="id"/>, and remembers it. A nested object's fields
    /// that were noted are written the same way, with only those that changed. A row never written
    /// before, or one whose fields (nested ones too) are not those of the last one in the same order,
    /// is written whole.
    /// </summary>
    public void Write(Utf8JsonWriter writer, string id, ReadOnlySpan<byte> row, ReadOnlySpan<JsonField> fields)
    {
        var sent = _sent.GetValueOrDefault(id);
        if (sent is null || !SameNames(row, fields, sent.Bytes, sent.Fields) || !LeavesOut(row, fields, sent))
        {
            writer.WriteRawValue(row, skipInputValidation: true);
        }
        else
        {
            var last = sent.Bytes;
            var lastFields = sent.Fields;
            writer.WriteStartObject();
            for (var i = 0; i < fields.Length; i += 1 + fields[i].InnerCount)
            {
                var name = fields[i].Name(row);
                var value = fields[i].Value(row);
                if (name.SequenceEqual(Id) || !value.SequenceEqual(lastFields[i].Value(last)))
                {
                    writer.WritePropertyName(name);
                    if (fields[i].InnerCount == 0)
                    {
                        writer.WriteRawValue(value, skipInputValidation: true);
                    }
                    else
                    {
                        WriteChanged(writer, row, fields.Slice(i + 1, fields[i].InnerCount), last, lastFields.Slice(i + 1, fields[i].InnerCount));
                    }
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

    /// <summary>A nested object that changed, with only its fields that did.</summary>
    private static void WriteChanged(Utf8JsonWriter writer, ReadOnlySpan<byte> row, ReadOnlySpan<JsonField> fields, ReadOnlySpan<byte> last, ReadOnlySpan<JsonField> lastFields)
    {
        writer.WriteStartObject();
        for (var i = 0; i < fields.Length; i++)
        {
            var value = fields[i].Value(row);
            if (!value.SequenceEqual(lastFields[i].Value(last)))
            {
                writer.WritePropertyName(fields[i].Name(row));
                writer.WriteRawValue(value, skipInputValidation: true);
            }
        }

        writer.WriteEndObject();
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
    }

    /// <summary>True when some field but the id is as last sent, so a row of changes is shorter than the row.</summary>
    private static bool LeavesOut(ReadOnlySpan<byte> row, ReadOnlySpan<JsonField> fields, SentRow sent)
    {
        var last = sent.Bytes;
        for (var i = 0; i < fields.Length; i += 1 + fields[i].InnerCount)
        {
            if (fields[i].Value(row).SequenceEqual(sent.Fields[i].Value(last)) && !fields[i].Name(row).SequenceEqual(Id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when two objects have the same fields by name and in order, nested ones too (both come
    /// from the same writer, so they do unless the shape changed).
    /// </summary>
    private static bool SameNames(ReadOnlySpan<byte> now, ReadOnlySpan<JsonField> fields, ReadOnlySpan<byte> before, ReadOnlySpan<JsonField> lastFields)
    {
        if (fields.Length != lastFields.Length)
        {
            return false;
        }

        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].InnerCount != lastFields[i].InnerCount || !fields[i].Name(now).SequenceEqual(lastFields[i].Name(before)))
            {
                return false;
            }
        }

        return true;
    }
}
