using System.Text.Json;
using FloorWatch.Contracts.Views;

namespace FloorWatch.Server.Api;

/// <summary>
/// An alert as the serializer writes it with the API's options (contract section 5), written field
/// by field: an agent's row carries its open alerts in every delta it is in, and on a busy floor
/// many agents have one, so reflection here was a tenth of writing the rows.
/// </summary>
public static class AlertJson
{
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
    private static readonly JsonEncodedText Center = JsonEncodedText.Encode("center");
    private static readonly JsonEncodedText Agent = JsonEncodedText.Encode("agent");
    private static readonly JsonEncodedText Queue = JsonEncodedText.Encode("queue");
    private static readonly JsonEncodedText Call = JsonEncodedText.Encode("call");
    private static readonly JsonEncodedText RaisedAt = JsonEncodedText.Encode("raisedAt");
    private static readonly JsonEncodedText State = JsonEncodedText.Encode("state");
    private static readonly JsonEncodedText By = JsonEncodedText.Encode("by");
    private static readonly JsonEncodedText AcknowledgedAt = JsonEncodedText.Encode("acknowledgedAt");
    private static readonly JsonEncodedText ResolvedAt = JsonEncodedText.Encode("resolvedAt");
    private static readonly JsonEncodedText EscalatedAt = JsonEncodedText.Encode("escalatedAt");
    private static readonly JsonEncodedText Detail = JsonEncodedText.Encode("detail");

    public static void Write(Utf8JsonWriter writer, AlertView a)
    {
        writer.WriteStartObject();
        writer.WriteString(Id, a.Id);
        writer.WriteString(Kind, a.Kind);
        writer.WriteString(Severity, a.Severity);
        writer.WriteString(Center, a.Center);
        writer.WritePropertyName(Agent);
        RowValues.Text(writer, a.Agent);
        writer.WritePropertyName(Queue);
        RowValues.Text(writer, a.Queue);
        writer.WritePropertyName(Call);
        RowValues.Text(writer, a.Call);
        writer.WriteString(RaisedAt, a.RaisedAt);
        writer.WriteString(State, a.State);
        writer.WritePropertyName(By);
        RowValues.Text(writer, a.By);
        writer.WritePropertyName(AcknowledgedAt);
        RowValues.Time(writer, a.AcknowledgedAt);
        writer.WritePropertyName(ResolvedAt);
        RowValues.Time(writer, a.ResolvedAt);
        writer.WritePropertyName(EscalatedAt);
        RowValues.Time(writer, a.EscalatedAt);
        writer.WriteString(Detail, a.Detail);
        writer.WriteEndObject();
    }
}
