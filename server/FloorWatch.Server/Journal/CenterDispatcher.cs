using System.Collections.Concurrent;
using System.Threading.Channels;
using FloorWatch.Contracts.Grains;
using FloorWatch.Contracts.Views;
using FloorWatch.Server.Centers;
using FloorWatch.Server.Options;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace FloorWatch.Server.Journal;

/// <summary>
/// Hands each center's journaled records to its CenterGrain in order, in batches, one batch at a
/// time per center. Reads can wait until everything journaled before them has been applied, and
/// the journal writer until the records not yet applied are back within their limit.
/// </summary>
public sealed class CenterDispatcher
{
    private const int MaxBatch = 4096;
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly IGrainFactory _grains;
    private readonly CenterRegistry _centers;
    private readonly ILogger<CenterDispatcher> _log;
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ApplyBacklog _backlog;
    private readonly TimeSpan _gather;
    private readonly TimeProvider _time;
    private volatile bool _replayed;

    public CenterDispatcher(IGrainFactory grains, CenterRegistry centers, IOptions<FloorWatchOptions> options, TimeProvider time, ILogger<CenterDispatcher> log)
    {
        _backlog = new ApplyBacklog(options.Value.MaxUnappliedRecords);
        _gather = TimeSpan.FromMilliseconds(options.Value.ApplyGatherMs);
        _time = time;
        _grains = grains;
        _centers = centers;
        _log = log;
    }

    private sealed class Lane(string center)
    {
        public string Center { get; } = center;
        public Channel<JournalEntry> Queue { get; } = Channel.CreateUnbounded<JournalEntry>(new UnboundedChannelOptions { SingleReader = true });
        public long Enqueued;
        public long Applied;

        /// <summary>The last record of this center replayed from the journal at start.</summary>
        public long ReplayEnd;

        /// <summary>1 once the center's rules run on the wall clock.</summary>
        public int Live;
        public readonly List<(long Seq, TaskCompletionSource Done)> Waiters = [];
    }

    /// <summary>Records not yet applied, over all centers.</summary>
    /// <remarks>Counted here: a channel with a single reader cannot count its items.</remarks>
    public long Backlog => _backlog.Count;

    /// <summary>Completes once the records not yet applied are within <see cref="FloorWatchOptions.MaxUnappliedRecords"/>.</summary>
    public Task WaitForRoomAsync(CancellationToken ct) => _backlog.WaitForRoomAsync(ct);

    /// <summary>From now on the centers apply what is enqueued: the silo is up.</summary>
    public void Open() => _open.TrySetResult();

    /// <summary>
    /// The journal's replay is all enqueued: waits until every center has applied it, then lets the
    /// wall clock move each center's rules (their timers start), before any live record comes.
    /// </summary>
    public async Task ReplayedAsync(CancellationToken ct)
    {
        foreach (var lane in _lanes.Values)
        {
            await WaitAppliedAsync(lane.Center, ct);
        }

        _replayed = true;
        foreach (var lane in _lanes.Values)
        {
            await GoLiveIfReplayed(_grains.GetGrain<ICenterGrain>(lane.Center), lane);
        }
    }

    public void Enqueue(string center, IReadOnlyList<JournalEntry> entries, bool replayed = false)
    {
        var lane = _lanes.GetOrAdd(center, c =>
        {
            var l = new Lane(c);
            _ = Task.Run(() => RunLogged(l));
            return l;
        });
        _backlog.Added(entries.Count);
        foreach (var e in entries)
        {
            lane.Queue.Writer.TryWrite(e);
        }

        Interlocked.Exchange(ref lane.Enqueued, entries[^1].Seq);
        if (replayed)
        {
            Interlocked.Exchange(ref lane.ReplayEnd, entries[^1].Seq);
        }
    }

    /// <summary>Completes once every record journaled for <paramref name="center"/> before this call has been applied.</summary>
    /// <remarks>
    /// A configured center that no record has named yet is read as configured (its name, zone and
    /// queues): its grain is given those settings first, as its lane would on its first record.
    /// </remarks>
    public Task WaitAppliedAsync(string center, CancellationToken ct)
    {
        if (!_lanes.TryGetValue(center, out var lane))
        {
            return _centers.Configured(center) is { } configured
                ? _grains.GetGrain<ICenterGrain>(center).Initialize(configured).WaitAsync(ct)
                : Task.CompletedTask;
        }

        var target = Interlocked.Read(ref lane.Enqueued);
        lock (lane.Waiters)
        {
            if (Interlocked.Read(ref lane.Applied) >= target)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lane.Waiters.Add((target, done));
            return done.Task.WaitAsync(ct);
        }
    }

    /// <summary>A lane that stopped would hold its center's records for good: it must at least say so.</summary>
    private async Task RunLogged(Lane lane)
    {
        try
        {
            await Run(lane);
        }
        catch (Exception ex)
        {
            _log.LogCritical(ex, "Center {Center}: its records are no longer applied (its lane stopped); restart the server, which applies them from the journal", lane.Center);
        }
    }

    private async Task Run(Lane lane)
    {
        await _open.Task;
        var grain = _grains.GetGrain<ICenterGrain>(lane.Center);
        if (_centers.Configured(lane.Center) is { } configured)
        {
            try
            {
                await grain.Initialize(configured);
            }
            catch (Exception ex)
            {
                // The lane goes on: a lane that ended here would hold its center's records, and the journal writer with them, for good.
                _log.LogError(ex, "Center {Center}: its configured settings could not be given to it; its records are applied under the defaults", lane.Center);
            }
        }

        var batch = new List<JournalEntry>(MaxBatch);
        var reader = lane.Queue.Reader;
        await GoLiveIfReplayed(grain, lane);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            var heldForPush = await ApplyAsync(grain, lane.Center, batch);
            Interlocked.Exchange(ref lane.Applied, batch[^1].Seq);
            _backlog.Applied(batch.Count);
            await GoLiveIfReplayed(grain, lane);
            Release(lane);
            if (!heldForPush && batch.Count < MaxBatch && _gather > TimeSpan.Zero && _replayed)
            {
                // A center nobody watches sends each batch's facts out at once, and taken at once a
                // steady feed comes a few dozen records a batch, each touching an agent of its own:
                // about one grain call a record. Waiting lets the next batch gather more records per
                // call. A watched center gathers its facts until its push by itself. A replay has its
                // records at hand and waits for none: it is held only by its limit.
                await Task.Delay(_gather, _time);
            }
        }
    }

    /// <summary>Once the replay is over and a center's replayed records are applied, the wall clock moves its rules too (their timers start).</summary>
    /// <remarks>Both the lane and <see cref="ReplayedAsync"/> may ask at once: only one goes on.</remarks>
    private async Task GoLiveIfReplayed(ICenterGrain grain, Lane lane)
    {
        if (!_replayed || Interlocked.Read(ref lane.Applied) < Interlocked.Read(ref lane.ReplayEnd) || Interlocked.Exchange(ref lane.Live, 1) == 1)
        {
            return;
        }

        try
        {
            await grain.GoLive();
        }
        catch (Exception ex)
        {
            _log.LogError(ex, "Center {Center}: its rules could not go live; alerts wait for its next events", lane.Center);
            Interlocked.Exchange(ref lane.Live, 0);
        }
    }

    /// <summary>Applies a batch, retrying a few times; true when the center holds its facts for its next push.</summary>
    private async Task<bool> ApplyAsync(ICenterGrain grain, string center, List<JournalEntry> batch)
    {
        var entries = batch.ToArray();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await grain.Apply(entries.AsImmutable());
            }
            catch (Exception ex) when (attempt < 5)
            {
                _log.LogWarning(ex, "Center {Center}: applying records {First}..{Last} failed (attempt {Attempt}); retrying", center, entries[0].Seq, entries[^1].Seq, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
            }
            catch (Exception ex)
            {
                _log.LogError(ex, "Center {Center}: records {First}..{Last} could not be applied and were passed over; they stay in the journal", center, entries[0].Seq, entries[^1].Seq);
                return false;
            }
        }
    }

    private static void Release(Lane lane)
    {
        var applied = Interlocked.Read(ref lane.Applied);
        lock (lane.Waiters)
        {
            lane.Waiters.RemoveAll(w =>
            {
                if (w.Seq > applied)
                {
                    return false;
                }

                w.Done.TrySetResult();
                return true;
            });
        }
    }
}
