using FloorWatch.Domain.Events;
using FloorWatch.Simulator;
using Microsoft.Extensions.Time.Testing;

namespace FloorWatch.Benchmarks.Workload;

/// <summary>
/// The benchmarks' input: one simulated hour of a 2,000-agent center in 50 queues, from the
/// simulator's seeded model on a fake clock (as tests/FloorWatch.Simulator.Tests/Simulation.cs
/// drives it), so every run and every machine sees the same realistic CTI stream.
/// </summary>
public static class SimulatedCenter
{
    public const string Center = "bench";
    public const int AgentCount = 2_000;
    public const int QueueCount = 50;
    public static readonly DateTimeOffset Start = new(2026, 11, 17, 8, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Length = TimeSpan.FromHours(1);

    /// <summary>The parser's "now": just after the last event, so no event is in the future.</summary>
    public static DateTimeOffset End => Start + Length;

    private static readonly Lazy<Feed> Hour = new(() => Run(Length));

    public sealed record Feed(IReadOnlyList<SwitchEvent> Events, IReadOnlyList<byte[]> Lines, IReadOnlyList<CtiEvent> Parsed);

    /// <summary>The hour's events, their NDJSON lines (without the newline, as ingest hands them to the parser) and the parsed events.</summary>
    public static Feed OneHour => Hour.Value;

    /// <summary>The four demo queues and 46 more of an average share; about as many calls per agent as the demo's 48-agent floor.</summary>
    public static SimulatorOptions Options { get; } = new()
    {
        Center = Center,
        Agents = AgentCount,
        Queues = QueueProfile.Defaults
            .Concat(Enumerable.Range(QueueProfile.Defaults.Count + 1, QueueCount - QueueProfile.Defaults.Count).Select(i => QueueProfile.ForId($"q{i:00}")))
            .ToList(),
        CallsPerHour = 900.0 * AgentCount / 48,
        Seed = 20261117,
        RunId = "bench",
    };

    public static Feed Run(TimeSpan length)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var time = new FakeTimeProvider(Start);
        var model = new CenterModel(Options, time);
        var events = new List<SwitchEvent>();
        var end = Start + length;
        model.Advance(events);
        while (model.NextDueAt is { } next && next <= end)
        {
            if (next > time.GetUtcNow())
            {
                time.SetUtcNow(next);
            }

            model.Advance(events);
        }

        var lines = events.Select(e => SwitchEventJson.ToLine(e).AsSpan(..^1).ToArray()).ToList();
        var parsed = lines.Select(l => CtiEventParser.Parse(l, end).Event ?? throw new InvalidOperationException("the simulator made an invalid line")).ToList();
        Console.WriteLine($"// simulated {length.TotalMinutes} minutes of {AgentCount} agents in {QueueCount} queues: {events.Count} events in {watch.Elapsed.TotalSeconds:0.0} s");
        return new Feed(events, lines, parsed);
    }
}
