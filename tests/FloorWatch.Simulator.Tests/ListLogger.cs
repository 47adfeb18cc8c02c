using Microsoft.Extensions.Logging;

namespace FloorWatch.Simulator.Tests;

/// <summary>Keeps every log entry and lets a test await the first one that matches.</summary>
public sealed class ListLogger : ILogger
{
    private readonly Lock _lock = new();
    private readonly List<(LogLevel Level, string Message)> _entries = [];
    private readonly List<Waiter> _waiters = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The message of the <paramref name="count"/>-th entry (already logged or still to come) that matches.</summary>
    public Task<string> WaitFor(Func<LogLevel, string, bool> match, int count = 1)
    {
        lock (_lock)
        {
            var seen = 0;
            foreach (var (level, message) in _entries)
            {
                if (match(level, message) && ++seen == count)
                {
                    return Task.FromResult(message);
                }
            }

            var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add(new Waiter(match, count - seen, found));
            return found.Task;
        }
    }

    private sealed class Waiter(Func<LogLevel, string, bool> match, int remaining, TaskCompletionSource<string> found)
    {
        public bool Saw(LogLevel level, string message)
        {
            if (match(level, message) && --remaining == 0)
            {
                found.TrySetResult(message);
                return true;
            }

            return false;
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        lock (_lock)
        {
            _entries.Add((logLevel, message));
            _waiters.RemoveAll(w => w.Saw(logLevel, message));
        }
    }
}
