using System.Globalization;
using System.Text;
using FloorWatch.Contracts.Grains;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Events;
using FloorWatch.Tests.Support;
using Orleans.Concurrency;

namespace FloorWatch.Grains.Tests;

/// <summary>The worked example applied through the center, queue and agent grains gives the expected figures.</summary>
[Collection(SharedCluster.Name)]
public class WorkedExampleGrainTests(ClusterFixture fixture)
{
    internal static readonly DateTimeOffset AsOf = DateTimeOffset.Parse("2026-11-26T00:00:00Z", CultureInfo.InvariantCulture);

    internal static JournalEntry[] Journal(string center)
    {
        var seq = 0L;
        return File.ReadLines(ExpectedFigures.DataFile("shift-2026-11-17.ndjson"))
            .Select(line => CtiEventParser.Parse(Encoding.UTF8.GetBytes(line), AsOf).Event! with { Center = center })
            .Select(e => new JournalEntry(++seq, e, null))
            .ToArray();
    }

    [Fact]
    public async Task Shift_applied_in_batches_through_the_grains_gives_the_expected_intervals()
    {
        var center = fixture.Grains.GetGrain<ICenterGrain>("grain-example");
        foreach (var batch in Journal("grain-example").Chunk(97))
        {
            await center.Apply(batch.AsImmutable());
        }

        await AssertExpected(center);
    }

    [Fact]
    public async Task Entries_applied_twice_are_counted_once()
    {
        var center = fixture.Grains.GetGrain<ICenterGrain>("grain-twice");
        var journal = Journal("grain-twice");
        await center.Apply(journal[..1000].AsImmutable());
        await center.Apply(journal.AsImmutable());
        await center.Apply(journal.AsImmutable());

        await AssertExpected(center);
        var snapshot = await center.Snapshot(AsOf);
        Assert.Equal(journal.Length, snapshot.Feed.EventsApplied);
    }

    [Fact]
    public async Task Snapshot_after_the_shift_shows_every_agent_logged_out_and_no_call_waiting()
    {
        var center = fixture.Grains.GetGrain<ICenterGrain>("grain-snapshot");
        await center.Apply(Journal("grain-snapshot").AsImmutable());

        var snapshot = await center.Snapshot(AsOf);

        Assert.Equal(["billing", "general", "vip"], snapshot.Queues.Select(q => q.Id));
        Assert.Equal(12, snapshot.Agents.Count);
        Assert.All(snapshot.Agents, a => Assert.Equal("loggedout", a.State));
        Assert.Empty(snapshot.Calls);
        Assert.Equal(0, snapshot.Totals.Now.Counts.Staffed);
    }

    [Fact]
    public async Task Agent_intervals_account_for_every_second_between_login_and_logout()
    {
        var center = fixture.Grains.GetGrain<ICenterGrain>("grain-agent");
        await center.Apply(Journal("grain-agent").AsImmutable());

        var rows = await center.AgentIntervals("A01", new DateOnly(2026, 11, 17), AsOf);

        // A01 logged in at 08:00:04.759 and out at 10:18:36.152: 8,311.393 s in some state.
        Assert.NotNull(rows);
        Assert.Equal(96, rows.Length);
        Assert.Equal(8311.393, rows.Sum(r => r.SecondsByState.Values.Sum()), 6);
        Assert.Equal(15 * 60 - 4.759, rows.Single(r => r.Start.Hour == 8 && r.Start.Minute == 0).SecondsByState.Values.Sum(), 6);
        Assert.True(rows.Sum(r => r.Handled) > 0);
        Assert.Null(await center.AgentIntervals("nobody", new DateOnly(2026, 11, 17), AsOf));
    }

    internal static async Task AssertExpected(ICenterGrain center)
    {
        var day = new DateOnly(2026, 11, 17);
        var mismatches = new List<string>();
        foreach (var group in ExpectedFigures.Load("shift-2026-11-17.expected.json").GroupBy(x => x.Queue))
        {
            var rows = await center.Intervals(day, group.Key, AsOf);
            Assert.NotNull(rows);
            Assert.Equal(96, rows.Length);
            foreach (var (queue, start, figures) in group)
            {
                var row = rows.Single(r => r.Start == start);
                mismatches.AddRange(ExpectedFigures.Compare(row.Figures, figures).Select(m => $"{queue} {start:HH:mm} {m}"));
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }
}
