using Microsoft.Extensions.Time.Testing;

namespace FloorWatch.Simulator.Tests;

/// <summary>
/// A fake clock that also knows what the code under test waits for: each Task.Delay or timed
/// cancellation creates a timer here, so a test can advance time exactly when the code is waiting,
/// and then wait for it to react, instead of guessing with real delays.
/// </summary>
public sealed class WatchedTime : FakeTimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<Watched> _pending = [];
    private TaskCompletionSource _created = NewSignal();

    public WatchedTime()
        : base(Simulation.Start)
    {
    }

    /// <summary>Completes at the next timer created, or armed again, after this call.</summary>
    public Task NextTimer()
    {
        lock (_lock)
        {
            return _created.Task;
        }
    }

    /// <summary>Completes once the code under test waits on a timer due <paramref name="dueIn"/> from now (already or later).</summary>
    public async Task WhenWaitingFor(TimeSpan dueIn)
    {
        while (true)
        {
            Task next;
            lock (_lock)
            {
                var due = GetUtcNow() + dueIn;
                if (_pending.Exists(w => w.Due == due))
                {
                    return;
                }

                next = _created.Task;
            }

            await next;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var watched = new Watched(this);
        watched.Inner = base.CreateTimer(s => { watched.Fired(period); callback(s); }, state, dueTime, period);
        lock (_lock)
        {
            watched.Set(dueTime);
            _pending.Add(watched);
            Signal();
        }

        return watched;
    }

    /// <summary>Wakes whoever waits for the next timer; called under the lock.</summary>
    private void Signal()
    {
        _created.TrySetResult();
        _created = NewSignal();
    }

    /// <summary>
    /// Advances <paramref name="step"/> at a time until <paramref name="done"/> completes (or
    /// <paramref name="ct"/>, the test's safety net, fires). When a step fires a timer, the next step
    /// waits until the code has reacted by waiting on a timer again. While no timer is armed the code
    /// is busy or waits for input, so the clock stands still: moving it would let the code fall behind.
    /// </summary>
    public async Task AdvanceUntil(Task done, TimeSpan step, CancellationToken ct)
    {
        while (!done.IsCompleted)
        {
            var waiting = NextTimer();
            bool armed;
            bool fires;
            lock (_lock)
            {
                var until = GetUtcNow() + step;
                armed = _pending.Exists(w => w.Due is not null);
                fires = _pending.Exists(w => w.Due <= until);
            }

            if (!armed)
            {
                await Task.WhenAny(waiting, done).WaitAsync(ct);
                continue;
            }

            Advance(step);
            if (fires)
            {
                await Task.WhenAny(waiting, done).WaitAsync(ct);
            }
            else
            {
                await Task.Yield();
                ct.ThrowIfCancellationRequested();
            }
        }

        await done;
    }

    public async Task<T> AdvanceUntil<T>(Task<T> done, TimeSpan step, CancellationToken ct)
    {
        await AdvanceUntil((Task)done, step, ct);
        return await done;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A timer of the code under test, with the instant it will fire next (null: not armed).</summary>
    private sealed class Watched(WatchedTime time) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset? Due { get; private set; }

        public void Set(TimeSpan dueTime) => Due = dueTime == Timeout.InfiniteTimeSpan ? null : time.GetUtcNow() + dueTime;

        public void Fired(TimeSpan period)
        {
            lock (time._lock)
            {
                Due = period == Timeout.InfiniteTimeSpan ? null : time.GetUtcNow() + period;
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (time._lock)
            {
                Set(dueTime);
            }

            var changed = Inner.Change(dueTime, period);
            lock (time._lock)
            {
                if (Due is not null)
                {
                    time.Signal();
                }
            }

            return changed;
        }

        public void Dispose()
        {
            Forget();
            Inner.Dispose();
        }

        public async ValueTask DisposeAsync()
        {
            Forget();
            await Inner.DisposeAsync();
        }

        private void Forget()
        {
            lock (time._lock)
            {
                Due = null;
                time._pending.Remove(this);
            }
        }
    }
}
