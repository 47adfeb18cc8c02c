using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using FloorWatch.Benchmarks.Workload;
using FloorWatch.Server.Journal;

namespace FloorWatch.Benchmarks.Push;

/// <summary>
/// The journal writer encodes every accepted event as "seq\tE\t{raw json}\n" into its pending
/// buffer before the group commit (JournalFile.AddEvent). The commit's write and fsync are I/O and
/// left out: the records are discarded, so this is the CPU share of journaling, per 10,000 events.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes it in [GlobalCleanup]; benchmark classes must not be sealed.")]
public class JournalLines
{
    private string _folder = "";
    private JournalFile _journal = null!;
    private byte[][] _lines = [];

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("floorwatch-bench-").FullName;
        _journal = new JournalFile(_folder);
        var stream = SimulatedCenter.OneHour;
        _lines = stream.Lines.Skip(stream.Lines.Count / 2).Take(10_000).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _journal.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public void AddEvent10k()
    {
        for (var i = 0; i < _lines.Length; i++)
        {
            _journal.AddEvent(i + 1, _lines[i]);
        }

        _journal.Discard();
    }
}
