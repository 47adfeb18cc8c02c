using System.Text;
using System.Text.Json;
using FloorWatch.Server.Api;

namespace FloorWatch.Server.Tests;

/// <summary>
/// Reads where a JSON object's fields lie, as a row's writer notes them (<see cref="JsonFieldMarks"/>):
/// each field's name and value, and after a field named in <c>nested</c> holding an object, its own
/// fields. The tests' way of giving rows to <see cref="Push.RowChanges"/>, and the oracle the noted
/// fields are checked against.
/// </summary>
internal static class JsonFieldReader
{
    /// <summary>The fields of a queue's row (and of the totals) that are objects of their own fields.</summary>
    public static readonly string[] QueueNested = ["now", "interval", "today", "settings"];

    /// <summary>The field of an agent's row that is an object of its own fields (the five states' seconds).</summary>
    public static readonly string[] AgentNested = ["secondsByState"];

    public static JsonField[] Read(ReadOnlySpan<byte> json, params string[] nested)
    {
        var fields = new List<JsonField>();
        var reader = new Utf8JsonReader(json);
        Assert.True(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "a row is an object");
        ReadFields(ref reader, fields, nested);
        return [.. fields];
    }

    private static void ReadFields(ref Utf8JsonReader reader, List<JsonField> fields, string[] nested)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // The name token starts at its opening quote.
            var (nameStart, nameLength) = ((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
            var isNested = nested.Contains(Encoding.UTF8.GetString(reader.ValueSpan));
            reader.Read();
            var valueStart = (int)reader.TokenStartIndex;
            var at = fields.Count;
            fields.Add(default);
            if (isNested && reader.TokenType == JsonTokenType.StartObject)
            {
                ReadFields(ref reader, fields, []);
            }
            else
            {
                reader.Skip();
            }

            fields[at] = new JsonField(nameStart, nameLength, valueStart, (int)reader.BytesConsumed, fields.Count - at - 1);
        }

        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
    }
}
