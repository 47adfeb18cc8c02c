using System.Collections.Concurrent;
using FloorWatch.LoadGen.Timing;

namespace FloorWatch.LoadGen.Viewers;

/// <summary>What every viewer saw, added up: deltas, seq gaps and duplicates, errors, and the end-to-end latency.</summary>
internal sealed class ViewerStats
{
    private const int MaxErrorsKept = 10;
    private readonly Lock _lock = new();
    private readonly List<string> _errors = [];
    private long _deltas;
    private long _windowDeltas;
    private long _snapshots;
    private long _gaps;
    private long _missedSeqs;
    private long _duplicates;
    private long _errorCount;
    private long _rejoins;
    private long _wallboardBytes;
    private long _wallboardDeltas;
    private long _supervisorBytes;
    private long _supervisorDeltas;
    private long _snapshotBytes;

    /// <summary>From a delta's <c>newestEventTs</c> (its newest event's due send time) to when a client held it.</summary>
    public LatencyRecorder Latency { get; } = new();

    /// <summary>The same, of the wallboards only (they may be sent less than the supervisors).</summary>
    public LatencyRecorder WallboardLatency { get; } = new();

    public LatencyRecorder SupervisorLatency { get; } = new();

    /// <summary>Deltas applied (seq in order, or after a gap), over all viewers.</summary>
    public long Deltas => Interlocked.Read(ref _deltas);

    public long Snapshots => Interlocked.Read(ref _snapshots);

    /// <summary>Times a viewer saw seq jump ahead.</summary>
    public long Gaps => Interlocked.Read(ref _gaps);

    /// <summary>Seqs skipped over in those jumps.</summary>
    public long MissedSeqs => Interlocked.Read(ref _missedSeqs);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long ErrorCount => Interlocked.Read(ref _errorCount);

    public long Rejoins => Interlocked.Read(ref _rejoins);

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_lock)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>The newest event ts any viewer of each center has held.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> NewestHeld { get; } = new(StringComparer.Ordinal);

    public void Delta(string center, DateTimeOffset? newestEventTs)
    {
        Interlocked.Increment(ref _deltas);
        Interlocked.Increment(ref _windowDeltas);
        if (newestEventTs is { } ts)
        {
            NewestHeld.AddOrUpdate(center, ts, (_, held) => ts > held ? ts : held);
        }
    }

    /// <summary>Deltas since the previous call.</summary>
    public long TakeWindowDeltas() => Interlocked.Exchange(ref _windowDeltas, 0);

    public void Snapshot() => Interlocked.Increment(ref _snapshots);

    /// <summary>Bytes of the deltas received by wallboards and by supervisors, and of the snapshots (counted when viewers read headers only).</summary>
    public (long Wallboard, long WallboardDeltas, long Supervisor, long SupervisorDeltas, long Snapshots) Bytes =>
        (Interlocked.Read(ref _wallboardBytes), Interlocked.Read(ref _wallboardDeltas), Interlocked.Read(ref _supervisorBytes), Interlocked.Read(ref _supervisorDeltas), Interlocked.Read(ref _snapshotBytes));

    public void Received(string kind, string target, long bytes)
    {
        if (target == "snapshot")
        {
            Interlocked.Add(ref _snapshotBytes, bytes);
        }
        else if (kind == "wallboard")
        {
            Interlocked.Add(ref _wallboardBytes, bytes);
            Interlocked.Increment(ref _wallboardDeltas);
        }
        else
        {
            Interlocked.Add(ref _supervisorBytes, bytes);
            Interlocked.Increment(ref _supervisorDeltas);
        }
    }

    public void Gap(long missed)
    {
        Interlocked.Increment(ref _gaps);
        Interlocked.Add(ref _missedSeqs, missed);
    }

    public void Duplicate() => Interlocked.Increment(ref _duplicates);

    public void Rejoin() => Interlocked.Increment(ref _rejoins);

    public void Error(string error)
    {
        Interlocked.Increment(ref _errorCount);
        lock (_lock)
        {
            if (_errors.Count < MaxErrorsKept)
            {
                _errors.Add(error);
            }
        }
    }
}
