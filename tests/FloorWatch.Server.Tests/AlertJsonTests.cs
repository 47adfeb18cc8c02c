using System.Buffers;
using System.Text;
using System.Text.Json;
using FloorWatch.Contracts.Views;
using FloorWatch.Server.Api;
using FloorWatch.Server.Journal;

namespace FloorWatch.Server.Tests;

/// <summary>An alert written field by field is what the serializer makes of it with the API's options, byte for byte.</summary>
public class AlertJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 30, 0, TimeSpan.FromHours(8));
    private static readonly string?[] Texts = [null, "A1", "q-9", "张伟", "a \"quoted\" <text> & more"];

    private static string? Text(Random r) => Texts[r.Next(Texts.Length)];

    private static DateTimeOffset? Time(Random r) => r.Next(3) == 0 ? null : At.AddSeconds(r.Next(-900, 900)).AddTicks(r.Next(10_000_000));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void An_alert_is_what_the_serializer_made_of_it(int seed)
    {
        var r = new Random(seed);
        for (var n = 0; n < 100; n++)
        {
            var alert = new AlertView
            {
                Id = $"hq-{n}",
                Kind = r.Next(2) == 0 ? "notready.overtime" : "break.unapproved",
                Severity = r.Next(2) == 0 ? "warning" : "critical",
                Center = Text(r) ?? "hq",
                Agent = Text(r),
                Queue = Text(r),
                Call = Text(r),
                RaisedAt = Time(r) ?? At,
                State = r.Next(3) switch { 0 => "open", 1 => "acknowledged", _ => "resolved" },
                By = Text(r),
                AcknowledgedAt = Time(r),
                ResolvedAt = Time(r),
                EscalatedAt = Time(r),
                Detail = Text(r) ?? "示忙 over 5 minutes",
                Version = r.Next(5),
            };

            var written = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(written))
            {
                AlertJson.Write(writer, alert);
            }

            Assert.Equal(JsonSerializer.Serialize(alert, JournalJson.Options), Encoding.UTF8.GetString(written.WrittenSpan));
        }
    }
}
