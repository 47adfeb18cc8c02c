using System.Text.Json;
using System.Text.Json.Serialization;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;

namespace FloorWatch.Server.Api;

/// <summary>
/// An agent's row of the read API and the hub (contract section 3), with its open alerts
/// (<see cref="Alerts"/> holds only this agent's). A supervisor's delta is mostly these rows, so
/// they are written field by field rather than through the serializer's reflection, and a row is a
/// value, not one more object per agent per push.
/// </summary>
[JsonConverter(typeof(AgentRowConverter))]
public readonly record struct AgentRow(AgentView Agent, DateTimeOffset AsOf, AlertView[] Alerts)
{
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText NameField = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText State = JsonEncodedText.Encode("state");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText Since = JsonEncodedText.Encode("since");
    private static readonly JsonEncodedText Seat = JsonEncodedText.Encode("seat");
    private static readonly JsonEncodedText Queues = JsonEncodedText.Encode("queues");
    private static readonly JsonEncodedText Call = JsonEncodedText.Encode("call");
    private static readonly JsonEncodedText Queue = JsonEncodedText.Encode("queue");
    private static readonly JsonEncodedText TalkSeconds = JsonEncodedText.Encode("talkSeconds");
    private static readonly JsonEncodedText Held = JsonEncodedText.Encode("held");
    private static readonly JsonEncodedText Vip = JsonEncodedText.Encode("vip");
    private static readonly JsonEncodedText Handled = JsonEncodedText.Encode("handled");
    private static readonly JsonEncodedText AhtSeconds = JsonEncodedText.Encode("ahtSeconds");
    private static readonly JsonEncodedText SecondsByState = JsonEncodedText.Encode("secondsByState");
    private static readonly JsonEncodedText SecondsByReason = JsonEncodedText.Encode("secondsByReason");
    private static readonly JsonEncodedText MissedOffers = JsonEncodedText.Encode("missedOffers");
    private static readonly JsonEncodedText AlertsField = JsonEncodedText.Encode("alerts");

    /// <summary>How many fields a row has, the five of its seconds per state included.</summary>
    public const int FieldCount = 18 + 5;

    /// <summary>The five states' names in the order of <see cref="StateSecondsDictionary"/>, encoded once: they are noted as the fields of an object.</summary>
    private static readonly JsonEncodedText[] StateNames =
        new StateSecondsDictionary(new double[AgentPhaseNames.Count]).Keys.Select(k => JsonEncodedText.Encode(k)).ToArray();

    /// <summary>
    /// Writes the row as the serializer would with <paramref name="options"/>, noting where each
    /// field lies in <paramref name="fields"/> when it has room for them.
    /// </summary>
    /// <returns>How many fields were noted.</returns>
    public int Write(Utf8JsonWriter writer, JsonSerializerOptions options, Span<JsonField> fields = default)
    {
        var a = Agent;
        var call = a.Call;
        var marks = new JsonFieldMarks(writer, fields);
        writer.WriteStartObject();
        marks.Name(Id);
        writer.WriteStringValue(a.Id);
        marks.Name(NameField);
        RowValues.Text(writer, a.Name);
        marks.Name(State);
        writer.WriteStringValue(a.State);
        marks.Name(Reason);
        RowValues.Text(writer, a.Reason);
        marks.Name(Since);
        writer.WriteStringValue(a.Since);
        marks.Name(Seat);
        RowValues.Text(writer, a.Seat);
        marks.Name(Queues);
        writer.WriteStartArray();
        foreach (var q in a.Queues)
        {
            RowValues.Text(writer, q);
        }

        writer.WriteEndArray();
        marks.Name(Call);
        RowValues.Text(writer, call?.Call);
        marks.Name(Queue);
        RowValues.Text(writer, call?.Queue);
        marks.Name(TalkSeconds);
        RowValues.Number(writer, call is null ? null : Math.Max(0, (AsOf - call.Since).TotalSeconds), options);
        marks.Name(Held);
        writer.WriteBooleanValue(call?.Held ?? false);
        marks.Name(Vip);
        writer.WriteBooleanValue(call?.Vip ?? false);
        marks.Name(Handled);
        writer.WriteNumberValue(a.Handled);
        marks.Name(AhtSeconds);
        RowValues.Number(writer, a.AhtSeconds, options);
        if (a.SecondsByState is StateSecondsDictionary byState)
        {
            // Always the same five states, of which one moves between two pushes: a row of changes
            // then carries that one alone rather than all five.
            marks.BeginObject(SecondsByState);
            for (var i = 0; i < byState.Count; i++)
            {
                var (state, seconds) = byState.At(i);
                marks.Name(options.DictionaryKeyPolicy is { } policy ? JsonEncodedText.Encode(policy.ConvertName(state)) : StateNames[i]);
                RowValues.Number(writer, seconds, options);
            }

            marks.EndObject();
        }
        else
        {
            marks.Name(SecondsByState);
            WriteMap(writer, a.SecondsByState, options);
        }

        marks.Name(SecondsByReason);
        WriteMap(writer, a.SecondsByReason, options);
        marks.Name(MissedOffers);
        writer.WriteNumberValue(a.MissedOffers);
        marks.Name(AlertsField);
        writer.WriteStartArray();
        foreach (var alert in Alerts)
        {
            AlertJson.Write(writer, alert);
        }

        writer.WriteEndArray();

        marks.End();
        writer.WriteEndObject();
        return marks.Fields.Length;
    }

    private static void WriteMap(Utf8JsonWriter writer, IReadOnlyDictionary<string, double> map, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (map is ISecondsDictionary indexed)
        {
            for (var i = 0; i < indexed.Count; i++)
            {
                WriteEntry(writer, indexed.At(i), options);
            }
        }
        else
        {
            foreach (var entry in map)
            {
                WriteEntry(writer, entry, options);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter writer, KeyValuePair<string, double> entry, JsonSerializerOptions options)
    {
        RowValues.Key(writer, entry.Key, options);
        RowValues.Number(writer, entry.Value, options);
    }

    private sealed class AgentRowConverter : JsonConverter<AgentRow>
    {
        public override AgentRow Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("an agent's row is only written");

        public override void Write(Utf8JsonWriter writer, AgentRow value, JsonSerializerOptions options) => _ = value.Write(writer, options);
    }
}
