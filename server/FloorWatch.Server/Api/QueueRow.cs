using System.Text.Json;
using System.Text.Json.Serialization;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Figures;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;

namespace FloorWatch.Server.Api;

/// <summary>
/// A queue's row (or the center's totals) of the read API and the hub (contract section 3): now,
/// this interval, today, the staffing and the settings. Every delta holds every queue that changed,
/// so like an agent's row it is written field by field, noting where its fields and those of its
/// four objects lie.
/// </summary>
[JsonConverter(typeof(QueueRowConverter))]
public readonly record struct QueueRow(QueueView Queue)
{
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText NameField = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Now = JsonEncodedText.Encode("now");
    private static readonly JsonEncodedText Waiting = JsonEncodedText.Encode("waiting");
    private static readonly JsonEncodedText LongestWaitSeconds = JsonEncodedText.Encode("longestWaitSeconds");
    private static readonly JsonEncodedText OldestWaitingSince = JsonEncodedText.Encode("oldestWaitingSince");
    private static readonly JsonEncodedText Staffed = JsonEncodedText.Encode("staffed");
    private static readonly JsonEncodedText Available = JsonEncodedText.Encode("available");
    private static readonly JsonEncodedText Ringing = JsonEncodedText.Encode("ringing");
    private static readonly JsonEncodedText OnCall = JsonEncodedText.Encode("onCall");
    private static readonly JsonEncodedText WrapUp = JsonEncodedText.Encode("wrapUp");
    private static readonly JsonEncodedText NotReady = JsonEncodedText.Encode("notReady");
    private static readonly JsonEncodedText NotReadyByReason = JsonEncodedText.Encode("notReadyByReason");
    private static readonly JsonEncodedText RequiredAgents = JsonEncodedText.Encode("requiredAgents");
    private static readonly JsonEncodedText EstimatedWaitSeconds = JsonEncodedText.Encode("estimatedWaitSeconds");
    private static readonly JsonEncodedText Interval = JsonEncodedText.Encode("interval");
    private static readonly JsonEncodedText Today = JsonEncodedText.Encode("today");
    private static readonly JsonEncodedText Offered = JsonEncodedText.Encode("offered");
    private static readonly JsonEncodedText Answered = JsonEncodedText.Encode("answered");
    private static readonly JsonEncodedText Abandoned = JsonEncodedText.Encode("abandoned");
    private static readonly JsonEncodedText ShortAbandoned = JsonEncodedText.Encode("shortAbandoned");
    private static readonly JsonEncodedText Overflowed = JsonEncodedText.Encode("overflowed");
    private static readonly JsonEncodedText TransferredOut = JsonEncodedText.Encode("transferredOut");
    private static readonly JsonEncodedText AnsweredWithinThreshold = JsonEncodedText.Encode("answeredWithinThreshold");
    private static readonly JsonEncodedText ServiceLevel = JsonEncodedText.Encode("serviceLevel");
    private static readonly JsonEncodedText AsaSeconds = JsonEncodedText.Encode("asaSeconds");
    private static readonly JsonEncodedText AbandonRate = JsonEncodedText.Encode("abandonRate");
    private static readonly JsonEncodedText Handled = JsonEncodedText.Encode("handled");
    private static readonly JsonEncodedText AhtSeconds = JsonEncodedText.Encode("ahtSeconds");
    private static readonly JsonEncodedText Occupancy = JsonEncodedText.Encode("occupancy");
    private static readonly JsonEncodedText Settings = JsonEncodedText.Encode("settings");
    private static readonly JsonEncodedText SlThresholdSeconds = JsonEncodedText.Encode("slThresholdSeconds");
    private static readonly JsonEncodedText SlTarget = JsonEncodedText.Encode("slTarget");
    private static readonly JsonEncodedText ShortAbandonSeconds = JsonEncodedText.Encode("shortAbandonSeconds");
    private static readonly JsonEncodedText SlFormulaField = JsonEncodedText.Encode("slFormula");
    private static readonly JsonEncodedText WrapUpSeconds = JsonEncodedText.Encode("wrapUpSeconds");

    /// <summary>How many fields a row has, those of its objects included.</summary>
    public const int FieldCount = 7 + 12 + 13 + 13 + 6;

    /// <summary>
    /// Writes the row as the serializer would with <paramref name="options"/>, noting where each
    /// field lies in <paramref name="fields"/> when room is given (<see cref="FieldCount"/>).
    /// </summary>
    /// <returns>How many fields were noted.</returns>
    public int Write(Utf8JsonWriter writer, JsonSerializerOptions options, Span<JsonField> fields = default)
    {
        var q = Queue;
        var counts = q.Now.Counts;
        var marks = new JsonFieldMarks(writer, fields);
        writer.WriteStartObject();
        marks.Name(Id);
        writer.WriteStringValue(q.Id);
        marks.Name(NameField);
        RowValues.Text(writer, q.Name);

        marks.BeginObject(Now);
        marks.Name(Waiting);
        writer.WriteNumberValue(counts.Waiting);
        marks.Name(LongestWaitSeconds);
        RowValues.Number(writer, counts.LongestWaitSeconds, options);
        marks.Name(OldestWaitingSince);
        RowValues.Time(writer, OldestWaiting(q.WaitingCalls));

        marks.Name(Staffed);
        writer.WriteNumberValue(counts.Staffed);
        marks.Name(Available);
        writer.WriteNumberValue(counts.Available);
        marks.Name(Ringing);
        writer.WriteNumberValue(counts.Ringing);
        marks.Name(OnCall);
        writer.WriteNumberValue(counts.OnCall);
        marks.Name(WrapUp);
        writer.WriteNumberValue(counts.WrapUp);
        marks.Name(NotReady);
        writer.WriteNumberValue(counts.NotReady);
        marks.Name(NotReadyByReason);
        writer.WriteStartObject();
        foreach (var (reason, agents) in counts.NotReadyByReason)
        {
            RowValues.Key(writer, reason, options);
            writer.WriteNumberValue(agents);
        }

        writer.WriteEndObject();
        marks.Name(RequiredAgents);
        writer.WriteNumberValue(q.Now.RequiredAgents);
        marks.Name(EstimatedWaitSeconds);
        RowValues.Number(writer, q.Now.EstimatedWaitSeconds, options);
        marks.EndObject();

        WriteFigures(writer, ref marks, Interval, q.Interval, options);
        WriteFigures(writer, ref marks, Today, q.Today, options);
        marks.Name(RequiredAgents);
        writer.WriteNumberValue(q.RequiredAgents);
        WriteSettings(writer, ref marks, q.Settings, options);
        marks.End();
        writer.WriteEndObject();
        return marks.Fields.Length;
    }

    private static DateTimeOffset? OldestWaiting(IReadOnlyList<WaitingCall> waiting)
    {
        DateTimeOffset? oldest = null;
        for (var i = 0; i < waiting.Count; i++)
        {
            if (oldest is not { } o || waiting[i].EnteredAt < o)
            {
                oldest = waiting[i].EnteredAt;
            }
        }

        return oldest;
    }

    private static void WriteFigures(Utf8JsonWriter writer, ref JsonFieldMarks marks, JsonEncodedText name, WindowFigures f, JsonSerializerOptions options)
    {
        marks.BeginObject(name);
        marks.Name(Offered);
        writer.WriteNumberValue(f.Offered);
        marks.Name(Answered);
        writer.WriteNumberValue(f.Answered);
        marks.Name(Abandoned);
        writer.WriteNumberValue(f.Abandoned);
        marks.Name(ShortAbandoned);
        writer.WriteNumberValue(f.ShortAbandoned);
        marks.Name(Overflowed);
        writer.WriteNumberValue(f.Overflowed);
        marks.Name(TransferredOut);
        writer.WriteNumberValue(f.TransferredOut);
        marks.Name(AnsweredWithinThreshold);
        writer.WriteNumberValue(f.AnsweredWithinThreshold);
        marks.Name(ServiceLevel);
        RowValues.Number(writer, f.ServiceLevel, options);
        marks.Name(AsaSeconds);
        RowValues.Number(writer, f.AsaSeconds, options);
        marks.Name(AbandonRate);
        RowValues.Number(writer, f.AbandonRate, options);
        marks.Name(Handled);
        writer.WriteNumberValue(f.Handled);
        marks.Name(AhtSeconds);
        RowValues.Number(writer, f.AhtSeconds, options);
        marks.Name(Occupancy);
        RowValues.Number(writer, f.Occupancy, options);
        marks.EndObject();
    }

    private static void WriteSettings(Utf8JsonWriter writer, ref JsonFieldMarks marks, QueueSettings s, JsonSerializerOptions options)
    {
        marks.BeginObject(Settings);
        marks.Name(NameField);
        RowValues.Text(writer, s.Name);
        marks.Name(SlThresholdSeconds);
        RowValues.Number(writer, s.SlThresholdSeconds, options);
        marks.Name(SlTarget);
        RowValues.Number(writer, s.SlTarget, options);
        marks.Name(ShortAbandonSeconds);
        RowValues.Number(writer, s.ShortAbandonSeconds, options);
        marks.Name(SlFormulaField);

        // The options' enum converter names it: one per row, not worth a copy of its naming.
        JsonSerializer.Serialize(writer, s.SlFormula, options);
        marks.Name(WrapUpSeconds);
        RowValues.Number(writer, s.WrapUpSeconds, options);
        marks.EndObject();
    }

    private sealed class QueueRowConverter : JsonConverter<QueueRow>
    {
        public override QueueRow Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("a queue's row is only written");

        public override void Write(Utf8JsonWriter writer, QueueRow value, JsonSerializerOptions options) => _ = value.Write(writer, options);
    }
}
