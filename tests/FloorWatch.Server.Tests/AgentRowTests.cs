using System.Buffers;
using System.Text;
using System.Text.Json;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;
using FloorWatch.Server.Api;
using FloorWatch.Server.Journal;
using FloorWatch.Server.Push;

namespace FloorWatch.Server.Tests;

/// <summary>
/// An agent's row written field by field is the JSON the serializer made of the row's shape, byte
/// for byte, and the fields it notes are where a reader finds them; rows of changes made from the
/// noted fields are those made by reading the rows back.
/// </summary>
public class AgentRowTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);
    private static readonly string[] States = ["notready", "available", "ringing", "oncall", "wrapup", "loggedout"];
    private static readonly string?[] Reasons = [null, "lunch", "training", "培训", "a \"quoted\" <reason>"];

    /// <summary>The row's shape as it was before it was written by hand: the serializer's reflection is the oracle.</summary>
    private static object SerializerRow(AgentView a, DateTimeOffset asOf, AlertView[] alerts) => new
    {
        id = a.Id,
        name = a.Name,
        state = a.State,
        reason = a.Reason,
        since = a.Since,
        seat = a.Seat,
        queues = a.Queues,
        call = a.Call?.Call,
        queue = a.Call?.Queue,
        talkSeconds = a.Call is { } c ? Math.Max(0, (asOf - c.Since).TotalSeconds) : (double?)null,
        held = a.Call?.Held ?? false,
        vip = a.Call?.Vip ?? false,
        handled = a.Handled,
        ahtSeconds = a.AhtSeconds,
        secondsByState = a.SecondsByState,
        secondsByReason = a.SecondsByReason,
        missedOffers = a.MissedOffers,
        alerts,
    };

    private static AgentView RandomView(Random r, int n)
    {
        var phases = new double[AgentPhaseNames.Count];
        for (var i = 0; i < phases.Length; i++)
        {
            phases[i] = r.Next(4) == 0 ? 0 : Math.Round(r.NextDouble() * 5000, r.Next(4));
        }

        var reasons = ReasonSecondsDictionary.Empty;
        for (var i = r.Next(4); i > 0; i--)
        {
            reasons = reasons.Plus(Reasons[r.Next(1, Reasons.Length)]!, r.NextDouble() * 900);
        }

        return new AgentView
        {
            Id = $"A{n}",
            Name = r.Next(5) == 0 ? null : r.Next(2) == 0 ? $"Agent {n}" : $"坐席{n}号",
            Seat = r.Next(4) == 0 ? null : $"S-{n:000}",
            Queues = [.. Enumerable.Range(0, r.Next(4)).Select(q => $"q{q}")],
            State = States[r.Next(States.Length)],
            Reason = Reasons[r.Next(Reasons.Length)],
            Since = AsOf.AddSeconds(-r.Next(3600)).AddTicks(r.Next(10_000_000)),
            Call = r.Next(3) == 0 ? null : new AgentCallInfo($"c{r.Next(1000)}", r.Next(4) == 0 ? null : "q1", AsOf.AddSeconds(r.Next(-600, 30)), r.Next(2) == 0, r.Next(2) == 0, []),
            Handled = r.Next(200),
            AhtSeconds = r.Next(6) switch { 0 => null, 1 => double.NaN, 2 => double.PositiveInfinity, _ => r.NextDouble() * 400 },
            SecondsByState = r.Next(5) == 0 ? new Dictionary<string, double> { ["available"] = r.Next(100) } : new StateSecondsDictionary(phases),
            SecondsByReason = reasons,
            MissedOffers = r.Next(5),
        };
    }

    private static AlertView[] RandomAlerts(Random r, string agent) => [.. Enumerable.Range(0, r.Next(3) == 0 ? r.Next(1, 3) : 0).Select(i => new AlertView
    {
        Id = $"{agent}-alert-{i}",
        Kind = "notready-overtime",
        Severity = "warning",
        Center = "hq",
        Agent = agent,
        RaisedAt = AsOf.AddSeconds(-i),
        State = "open",
        Detail = "示忙 over 5 minutes",
    })];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 8)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_row_is_what_the_serializer_made_of_its_shape(int seed)
    {
        var r = new Random(seed);
        for (var n = 0; n < 60; n++)
        {
            var view = RandomView(r, n);
            var alerts = RandomAlerts(r, view.Id);

            var expected = JsonSerializer.Serialize(SerializerRow(view, AsOf, alerts), JournalJson.Options);
            Assert.Equal(expected, JsonSerializer.Serialize(ApiJson.Agent(view, AsOf, alerts), JournalJson.Options));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_fields_noted_are_where_a_reader_finds_them(int seed)
    {
        var r = new Random(seed);
        var buffer = new ArrayBufferWriter<byte>();
        var fields = new JsonField[AgentRow.FieldCount];
        for (var n = 0; n < 60; n++)
        {
            var view = RandomView(r, n);
            buffer.ResetWrittenCount();
            int noted;
            using (var writer = new Utf8JsonWriter(buffer))
            {
                noted = ApiJson.Agent(view, AsOf, RandomAlerts(r, view.Id)).Write(writer, JournalJson.Options, fields);
            }

            // The seconds per state are an object of five noted fields when they are the five states.
            var byState = view.SecondsByState is StateSecondsDictionary;
            Assert.Equal(byState ? AgentRow.FieldCount : AgentRow.FieldCount - 5, noted);
            Assert.Equal(JsonFieldReader.Read(buffer.WrittenSpan, byState ? JsonFieldReader.AgentNested : []), fields.AsSpan(0, noted).ToArray());
        }
    }

    [Fact]
    public void Rows_of_changes_from_noted_fields_are_those_from_rows_read_back()
    {
        var r = new Random(7);
        var views = Enumerable.Range(0, 40).Select(n => RandomView(r, n)).ToArray();
        var changes = new DeltaChanges();
        var readBack = new RowChanges();
        for (var seq = 1; seq <= 30; seq++)
        {
            // Some agents change a little (their state, a figure), some a lot, some not at all.
            for (var i = 0; i < views.Length; i++)
            {
                views[i] = r.Next(3) switch
                {
                    0 => views[i] with { State = States[r.Next(States.Length)], Handled = views[i].Handled + r.Next(2) },
                    1 => RandomView(r, i),
                    _ => views[i],
                };
            }

            var asOf = AsOf.AddSeconds(seq);
            var delta = new FloorDelta
            {
                Center = "hq",
                Seq = seq,
                AsOf = asOf,
                Totals = DeltaChangesTests.Totals,
                Agents = views,
                Feed = new FeedView(),
            };
            var (floor, _) = changes.Messages(delta, new { status = "ok" });
            var sent = JsonDocument.Parse(JsonSerializer.Serialize(floor, JournalJson.Options)).RootElement.GetProperty("agents").GetRawText();

            var expected = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(expected))
            {
                writer.WriteStartArray();
                foreach (var v in views)
                {
                    var row = JsonSerializer.SerializeToUtf8Bytes(SerializerRow(v, asOf, []), JournalJson.Options);
                    readBack.Write(writer, v.Id, row, JsonFieldReader.Read(row, v.SecondsByState is StateSecondsDictionary ? JsonFieldReader.AgentNested : []));
                }

                writer.WriteEndArray();
            }

            Assert.Equal(Encoding.UTF8.GetString(expected.WrittenSpan), sent);
        }
    }
}
