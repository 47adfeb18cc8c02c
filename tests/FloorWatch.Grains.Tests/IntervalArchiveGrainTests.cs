using System.Globalization;
using System.Text;
using System.Text.Json;
using FloorWatch.Contracts.Grains;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Events;
using Orleans.Concurrency;

namespace FloorWatch.Grains.Tests;

/// <summary>
/// A center moves its agents' intervals from memory to the archive an hour after they end, and a
/// past business day's queues' and its own an hour into the next day; the day read afterwards is
/// the day it was, late events for it included, and an agent's view of today still counts the whole day.
/// </summary>
[Collection(SharedCluster.Name)]
public class IntervalArchiveGrainTests(ClusterFixture fixture)
{
    private static readonly DateOnly Day = new(2026, 11, 17);
    private static readonly string[] Queues = ["billing", "general", "vip"];

    private static JournalEntry Login(long seq, string center, string ts, string agent) =>
        Event(seq, $$"""{"id":"late-{{seq}}","ts":"{{ts}}","center":"{{center}}","type":"agent.login","agent":"{{agent}}","seat":"S-{{agent}}","queues":["general"]}""");

    private static JournalEntry Logout(long seq, string center, string ts, string agent) =>
        Event(seq, $$"""{"id":"late-{{seq}}","ts":"{{ts}}","center":"{{center}}","type":"agent.logout","agent":"{{agent}}"}""");

    private static JournalEntry Event(long seq, string line)
    {
        var parsed = CtiEventParser.Parse(Encoding.UTF8.GetBytes(line), WorkedExampleGrainTests.AsOf);
        return new(seq, parsed.Event ?? throw new InvalidOperationException(parsed.Error), null);
    }

    /// <summary>The shift of 2026-11-17, then an event at 01:30 the next day, which moves the shift's day to the archive.</summary>
    private async Task<(ICenterGrain Center, long Seq)> ShiftAndNextDay(string id)
    {
        var center = fixture.Grains.GetGrain<ICenterGrain>(id);
        var journal = WorkedExampleGrainTests.Journal(id);
        await center.Apply(journal.AsImmutable());
        var seq = journal.Length + 1L;
        await center.Apply(new[] { Login(seq, id, "2026-11-18T01:30:00Z", "A01") }.AsImmutable());
        return (center, seq);
    }

    /// <summary>Every interval of the day: the center's, each queue's and each agent's, as JSON.</summary>
    private static async Task<string> DayRead(ICenterGrain center, IEnumerable<string> agents)
    {
        var read = new List<object?> { await center.Intervals(Day, null, WorkedExampleGrainTests.AsOf) };
        foreach (var queue in Queues)
        {
            read.Add(await center.Intervals(Day, queue, WorkedExampleGrainTests.AsOf));
        }

        foreach (var agent in agents)
        {
            read.Add(await center.AgentIntervals(agent, Day, WorkedExampleGrainTests.AsOf));
        }

        return JsonSerializer.Serialize(read);
    }

    private static string[] Agents() => [.. Enumerable.Range(1, 12).Select(k => $"A{k:00}")];

    private string[] ArchiveFiles(string center) =>
        [.. Directory.GetFiles(Path.Combine(fixture.ArchiveFolder, center)).Select(Path.GetFileName).Order()!];

    [Fact]
    public async Task A_past_day_read_from_the_archive_is_the_day_read_from_memory()
    {
        var center = fixture.Grains.GetGrain<ICenterGrain>("archive-same");
        await center.Apply(WorkedExampleGrainTests.Journal("archive-same").AsImmutable());
        var fromMemory = await DayRead(center, Agents());
        Assert.DoesNotContain(ArchiveFiles("archive-same"), f => !f.StartsWith("2026-11-17.agents-", StringComparison.Ordinal));

        await center.Apply(new[] { Login(5000, "archive-same", "2026-11-18T01:30:00Z", "A01") }.AsImmutable());

        var files = ArchiveFiles("archive-same");
        Assert.Contains("2026-11-17.center.ndjson", files);
        Assert.Contains("2026-11-17.queues.ndjson", files);
        Assert.True(files.Count(f => f.StartsWith("2026-11-17.agents-", StringComparison.Ordinal)) > 1, string.Join(", ", files));
        Assert.Equal(fromMemory, await DayRead(center, Agents()));
        await WorkedExampleGrainTests.AssertExpected(center);
    }

    [Fact]
    public async Task Queues_and_the_center_move_only_once_the_new_day_is_an_hour_old()
    {
        var center = fixture.Grains.GetGrain<ICenterGrain>("archive-early");
        await center.Apply(WorkedExampleGrainTests.Journal("archive-early").AsImmutable());

        await center.Apply(new[] { Login(5000, "archive-early", "2026-11-18T00:59:59Z", "A01") }.AsImmutable());

        var files = ArchiveFiles("archive-early");
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.StartsWith("2026-11-17.agents-", f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Agents_intervals_move_an_hour_after_they_end_and_a_view_of_today_still_counts_them()
    {
        // The shift runs 08:00 to 10:18, so by its end the agents' intervals before 09:00 are on disk.
        var center = fixture.Grains.GetGrain<ICenterGrain>("archive-hour");
        var journal = WorkedExampleGrainTests.Journal("archive-hour");
        await center.Apply(journal.Where(e => e.Event!.Ts < DateTimeOffset.Parse("2026-11-17T09:59:59Z", CultureInfo.InvariantCulture)).ToArray().AsImmutable());
        Assert.False(Directory.Exists(Path.Combine(fixture.ArchiveFolder, "archive-hour")));
        await center.Apply(journal.AsImmutable());
        Assert.All(ArchiveFiles("archive-hour"), f => Assert.StartsWith("2026-11-17.agents-", f, StringComparison.Ordinal));

        var asOf = DateTimeOffset.Parse("2026-11-17T10:30:00Z", CultureInfo.InvariantCulture);
        foreach (var agent in Agents())
        {
            var view = (await center.Agent(agent, asOf))!;
            var rows = (await center.AgentIntervals(agent, Day, asOf))!;
            Assert.Equal(rows.Sum(r => r.Handled), view.Handled);
            foreach (var (state, seconds) in view.SecondsByState)
            {
                Assert.Equal(rows.Sum(r => r.SecondsByState[state]), seconds, 6);
            }

            Assert.True(rows.Where(r => r.Start.Hour == 8).Sum(r => r.SecondsByState.Values.Sum()) > 0, agent);
        }

        // What moved is no longer held: without the files the first hour reads empty, and the view still counts it.
        Directory.Delete(Path.Combine(fixture.ArchiveFolder, "archive-hour"), recursive: true);
        var a01 = (await center.AgentIntervals("A01", Day, asOf))!;
        Assert.Equal(0, a01.Where(r => r.Start.Hour == 8).Sum(r => r.SecondsByState.Values.Sum()));
        Assert.True((await center.Agent("A01", asOf))!.SecondsByState.Values.Sum() > a01.Sum(r => r.SecondsByState.Values.Sum()) + 1800);
    }

    [Fact]
    public async Task A_moved_day_is_no_longer_held_in_memory()
    {
        var (center, _) = await ShiftAndNextDay("archive-gone");

        Directory.Delete(Path.Combine(fixture.ArchiveFolder, "archive-gone"), recursive: true);

        var rows = await center.AgentIntervals("A01", Day, WorkedExampleGrainTests.AsOf);
        Assert.Equal(0, rows!.Sum(r => r.SecondsByState.Values.Sum()));
        Assert.Equal(0, (await center.Intervals(Day, "general", WorkedExampleGrainTests.AsOf))!.Sum(r => r.Figures.Offered));
        Assert.Equal(0, (await center.Intervals(Day, null, WorkedExampleGrainTests.AsOf))!.Sum(r => r.Figures.Offered));
    }

    [Fact]
    public async Task A_late_event_for_a_moved_day_counts_in_it_and_moves_with_the_next_day_once()
    {
        var (center, seq) = await ShiftAndNextDay("archive-late");
        var before = await DayRead(center, Agents());

        // A latecomer's ten minutes on the moved day, then the next day's move.
        await center.Apply(new[]
        {
            Login(++seq, "archive-late", "2026-11-17T09:00:00Z", "Z01"),
            Logout(++seq, "archive-late", "2026-11-17T09:10:00Z", "Z01"),
        }.AsImmutable());
        var late = await center.AgentIntervals("Z01", Day, WorkedExampleGrainTests.AsOf);
        await center.Apply(new[] { Logout(++seq, "archive-late", "2026-11-19T01:30:00Z", "A01") }.AsImmutable());
        var afterNextMove = await center.AgentIntervals("Z01", Day, WorkedExampleGrainTests.AsOf);

        Assert.Equal(600, late!.Sum(r => r.SecondsByState.Values.Sum()), 9);
        Assert.Equal(JsonSerializer.Serialize(late), JsonSerializer.Serialize(afterNextMove));
        Assert.Equal(before, await DayRead(center, Agents()));
        Assert.Contains(ArchiveFiles("archive-late"), f => f.StartsWith("2026-11-18.agents-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_late_event_for_a_moved_hour_counts_in_today_and_moves_with_the_next_hour_once()
    {
        var center = fixture.Grains.GetGrain<ICenterGrain>("archive-late-hour");
        await center.Apply(WorkedExampleGrainTests.Journal("archive-late-hour").AsImmutable());
        var seq = 5000L;
        var asOf = DateTimeOffset.Parse("2026-11-17T11:30:00Z", CultureInfo.InvariantCulture);

        // A latecomer's ten minutes in the hour already moved, then the next hour's move.
        await center.Apply(new[]
        {
            Login(++seq, "archive-late-hour", "2026-11-17T08:10:00Z", "Z01"),
            Logout(++seq, "archive-late-hour", "2026-11-17T08:20:00Z", "Z01"),
        }.AsImmutable());
        var late = (await center.AgentIntervals("Z01", Day, asOf))!;
        Assert.Equal(600, (await center.Agent("Z01", asOf))!.SecondsByState.Values.Sum(), 9);
        await center.Apply(new[] { Logout(++seq, "archive-late-hour", "2026-11-17T11:05:00Z", "A01") }.AsImmutable());

        Assert.Equal(600, late.Sum(r => r.SecondsByState.Values.Sum()), 9);
        Assert.Equal(JsonSerializer.Serialize(late), JsonSerializer.Serialize(await center.AgentIntervals("Z01", Day, asOf)));
        Assert.Equal(600, (await center.Agent("Z01", asOf))!.SecondsByState.Values.Sum(), 9);
        Assert.Single(AgentLines("archive-late-hour", "2026-11-17"), id => id == "Z01");

        Directory.Delete(Path.Combine(fixture.ArchiveFolder, "archive-late-hour"), recursive: true);
        Assert.Equal(0, (await center.AgentIntervals("Z01", Day, asOf))!.Sum(r => r.SecondsByState.Values.Sum()));
        Assert.Equal(600, (await center.Agent("Z01", asOf))!.SecondsByState.Values.Sum(), 9);
    }

    /// <summary>The ids of the agents whose lines are in the center's archive files of <paramref name="day"/>.</summary>
    private HashSet<string> AgentsInArchive(string center, string day) => [.. AgentLines(center, day)];

    /// <summary>The agent id of each line in the center's archive files of <paramref name="day"/>, a line per agent per move.</summary>
    private IEnumerable<string> AgentLines(string center, string day) =>
        Directory.GetFiles(Path.Combine(fixture.ArchiveFolder, center), $"{day}.agents-*.ndjson")
            .SelectMany(File.ReadLines)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!);

    [Fact]
    public async Task A_large_floor_moves_a_few_dozen_at_a_time_and_reads_whole_all_along()
    {
        const string id = "archive-spread";
        var center = fixture.Grains.GetGrain<ICenterGrain>(id);
        var agents = Enumerable.Range(1, 80).Select(k => $"B{k:00}").ToArray();
        var seq = 0L;
        var shift = new List<JournalEntry>();
        foreach (var agent in agents)
        {
            shift.Add(Login(++seq, id, "2026-11-17T09:00:00Z", agent));
            shift.Add(Logout(++seq, id, "2026-11-17T10:00:00Z", agent));
        }

        await center.Apply(shift.ToArray().AsImmutable());
        var fromMemory = await DayRead(center, agents);

        await center.Apply(new[] { Login(++seq, id, "2026-11-18T01:30:00Z", "B01") }.AsImmutable());
        var firstSlice = AgentsInArchive(id, "2026-11-17");
        var readMidway = await DayRead(center, agents);
        await center.Apply(new[] { Logout(++seq, id, "2026-11-18T01:31:00Z", "B01") }.AsImmutable());
        await center.Apply(new[] { Login(++seq, id, "2026-11-18T01:32:00Z", "B01") }.AsImmutable());
        var allMoved = AgentsInArchive(id, "2026-11-17");

        Assert.InRange(firstSlice.Count, 1, agents.Length - 1);
        Assert.Equal(fromMemory, readMidway);
        Assert.Equal(agents.ToHashSet(), allMoved);
        Assert.Equal(fromMemory, await DayRead(center, agents));

        // Every agent's day left memory: with the files gone, it reads empty.
        Directory.Delete(Path.Combine(fixture.ArchiveFolder, id), recursive: true);
        foreach (var agent in agents)
        {
            var rows = await center.AgentIntervals(agent, Day, WorkedExampleGrainTests.AsOf);
            Assert.Equal(0, rows!.Sum(r => r.SecondsByState.Values.Sum()));
        }
    }
}
