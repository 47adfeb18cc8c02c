using System.Globalization;
using FloorWatch.Domain.Events;
using FloorWatch.Domain.QueueLog;
using FloorWatch.Tests.Support;

namespace FloorWatch.Domain.Tests;

/// <summary>The worked Asterisk queue_log, translated and folded, gives exactly the expected figures, interval by interval.</summary>
public class QueueLogWorkedExampleTests
{
    [Fact]
    public void Asterisk_2026_11_16_gives_the_expected_figures_for_every_queue_and_interval()
    {
        var batch = Translate();
        var floor = new TestFloor();
        var now = DateTimeOffset.Parse("2026-11-26T00:00:00Z", CultureInfo.InvariantCulture);
        foreach (var (line, json) in batch.Events)
        {
            var r = CtiEventParser.Parse(json, now);
            Assert.True(r.IsValid, $"line {line}: {r.Error}");
            floor.Apply(r.Event!);
        }

        var expected = ExpectedFigures.Load("asterisk-2026-11-16.expected.json").ToList();
        var mismatches = expected
            .SelectMany(x => ExpectedFigures.Compare(floor.Interval(x.Queue, x.Start), x.Figures).Select(m => $"{x.Queue} {x.Start:HH:mm} {m}"))
            .ToList();

        Assert.True(expected.Count > 0);
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public void Every_line_is_read_and_only_the_lines_that_mean_nothing_to_the_floor_are_skipped()
    {
        var batch = Translate();

        Assert.Empty(batch.Rejected);
        // QUEUESTART, the ring-all bursts under 5 s (81 of the 102 RINGNOANSWER lines), and the
        // UNPAUSEALL after each call of a member that was not paused (282 less the 57 after a PAUSEALL).
        Assert.Equal(1 + 81 + 225, batch.Skipped);
        Assert.Equal(batch.Events.Count, batch.Events.Select(e => System.Text.Json.JsonDocument.Parse(e.Json).RootElement.GetProperty("id").GetString()).Distinct().Count());
    }

    private static QueueLogBatch Translate()
    {
        var translator = new QueueLogTranslator("asterisk", _ => 0);
        var batch = new QueueLogBatch();
        translator.AddText(File.ReadAllBytes(ExpectedFigures.DataFile("asterisk-2026-11-16.queue_log")), "queue_log", batch);
        translator.Finish(batch);
        return batch;
    }
}
