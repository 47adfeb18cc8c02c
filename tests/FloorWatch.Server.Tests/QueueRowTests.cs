using System.Buffers;
using System.Text;
using System.Text.Json;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Figures;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;
using FloorWatch.Server.Api;
using FloorWatch.Server.Journal;
using FloorWatch.Server.Push;

namespace FloorWatch.Server.Tests;

/// <summary>
/// A queue's row written field by field is the JSON the serializer made of the row's shape, byte
/// for byte; the fields it notes, its objects' own fields too, are where a reader finds them; and
/// rows of changes made from them are those made by reading the rows back.
/// </summary>
public class QueueRowTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);
    private static readonly string[] Reasons = ["lunch", "training", "培训", "a \"quoted\" <reason>"];

    /// <summary>The row's shape as it was before it was written by hand: the serializer's reflection is the oracle.</summary>
    private static object SerializerRow(QueueView q) => new
    {
        id = q.Id,
        name = q.Name,
        now = new
        {
            waiting = q.Now.Counts.Waiting,
            longestWaitSeconds = q.Now.Counts.LongestWaitSeconds,
            oldestWaitingSince = q.WaitingCalls.Count > 0 ? q.WaitingCalls.Min(w => w.EnteredAt) : (DateTimeOffset?)null,
            staffed = q.Now.Counts.Staffed,
            available = q.Now.Counts.Available,
            ringing = q.Now.Counts.Ringing,
            onCall = q.Now.Counts.OnCall,
            wrapUp = q.Now.Counts.WrapUp,
            notReady = q.Now.Counts.NotReady,
            notReadyByReason = q.Now.Counts.NotReadyByReason,
            requiredAgents = q.Now.RequiredAgents,
            estimatedWaitSeconds = q.Now.EstimatedWaitSeconds,
        },
        interval = q.Interval,
        today = q.Today,
        requiredAgents = q.RequiredAgents,
        settings = q.Settings,
    };

    private static double? Figure(Random r) => r.Next(8) switch
    {
        0 => null,
        1 => double.NaN,
        2 => double.NegativeInfinity,
        3 => 0,
        _ => Math.Round(r.NextDouble() * 300, r.Next(6)),
    };

    private static WindowFigures RandomFigures(Random r) => new()
    {
        Offered = r.Next(5000),
        Answered = r.Next(5000),
        Abandoned = r.Next(100),
        ShortAbandoned = r.Next(10),
        Overflowed = r.Next(10),
        TransferredOut = r.Next(10),
        AnsweredWithinThreshold = r.Next(5000),
        ServiceLevel = Figure(r),
        AsaSeconds = Figure(r),
        AbandonRate = Figure(r),
        Handled = r.NextInt64(long.MaxValue),
        AhtSeconds = Figure(r),
        Occupancy = Figure(r),
    };

    private static QueueView RandomView(Random r, int n) => new()
    {
        Id = $"q{n}",
        Name = r.Next(4) switch { 0 => null, 1 => $"Queue {n}", 2 => $"售后{n}号", _ => "a \"quoted\" <queue>" },
        Now = new QueueNowView
        {
            Counts = new QueueNow
            {
                Waiting = r.Next(40),
                LongestWaitSeconds = r.Next(6) == 0 ? double.PositiveInfinity : r.NextDouble() * 600,
                Staffed = r.Next(100),
                Available = r.Next(30),
                Ringing = r.Next(5),
                OnCall = r.Next(60),
                WrapUp = r.Next(10),
                NotReady = r.Next(10),
                NotReadyByReason = Reasons.Take(r.Next(Reasons.Length + 1)).ToDictionary(x => x, _ => r.Next(1, 9)),
            },
            RequiredAgents = r.Next(80),
            EstimatedWaitSeconds = Figure(r),
        },
        Interval = RandomFigures(r),
        Today = RandomFigures(r),
        RequiredAgents = r.Next(80),
        Settings = new QueueSettings
        {
            Name = r.Next(3) == 0 ? null : $"设置{n}",
            SlThresholdSeconds = r.Next(1, 60),
            SlTarget = Math.Round(r.NextDouble(), 2),
            ShortAbandonSeconds = r.NextDouble() * 10,
            SlFormula = (SlFormula)r.Next(3),
            WrapUpSeconds = r.Next(3) == 0 ? double.NaN : r.Next(120),
        },
        WaitingCalls = [.. Enumerable.Range(0, r.Next(4)).Select(i => new WaitingCall
        {
            Call = $"c{n}-{i}",
            Queue = $"q{n}",
            EnteredAt = AsOf.AddSeconds(-r.Next(900)).AddTicks(r.Next(10_000_000)),
        })],
    };

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 8)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_row_is_what_the_serializer_made_of_its_shape(int seed)
    {
        var r = new Random(seed);
        for (var n = 0; n < 60; n++)
        {
            var view = RandomView(r, n);

            var expected = JsonSerializer.Serialize(SerializerRow(view), JournalJson.Options);
            Assert.Equal(expected, JsonSerializer.Serialize(ApiJson.Queue(view), JournalJson.Options));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_fields_noted_are_where_a_reader_finds_them(int seed)
    {
        var r = new Random(seed);
        var buffer = new ArrayBufferWriter<byte>();
        var fields = new JsonField[QueueRow.FieldCount];
        for (var n = 0; n < 60; n++)
        {
            buffer.ResetWrittenCount();
            int noted;
            using (var writer = new Utf8JsonWriter(buffer))
            {
                noted = ApiJson.Queue(RandomView(r, n)).Write(writer, JournalJson.Options, fields);
            }

            Assert.Equal(QueueRow.FieldCount, noted);
            Assert.Equal(JsonFieldReader.Read(buffer.WrittenSpan, JsonFieldReader.QueueNested), fields);
        }
    }

    [Fact]
    public void Rows_of_changes_from_noted_fields_are_those_from_rows_read_back()
    {
        var r = new Random(11);
        var views = Enumerable.Range(0, 30).Select(n => RandomView(r, n)).ToArray();
        var totals = RandomView(r, 99);
        var changes = new DeltaChanges();
        var readBack = new RowChanges();
        var readBackTotals = new RowChanges();
        for (var seq = 1; seq <= 30; seq++)
        {
            // Some queues change a little (a count now, a figure of the interval), some a lot, some not at all.
            for (var i = 0; i < views.Length; i++)
            {
                views[i] = r.Next(3) switch
                {
                    0 => views[i] with
                    {
                        Now = views[i].Now with { Counts = views[i].Now.Counts with { Waiting = r.Next(40) } },
                        Interval = views[i].Interval with { Offered = views[i].Interval.Offered + 1 },
                    },
                    1 => RandomView(r, i),
                    _ => views[i],
                };
            }

            totals = seq % 4 == 0 ? totals : RandomView(r, 99);
            var delta = new FloorDelta
            {
                Center = "hq",
                Seq = seq,
                AsOf = AsOf.AddSeconds(seq),
                Totals = totals,
                Queues = views,
                Feed = new FeedView(),
            };
            var (floor, board) = changes.Messages(delta, new { status = "ok" });
            var sent = JsonDocument.Parse(JsonSerializer.Serialize(floor, JournalJson.Options)).RootElement;
            var boardSent = JsonDocument.Parse(JsonSerializer.Serialize(board, JournalJson.Options)).RootElement;

            var expected = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(expected))
            {
                writer.WriteStartArray();
                foreach (var v in views)
                {
                    ReadBack(readBack, writer, v);
                }

                writer.WriteEndArray();
            }

            Assert.Equal(Encoding.UTF8.GetString(expected.WrittenSpan), sent.GetProperty("queues").GetRawText());
            Assert.Equal(sent.GetProperty("queues").GetRawText(), boardSent.GetProperty("queues").GetRawText());

            expected.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(expected))
            {
                ReadBack(readBackTotals, writer, totals);
            }

            Assert.Equal(Encoding.UTF8.GetString(expected.WrittenSpan), sent.GetProperty("totals").GetRawText());
        }
    }

    private static void ReadBack(RowChanges changes, Utf8JsonWriter writer, QueueView q)
    {
        var row = JsonSerializer.SerializeToUtf8Bytes(SerializerRow(q), JournalJson.Options);
        changes.Write(writer, q.Id, row, JsonFieldReader.Read(row, JsonFieldReader.QueueNested));
    }
}
