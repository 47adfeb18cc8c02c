using FloorWatch.Server.Journal.Seen;
using Microsoft.Extensions.Logging.Abstractions;

namespace FloorWatch.Server.Tests;

/// <summary>
/// The journaled-id store with a tiny memory share, so that ids go to disk and runs are merged
/// within a test: a repeat is caught wherever its first copy now lives, and a new id never is.
/// </summary>
public sealed class SeenIdsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fw-seen-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private SeenIds Make(int inMemory) => new(_folder, NullLogger.Instance, inMemory);

    [Fact]
    public async Task A_repeat_is_caught_in_memory_on_disk_and_after_merges_and_a_new_id_never_is()
    {
        using var seen = Make(inMemory: 64);
        var random = new Random(7);
        const int Ids = 20_000;
        for (var i = 0; i < Ids; i++)
        {
            Assert.True(seen.Add("c1", $"e{i}"), $"new id e{i} taken for a repeat");
            seen.Seal();
            if (i % 97 == 0)
            {
                // A resend of an earlier event, wherever it lives by now (merges may be under way).
                var earlier = random.Next(i + 1);
                Assert.False(seen.Add("c1", $"e{earlier}"), $"repeat e{earlier} taken as new");
            }
        }

        await seen.Merged;
        var (runs, onDisk, memory) = seen.Centers["c1"].Disk;
        Assert.Equal(Ids / 64 * 64, onDisk);
        // 312 flushes merged four at a time: at most three runs of each size are left.
        Assert.InRange(runs, 1, 3 * 5);
        Assert.InRange(memory, 1, Ids * 4L);
        for (var i = 0; i < Ids; i++)
        {
            Assert.False(seen.Add("c1", $"e{i}"), $"repeat e{i} taken as new after merging");
        }

        for (var i = Ids; i < Ids + 5_000; i++)
        {
            Assert.True(seen.Add("c1", $"e{i}"), $"new id e{i} taken for a repeat after merging");
        }
    }

    [Fact]
    public void Centers_are_apart_an_id_is_unique_per_center()
    {
        using var seen = Make(inMemory: 4);
        for (var i = 0; i < 50; i++)
        {
            Assert.True(seen.Add("c1", $"e{i}"));
            seen.Seal();
        }

        Assert.True(seen.Add("c2", "e1"));
        Assert.False(seen.Add("c1", "e1"));
    }

    [Fact]
    public void An_id_removed_before_it_is_sealed_is_taken_again()
    {
        using var seen = Make(inMemory: 8);
        Assert.True(seen.Add("c1", "lost"));
        seen.Remove("c1", "lost");
        Assert.True(seen.Add("c1", "lost"));
        Assert.False(seen.Add("c1", "lost"));
    }

    [Fact]
    public async Task A_new_store_starts_empty_and_clears_what_an_earlier_one_left()
    {
        using (var first = Make(inMemory: 2))
        {
            for (var i = 0; i < 40; i++)
            {
                first.Add("c1", $"e{i}");
                first.Seal();
            }

            await first.Merged;
        }

        var stale = Path.Combine(_folder, "0001", "999999.ids");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        await File.WriteAllBytesAsync(stale, new byte[16]);
        using var second = Make(inMemory: 2);
        Assert.False(File.Exists(stale));
        Assert.True(second.Add("c1", "e1"));
    }

    [Fact]
    public void A_run_holds_exactly_its_ids()
    {
        Directory.CreateDirectory(_folder);
        var random = new Random(11);
        var ids = Enumerable.Range(0, 3_000).Select(_ => new UInt128((ulong)random.NextInt64(), (ulong)random.NextInt64())).Distinct().Order().ToArray();
        using var run = SeenRun.Write(Path.Combine(_folder, "a.ids"), ids);
        Assert.Equal(ids.Length, run.Count);
        Assert.All(ids, id => Assert.True(run.Contains(id)));
        var absent = Enumerable.Range(0, 3_000).Select(_ => new UInt128((ulong)random.NextInt64(), (ulong)random.NextInt64())).Except(ids);
        Assert.All(absent, id => Assert.False(run.Contains(id)));
        Assert.False(run.Contains(UInt128.Zero));
        Assert.False(run.Contains(UInt128.MaxValue));
    }

    [Fact]
    public void Merged_runs_hold_the_union_once()
    {
        Directory.CreateDirectory(_folder);
        UInt128[] a = [1, 5, 9, 300], b = [2, 5, 10], c = [];
        using var ra = SeenRun.Write(Path.Combine(_folder, "a.ids"), a);
        using var rb = SeenRun.Write(Path.Combine(_folder, "b.ids"), b);
        using var rc = SeenRun.Write(Path.Combine(_folder, "c.ids"), c);
        using var merged = SeenRun.Merge(Path.Combine(_folder, "m.ids"), [ra, rb, rc]);
        Assert.Equal(6, merged.Count);
        foreach (var id in new UInt128[] { 1, 2, 5, 9, 10, 300 })
        {
            Assert.True(merged.Contains(id));
        }

        Assert.False(merged.Contains(3));
        Assert.Equal(6 * 16, new FileInfo(merged.Path).Length);
    }
}
