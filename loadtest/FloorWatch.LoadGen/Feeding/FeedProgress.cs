namespace FloorWatch.LoadGen.Feeding;

/// <summary>How far one center's feed has got: written, settled by the server (acknowledged or refused), and how late the sender is.</summary>
internal sealed class FeedProgress(string center)
{
    private const int MaxErrorsKept = 5;
    private readonly Lock _lock = new();
    private readonly List<string> _errors = [];
    private long _written;
    private long _settled;
    private long _refused;
    private long _duplicates;
    private long _errorCount;
    private long _lagTicks;
    private long _maxLagTicks;
    private readonly TaskCompletionSource _settledAll = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Center { get; } = center;

    /// <summary>Events written to the link (or posted).</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Events the server acknowledged as durable (settled and not refused).</summary>
    public long Acked => Settled - Refused;

    /// <summary>Events the server answered for: acknowledged, or refused.</summary>
    public long Settled => Interlocked.Read(ref _settled);

    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Events the server called duplicates (HTTP only; each event is sent once, so any is an error).</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>How late the sender wrote its last batch, after when it was due (grows when the server stops reading).</summary>
    public TimeSpan Lag => TimeSpan.FromTicks(Interlocked.Read(ref _lagTicks));

    public TimeSpan MaxLag => TimeSpan.FromTicks(Interlocked.Read(ref _maxLagTicks));

    public long ErrorCount => Interlocked.Read(ref _errorCount) + Refused + Duplicates;

    /// <summary>The first few errors, for the report.</summary>
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

    /// <summary>Completes once <see cref="SettleTarget"/> events are settled.</summary>
    public Task SettledAll => _settledAll.Task;

    public long SettleTarget { get; set; } = long.MaxValue;

    public void Wrote(long upTo, TimeSpan late)
    {
        Interlocked.Exchange(ref _written, upTo);
        var ticks = Math.Max(0, late.Ticks);
        Interlocked.Exchange(ref _lagTicks, ticks);
        if (ticks > Interlocked.Read(ref _maxLagTicks))
        {
            Interlocked.Exchange(ref _maxLagTicks, ticks);
        }
    }

    /// <summary>The server has answered for the first <paramref name="count"/> events.</summary>
    public void SettledUpTo(long count)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref _settled);
            if (count <= seen)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _settled, count, seen) != seen);

        if (count >= SettleTarget)
        {
            _settledAll.TrySetResult();
        }
    }

    public void Refuse(string error)
    {
        Interlocked.Increment(ref _refused);
        Keep($"refused: {error}");
    }

    public void Duplicate(long count) => Interlocked.Add(ref _duplicates, count);

    public void Error(string error)
    {
        Interlocked.Increment(ref _errorCount);
        Keep(error);
    }

    private void Keep(string error)
    {
        lock (_lock)
        {
            if (_errors.Count < MaxErrorsKept)
            {
                _errors.Add($"{Center}: {error}");
            }
        }
    }
}
