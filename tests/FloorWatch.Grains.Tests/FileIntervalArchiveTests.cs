using FloorWatch.Domain.Figures;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Time;
using FloorWatch.Grains.Archive;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FloorWatch.Grains.Tests;

/// <summary>The interval archive in files: what is written is read back whole, by entity and range, and bad lines are passed over.</summary>
public sealed class FileIntervalArchiveTests : IDisposable
{
    private static readonly long Day1 = new DateTimeOffset(2026, 11, 17, 0, 0, 0, TimeSpan.Zero).UtcTicks;
    private static readonly long Day2 = Day1 + TimeSpan.TicksPerDay;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "floorwatch-archive-tests-" + Guid.NewGuid().ToString("N"));
    private readonly ListLogger _log = new();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private FileIntervalArchive Archive() => new(Options.Create(new IntervalArchiveOptions { Folder = _folder }), _log);

    private static long At(long day, int interval) => day + (interval * CenterClock.IntervalTicks);

    private static AgentInterval Interval(double available, string reason, double notReady, long handled = 1)
    {
        var i = new AgentInterval { Handled = handled, HandleTimeSum = 100.25 * handled };
        i.AddSeconds(AgentPhase.Available, null, available);
        i.AddSeconds(AgentPhase.NotReady, reason, notReady);
        return i;
    }

    private static object Sums(AgentInterval i) =>
        (string.Join(",", i.SecondsByPhase.ToArray()), string.Join(",", i.SecondsByReason.OrderBy(p => p.Key)), i.Handled, i.HandleTimeSum);

    [Fact]
    public async Task An_agents_intervals_are_read_back_as_written_and_not_mixed_with_another_whose_id_begins_the_same()
    {
        var archive = Archive();
        await archive.AddAgentAsync("c1", "A1", [new(At(Day1, 3), Interval(12.5, "午餐", 300)), new(At(Day1, 4), Interval(0.1 + 0.2, "away", 1e-7))]);
        await archive.AddAgentAsync("c1", "A10", [new(At(Day1, 3), Interval(99, "away", 1))]);

        var read = await archive.AgentAsync("c1", "A1", Day1, Day2);

        Assert.Equal([At(Day1, 3), At(Day1, 4)], read.Keys.Order());
        Assert.Equal(Sums(Interval(12.5, "午餐", 300)), Sums(read[At(Day1, 3)]));
        Assert.Equal(Sums(Interval(0.1 + 0.2, "away", 1e-7)), Sums(read[At(Day1, 4)]));
        Assert.Empty(await archive.AgentAsync("c1", "A", Day1, Day2));
        Assert.Empty(await archive.AgentAsync("c2", "A1", Day1, Day2));
    }

    [Fact]
    public async Task Agents_are_spread_over_several_files_and_each_is_read_back_from_its_own()
    {
        var archive = Archive();
        var agents = Enumerable.Range(1, 40).Select(k => $"座席{k}").ToList();
        foreach (var (agent, k) in agents.Select((a, k) => (a, k)))
        {
            await archive.AddAgentAsync("c1", agent, [new(At(Day1, k), Interval(k, "away", 1))]);
        }

        Assert.True(Directory.GetFiles(Path.Combine(_folder, "c1")).Length > 4);
        foreach (var (agent, k) in agents.Select((a, k) => (a, k)))
        {
            var read = await archive.AgentAsync("c1", agent, Day1, Day2);
            Assert.Equal(At(Day1, k), Assert.Single(read).Key);
            Assert.Equal(k, read[At(Day1, k)].SecondsByPhase[(int)AgentPhase.Available]);
        }
    }

    [Fact]
    public async Task A_later_write_of_the_same_interval_adds_to_it()
    {
        var archive = Archive();
        await archive.AddAgentAsync("c1", "A1", [new(At(Day1, 3), Interval(10, "away", 5))]);
        await archive.AddAgentAsync("c1", "A1", [new(At(Day1, 3), Interval(2, "lunch", 1, handled: 2))]);

        var read = (await archive.AgentAsync("c1", "A1", Day1, Day2))[At(Day1, 3)];

        Assert.Equal(12, read.SecondsByPhase[(int)AgentPhase.Available]);
        Assert.Equal(new Dictionary<string, double> { ["away"] = 5, ["lunch"] = 1 }, read.SecondsByReason);
        Assert.Equal(3, read.Handled);
    }

    [Fact]
    public async Task A_range_over_two_utc_days_reads_both_and_only_what_starts_inside_it()
    {
        var archive = Archive();
        await archive.AddQueueAsync("c1", "q1", [new(At(Day1, 94), new IntervalCounters { Offered = 1 }), new(At(Day1, 95), new IntervalCounters { Offered = 2 })]);
        await archive.AddQueueAsync("c1", "q1", [new(At(Day2, 0), new IntervalCounters { Offered = 4, AnsweredWaitSum = 1.5 })]);
        await archive.AddQueueAsync("c1", null, [new(At(Day2, 0), new IntervalCounters { Offered = 100 })]);

        var read = await archive.QueueAsync("c1", "q1", At(Day1, 95), At(Day2, 1));

        Assert.Equal([At(Day1, 95), At(Day2, 0)], read.Keys.Order());
        Assert.Equal(2, read[At(Day1, 95)].Offered);
        Assert.Equal(1.5, read[At(Day2, 0)].AnsweredWaitSum);
        Assert.Equal(100, (await archive.QueueAsync("c1", null, Day2, At(Day2, 1)))[At(Day2, 0)].Offered);
    }

    [Fact]
    public async Task An_unreadable_line_is_passed_over_with_an_error_naming_it_and_the_others_are_read()
    {
        var archive = Archive();
        await archive.AddAgentAsync("c1", "A1", [new(At(Day1, 3), Interval(10, "away", 5))]);
        var file = Directory.GetFiles(Path.Combine(_folder, "c1")).Single();
        await File.AppendAllTextAsync(file, "{\"id\":\"A1\",\"intervals\":[{\"start\":\"not a time\"}]}\n");
        await archive.AddAgentAsync("c1", "A1", [new(At(Day1, 5), Interval(1, "away", 1))]);

        var read = await archive.AgentAsync("c1", "A1", Day1, Day2);

        Assert.Equal([At(Day1, 3), At(Day1, 5)], read.Keys.Order());
        var error = Assert.Single(_log.Errors);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(file), error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_is_of_one_utc_day()
    {
        var archive = Archive();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => archive.AddAgentAsync("c1", "A1", [new(At(Day1, 95), new AgentInterval()), new(At(Day2, 0), new AgentInterval())]));

        Assert.Contains("2026-11-17 to 2026-11-18", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_center_id_that_is_not_one_never_reaches_a_path()
    {
        var archive = Archive();

        await Assert.ThrowsAsync<ArgumentException>(() => archive.AddAgentAsync("../c1", "A1", [new(At(Day1, 0), new AgentInterval())]));
        await Assert.ThrowsAsync<ArgumentException>(() => archive.AgentAsync("..", "A1", Day1, Day2));
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task The_folder_is_emptied_at_start_because_the_replay_writes_it_again()
    {
        await Archive().AddAgentAsync("c1", "A1", [new(At(Day1, 3), Interval(10, "away", 5))]);

        var archive = Archive();

        Assert.Empty(Directory.GetFileSystemEntries(_folder));
        Assert.Empty(await archive.AgentAsync("c1", "A1", Day1, Day2));
    }

    [Fact]
    public void An_archive_without_a_folder_says_so()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new FileIntervalArchive(Options.Create(new IntervalArchiveOptions()), _log));

        Assert.Contains("folder", ex.Message, StringComparison.Ordinal);
    }

    private sealed class ListLogger : ILogger<FileIntervalArchive>
    {
        public List<string> Errors { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                Errors.Add(formatter(state, exception));
            }
        }
    }
}
