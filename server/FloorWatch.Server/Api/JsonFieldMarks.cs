using System.Text.Json;

namespace FloorWatch.Server.Api;

/// <summary>
/// Notes where each field of an object lies while a writer writes it, so that its fields can be
/// compared without reading the JSON back. Positions count from the writer's start (or its last
/// reset); with no room given, nothing is noted.
/// </summary>
public ref struct JsonFieldMarks(Utf8JsonWriter writer, Span<JsonField> fields)
{
    private readonly Utf8JsonWriter _writer = writer;
    private readonly Span<JsonField> _fields = fields;
    private int _count;
    private int _nameLength;
    private int _valueStart;
    private bool _open;

    /// <summary>The fields noted so far.</summary>
    public readonly ReadOnlySpan<JsonField> Fields => _fields[.._count];

    /// <summary>Ends the field before, if any, and writes the name of the next one; its value comes next.</summary>
    public void Name(JsonEncodedText name)
    {
        End();
        _writer.WritePropertyName(name);
        _nameLength = name.EncodedUtf8Bytes.Length;
        _valueStart = Position;
        _open = true;
    }

    /// <summary>Ends the last field, before the object's end is written.</summary>
    public void End()
    {
        if (_open && _count < _fields.Length)
        {
            // The name ends with its closing quote and the colon, unindented.
            _fields[_count++] = new JsonField(_valueStart - 2 - _nameLength, _nameLength, _valueStart, Position);
        }

        _open = false;
    }

    private readonly int Position => (int)(_writer.BytesCommitted + _writer.BytesPending);
}
