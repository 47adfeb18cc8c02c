using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace FloorWatch.LoadGen.Viewers;

/// <summary>
/// The SignalR JSON hub protocol, reading a <c>delta</c> or <c>snapshot</c> only as far as its header
/// (center, seq, oldest and newest event ts come first in the server's messages) and passing over
/// the rest of the message unparsed; every other message, and every write, is the standard
/// protocol's. The generator shares two cores with the server: parsing each whole delta as a browser
/// would took the viewers about 40 % of the machine at 20,000 events/s, CPU the server then lacked.
/// </summary>
internal sealed class HeaderOnlyJsonProtocol(Action<string, long>? received = null) : IHubProtocol
{
    private const byte RecordSeparator = 0x1e;
    private const int InvocationType = 1;
    private readonly JsonHubProtocol _json = new();

    public string Name => _json.Name;

    public int Version => _json.Version;

    public TransferFormat TransferFormat => _json.TransferFormat;

    public bool IsVersionSupported(int version) => _json.IsVersionSupported(version);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _json.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _json.GetMessageBytes(message);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (input.PositionOf(RecordSeparator) is { } end && TrySkim(input.Slice(0, end), out message))
        {
            // The size of each delta and snapshot as sent: what the server writes per viewer.
            received?.Invoke(((InvocationMessage)message).Target, input.Slice(0, end).Length);
            input = input.Slice(input.GetPosition(1, end));
            return true;
        }

        return _json.TryParseMessage(ref input, binder, out message);
    }

    /// <summary>An invocation of <c>delta</c> or <c>snapshot</c>, as a message whose one argument is its header; false for anything else.</summary>
    public static bool TrySkim(ReadOnlySequence<byte> payload, [NotNullWhen(true)] out HubMessage? message)
    {
        message = null;
        var reader = new Utf8JsonReader(payload);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        int? type = null;
        string? target = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : null;
            }
            else if (reader.ValueTextEquals("target"u8))
            {
                reader.Read();
                target = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("arguments"u8))
            {
                // Anything but the two messages read here (or an odd shape) goes to the standard protocol.
                if (type != InvocationType || target is not ("delta" or "snapshot")
                    || !reader.Read() || reader.TokenType != JsonTokenType.StartArray
                    || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return false;
                }

                var (center, seq, oldest, newest) = ReadHeader(ref reader, target == "delta");
                message = new InvocationMessage(target, [target == "delta" ? new DeltaHeader(center, seq, oldest, newest) : new SnapshotHeader(center, seq)]);
                return true;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return false;
    }

    /// <summary>Reads the argument's properties until the header is complete (the server writes it first), skipping any other.</summary>
    private static (string? Center, long Seq, DateTimeOffset? Oldest, DateTimeOffset? Newest) ReadHeader(ref Utf8JsonReader reader, bool delta)
    {
        string? center = null;
        long? seq = null;
        DateTimeOffset? oldest = null, newest = null;
        bool seenOldest = false, seenNewest = false;
        while ((center is null || seq is null || (delta && !(seenOldest && seenNewest))) && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("center"u8))
            {
                reader.Read();
                center = reader.GetString();
            }
            else if (reader.ValueTextEquals("seq"u8))
            {
                reader.Read();
                seq = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("oldestEventTs"u8))
            {
                reader.Read();
                oldest = reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset();
                seenOldest = true;
            }
            else if (reader.ValueTextEquals("newestEventTs"u8))
            {
                reader.Read();
                newest = reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset();
                seenNewest = true;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return (center, seq ?? -1, oldest, newest);
    }
}
