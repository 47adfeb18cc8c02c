using System.Text.Json;

namespace FloorWatch.Server.Api;

/// <summary>Values of the rows written by hand (<see cref="AgentRow"/>, <see cref="QueueRow"/>), each as the serializer writes it.</summary>
public static class RowValues
{
    public static void Text(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    public static void Time(Utf8JsonWriter writer, DateTimeOffset? value)
    {
        if (value is { } at)
        {
            writer.WriteStringValue(at);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>A figure; one that is not finite goes through the serializer, which knows what the options allow for it.</summary>
    public static void Number(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
    {
        if (value is not { } v)
        {
            writer.WriteNullValue();
        }
        else if (double.IsFinite(v))
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            JsonSerializer.Serialize(writer, v, options);
        }
    }

    /// <summary>A map's key, as the options' key policy names it.</summary>
    public static void Key(Utf8JsonWriter writer, string key, JsonSerializerOptions options) =>
        writer.WritePropertyName(options.DictionaryKeyPolicy?.ConvertName(key) ?? key);
}
