namespace FloorWatch.Server.Journal;

/// <summary>
/// The records journaled and not yet applied, over all centers, and the limit the journal writer
/// waits under. When the centers apply slower than events come (a burst, a busy machine), the
/// acknowledgements slow down to the pace of the floor instead of the server holding ever more
/// records in memory; nothing acknowledged is dropped.
/// </summary>
public sealed class ApplyBacklog(long limit)
{
    private readonly Lock _gate = new();
    private long _count;
    private TaskCompletionSource? _room;

    public long Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, "the backlog limit must be at least 1");

    public long Count => Interlocked.Read(ref _count);

    public void Added(int records) => Interlocked.Add(ref _count, records);

    public void Applied(int records)
    {
        if (Interlocked.Add(ref _count, -records) > Limit)
        {
            return;
        }

        TaskCompletionSource? room;
        lock (_gate)
        {
            room = _room;
            _room = null;
        }

        room?.TrySetResult();
    }

    /// <summary>Completes at once while the backlog is within the limit, else once it is back within it.</summary>
    public Task WaitForRoomAsync(CancellationToken ct)
    {
        // Within the limit, as nearly always: no lock, as the replay asks after every record.
        if (Count <= Limit)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            // Read under the gate: a record applied after this read finds the waiter in _room.
            if (Count <= Limit)
            {
                return Task.CompletedTask;
            }

            _room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _room.Task.WaitAsync(ct);
        }
    }
}
