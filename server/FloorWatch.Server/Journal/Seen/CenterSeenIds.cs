using System.Buffers;

namespace FloorWatch.Server.Journal.Seen;

/// <summary>
/// One center's journaled ids: the newest in a set of fixed size, the rest in sorted runs on disk.
/// When the set is full it is written out as a run and emptied, keeping its storage, so memory
/// stays flat however long the feed runs. Runs of about the same size are merged four at a time
/// in the background, so a lookup checks a few runs, not one per flush.
/// </summary>
public sealed class CenterSeenIds(string folder, int inMemory, ILogger log) : IDisposable
{
    private const int MergeWidth = 4;
    private readonly HashSet<UInt128> _recent = new(inMemory);
    private readonly Lock _runsGate = new();
    private SeenRun[] _runs = [];
    private Task _merging = Task.CompletedTask;
    private int _files;

    public bool Add(UInt128 id)
    {
        if (_recent.Contains(id) || OnDisk(id))
        {
            return false;
        }

        _recent.Add(id);
        return true;
    }

    /// <summary>The memory share is full: the next <see cref="Seal"/> moves it to disk.</summary>
    public bool Full => _recent.Count >= inMemory;

    /// <summary>Only ids added since the last <see cref="Seal"/> can be removed.</summary>
    public void Remove(UInt128 id) => _recent.Remove(id);

    /// <summary>Moves the newest ids to disk once the set is full.</summary>
    public void Seal()
    {
        if (!Full)
        {
            return;
        }

        var sorting = ArrayPool<UInt128>.Shared.Rent(_recent.Count);
        SeenRun run;
        try
        {
            _recent.CopyTo(sorting);
            var sorted = sorting.AsSpan(0, _recent.Count);
            sorted.Sort();
            run = SeenRun.Write(NextPath(), sorted);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The ids stay in memory and the next seal tries again: more memory, nothing lost.
            log.LogWarning(ex, "Could not move {Count} journaled ids to disk; they stay in memory", _recent.Count);
            return;
        }
        finally
        {
            ArrayPool<UInt128>.Shared.Return(sorting);
        }

        lock (_runsGate)
        {
            _runs = [.. _runs, run];
        }

        _recent.Clear();
        if (_merging.IsCompleted)
        {
            _merging = Task.Run(MergeWhileDue);
        }
    }

    /// <summary>Runs on disk and what they keep in memory, which a test holds to a bound.</summary>
    public (int Runs, long Ids, long MemoryBytes) Disk
    {
        get
        {
            var runs = Volatile.Read(ref _runs);
            return (runs.Length, runs.Sum(r => r.Count), runs.Sum(r => r.MemoryBytes));
        }
    }

    /// <summary>Completes when no merge is under way.</summary>
    public Task Merged => _merging;

    private bool OnDisk(UInt128 id)
    {
        lock (_runsGate)
        {
            foreach (var run in _runs)
            {
                if (run.Contains(id))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void MergeWhileDue()
    {
        while (Due() is { } inputs)
        {
            try
            {
                var merged = SeenRun.Merge(NextPath(), inputs);
                lock (_runsGate)
                {
                    _runs = [.. _runs.Except(inputs), merged];
                }

                foreach (var run in inputs)
                {
                    run.Dispose();
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The runs stay as they are: lookups check more of them, nothing is lost.
                log.LogWarning(ex, "Merging {Count} runs of journaled ids failed; they stay unmerged", inputs.Count);
                return;
            }
        }
    }

    /// <summary>The oldest <see cref="MergeWidth"/> runs of one size tier (tier n holds up to 4^n flushes), if some tier has that many.</summary>
    private List<SeenRun>? Due()
    {
        var runs = Volatile.Read(ref _runs);
        return runs
            .GroupBy(r => Tier(r.Count))
            .Where(g => g.Count() >= MergeWidth)
            .Select(g => g.Take(MergeWidth).ToList())
            .FirstOrDefault();
    }

    private int Tier(long count)
    {
        var tier = 0;
        for (var flushes = count / inMemory; flushes >= MergeWidth; flushes /= MergeWidth)
        {
            tier++;
        }

        return tier;
    }

    private string NextPath() => Path.Combine(folder, $"{Interlocked.Increment(ref _files):D6}.ids");

    public void Dispose()
    {
        _merging.Wait();
        foreach (var run in _runs)
        {
            run.Dispose();
        }
    }
}
