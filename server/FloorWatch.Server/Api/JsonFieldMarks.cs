using System.Text.Json;

namespace FloorWatch.Server.Api;

/// <summary>
/// Notes where each field of an object lies while a writer writes it, so that its fields can be
/// compared without reading the JSON back. A field holding an object of fields of its own
/// (<see cref="BeginObject"/>) is noted with them after it, in the order written. Positions count
/// from the writer's start (or its last reset); with no room given, nothing is noted, and with
/// room it must be enough for every field.
/// </summary>
public ref struct JsonFieldMarks(Utf8JsonWriter writer, Span<JsonField> fields)
{
    private readonly Utf8JsonWriter _writer = writer;
    private readonly Span<JsonField> _fields = fields;
    private int _count;
    private int _nameLength;
    private int _valueStart;
    private bool _open;
    private int _outer = -1;

    /// <summary>The fields noted so far.</summary>
    public readonly ReadOnlySpan<JsonField> Fields => _fields[.._count];

    private readonly bool Noting => !_fields.IsEmpty;

    private readonly int Position => (int)(_writer.BytesCommitted + _writer.BytesPending);

    /// <summary>Ends the field before, if any, and writes the name of the next one; its value comes next.</summary>
    public void Name(JsonEncodedText name)
    {
        End();
        _writer.WritePropertyName(name);
        _nameLength = name.EncodedUtf8Bytes.Length;
        _valueStart = Position;
        _open = true;
    }

    /// <summary>Ends the field before, writes the name of one whose value is an object and starts it; its fields come next.</summary>
    public void BeginObject(JsonEncodedText name)
    {
        Name(name);
        _open = false;
        if (Noting)
        {
            // Its place is kept: the fields inside follow it, and it ends after them.
            _outer = _count;
            _fields[_count++] = new JsonField(NameStart(_valueStart, _nameLength), _nameLength, _valueStart, _valueStart);
        }

        _writer.WriteStartObject();
    }

    /// <summary>Ends the object <see cref="BeginObject"/> started, with its last field.</summary>
    public void EndObject()
    {
        End();
        _writer.WriteEndObject();
        if (Noting)
        {
            var outer = _fields[_outer];
            _fields[_outer] = outer with { ValueEnd = Position, InnerCount = _count - _outer - 1 };
            _outer = -1;
        }
    }

    /// <summary>Ends the last field, before the object's end is written.</summary>
    public void End()
    {
        if (_open && Noting)
        {
            _fields[_count++] = new JsonField(NameStart(_valueStart, _nameLength), _nameLength, _valueStart, Position);
        }

        _open = false;
    }

    // The name ends with its closing quote and the colon, unindented.
    private static int NameStart(int valueStart, int nameLength) => valueStart - 2 - nameLength;
}
