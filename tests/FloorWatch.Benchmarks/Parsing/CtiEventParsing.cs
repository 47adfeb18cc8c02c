using BenchmarkDotNet.Attributes;
using FloorWatch.Benchmarks.Workload;
using FloorWatch.Domain.Events;
using FloorWatch.Simulator;

namespace FloorWatch.Benchmarks.Parsing;

/// <summary>
/// Ingest parses and validates every line before it is journaled (EventBatchReader, CtiLinkServer),
/// and a start replays the whole journal through the same parser: its cost is paid per event, twice
/// over a restart. One line of each common shape, and 10,000 lines of the simulated stream as they come.
/// </summary>
[MemoryDiagnoser]
public class CtiEventParsing
{
    public const int BatchLines = 10_000;
    private byte[][] _batch = [];
    private DateTimeOffset _now;

    /// <summary>One line per shape, taken from the stream: BenchmarkDotNet shows each by its name.</summary>
    public sealed class Sample(string name, byte[] line)
    {
        public byte[] Line { get; } = line;

        public override string ToString() => name;
    }

    public static IEnumerable<Sample> Samples()
    {
        var stream = SimulatedCenter.OneHour;
        Sample First(string name, Func<SwitchEvent, bool> match)
        {
            for (var i = 0; i < stream.Events.Count; i++)
            {
                if (match(stream.Events[i]))
                {
                    return new Sample(name, stream.Lines[i]);
                }
            }

            throw new InvalidOperationException($"no {name} line in the simulated hour");
        }

        yield return First("agent.login", e => e.Type == "agent.login" && e.Queues is { Count: > 1 });
        yield return First("agent.notready", e => e.Type == "agent.notready");
        yield return First("call.queued vip", e => e.Type == "call.queued" && e.Vip == true && e.Priority is not null);
        yield return First("call.answered", e => e.Type == "call.answered");
        yield return First("call.tagged", e => e.Type == "call.tagged");
        yield return First("call.ended url", e => e.Type == "call.ended");
    }

    [GlobalSetup]
    public void Setup()
    {
        var stream = SimulatedCenter.OneHour;

        // From the middle of the hour: the steady mix of calls, breaks and logins, not the opening logins.
        _batch = stream.Lines.Skip(stream.Lines.Count / 2).Take(BatchLines).ToArray();
        _now = SimulatedCenter.End;
    }

    [Benchmark]
    [ArgumentsSource(nameof(Samples))]
    public ParseResult Line(Sample line) => CtiEventParser.Parse(line.Line, _now);

    [Benchmark]
    public int Batch10k()
    {
        var valid = 0;
        foreach (var line in _batch)
        {
            valid += CtiEventParser.Parse(line, _now).IsValid ? 1 : 0;
        }

        return valid;
    }
}
