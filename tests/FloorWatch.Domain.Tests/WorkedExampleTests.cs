using System.Globalization;
using System.Text;
using FloorWatch.Domain.Events;
using FloorWatch.Tests.Support;

namespace FloorWatch.Domain.Tests;

/// <summary>The worked example of a two-hour shift gives exactly the expected figures, interval by interval.</summary>
public class WorkedExampleTests
{
    [Fact]
    public void Shift_2026_11_17_gives_the_expected_figures_for_every_queue_and_interval()
    {
        var floor = new TestFloor();
        var now = DateTimeOffset.Parse("2026-11-26T00:00:00Z", CultureInfo.InvariantCulture);
        foreach (var line in File.ReadLines(ExpectedFigures.DataFile("shift-2026-11-17.ndjson")))
        {
            var r = CtiEventParser.Parse(Encoding.UTF8.GetBytes(line), now);
            Assert.True(r.IsValid, r.Error);
            floor.Apply(r.Event!);
        }

        var expected = ExpectedFigures.Load("shift-2026-11-17.expected.json").ToList();
        var mismatches = expected
            .SelectMany(x => ExpectedFigures.Compare(floor.Interval(x.Queue, x.Start), x.Figures).Select(m => $"{x.Queue} {x.Start:HH:mm} {m}"))
            .ToList();

        Assert.Equal(30, expected.Count);
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }
}
