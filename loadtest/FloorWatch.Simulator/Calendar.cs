namespace FloorWatch.Simulator;

/// <summary>
/// The model's future: actions ordered by due time, ties in the order they were planned (so a seed
/// replays exactly). An action can be cancelled when the state it was planned for has moved on.
/// </summary>
internal sealed class Calendar
{
    private readonly PriorityQueue<Planned, (DateTimeOffset Due, long Seq)> _queue = new();
    private long _seq;

    public sealed class Planned(DateTimeOffset due, Action action)
    {
        public DateTimeOffset Due { get; } = due;
        public Action Action { get; } = action;
        public bool Cancelled { get; private set; }

        public void Cancel() => Cancelled = true;
    }

    /// <summary>When the next live action is due; null when nothing is planned.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            while (_queue.TryPeek(out var next, out _) && next.Cancelled)
            {
                _queue.Dequeue();
            }

            return _queue.TryPeek(out var p, out _) ? p.Due : null;
        }
    }

    public Planned At(DateTimeOffset due, Action action)
    {
        var p = new Planned(due, action);
        _queue.Enqueue(p, (due, _seq++));
        return p;
    }

    /// <summary>Takes the next live action due at or before <paramref name="now"/>.</summary>
    public bool TryTakeDue(DateTimeOffset now, out Planned planned)
    {
        if (NextDue is { } due && due <= now)
        {
            planned = _queue.Dequeue();
            return true;
        }

        planned = null!;
        return false;
    }

    public void Clear() => _queue.Clear();
}
