using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FloorWatch.Simulator;

/// <summary>
/// Writes an event as one NDJSON line. Written by hand with <see cref="Utf8JsonWriter"/> so the
/// common fields come first (readable in a capture) and unset fields are left out.
/// </summary>
public static class SwitchEventJson
{
    /// <summary>Escapes only what JSON requires: a line is read by a program, never embedded in HTML, and '+' in a time or number stays readable.</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>RFC 3339 with milliseconds and the offset, e.g. <c>2026-11-17T08:00:01.250+00:00</c>.</summary>
    public static string FormatTs(DateTimeOffset ts) => ts.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>The event's UTF-8 JSON followed by a newline.</summary>
    public static byte[] ToLine(SwitchEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteString("ts", FormatTs(e.Ts));
            w.WriteString("center", e.Center);
            w.WriteString("type", e.Type);
            WriteIfSet(w, "agent", e.Agent);
            WriteIfSet(w, "call", e.Call);
            WriteIfSet(w, "seat", e.Seat);
            WriteIfSet(w, "name", e.Name);
            WriteIfSet(w, "reason", e.Reason);
            WriteIfSet(w, "queue", e.Queue);
            WriteIfSet(w, "caller", e.Caller);
            if (e.Vip is { } vip)
            {
                w.WriteBoolean("vip", vip);
            }

            if (e.Priority is { } priority)
            {
                w.WriteNumber("priority", priority);
            }

            WriteIfSet(w, "recordingUrl", e.RecordingUrl);
            WriteList(w, "queues", e.Queues);
            WriteList(w, "tags", e.Tags);
            w.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteIfSet(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteList(Utf8JsonWriter w, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
