using System.Text.Json;

namespace FloorWatch.Simulator.Tests;

/// <summary>Reads a connection's event lines as they come, keeps them, acks each one if asked, and lets a test await a line.</summary>
public sealed class RecordedFeed
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly Lock _lock = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<SwitchEvent, bool> Match, TaskCompletionSource<SwitchEvent> Found)> _waiters = [];

    public RecordedFeed(FakeCtiServer.Connection connection, bool ack, CancellationToken ct) => Reading = Read(connection, ack, ct);

    /// <summary>Ends when the switch closes the link.</summary>
    public Task Reading { get; }

    public List<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    public List<SwitchEvent> Events => Lines.Select(l => JsonSerializer.Deserialize<SwitchEvent>(l, Web)!).ToList();

    public Task<SwitchEvent> WaitFor(Func<SwitchEvent, bool> match)
    {
        lock (_lock)
        {
            if (_lines.Select(l => JsonSerializer.Deserialize<SwitchEvent>(l, Web)!).FirstOrDefault(match) is { } seen)
            {
                return Task.FromResult(seen);
            }

            var found = new TaskCompletionSource<SwitchEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, found));
            return found.Task;
        }
    }

    private async Task Read(FakeCtiServer.Connection connection, bool ack, CancellationToken ct)
    {
        while (await connection.ReadLine(ct) is { } line)
        {
            var e = JsonSerializer.Deserialize<SwitchEvent>(line, Web)!;
            lock (_lock)
            {
                _lines.Add(line);
                _waiters.RemoveAll(w => w.Match(e) && w.Found.TrySetResult(e));
            }

            if (ack)
            {
                await connection.Send(JsonSerializer.Serialize(new { ack = e.Id }), ct);
            }
        }
    }
}
