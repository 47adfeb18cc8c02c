using System.Text;
using System.Text.Json;
using FloorWatch.Server.Journal;

namespace FloorWatch.Server.Ingest;

/// <summary>
/// Writes one JSON object per line to a CTI link. Acks come from the connection's own loop and
/// commands from requests, so writes take turns: two lines never interleave.
/// </summary>
public sealed class CtiLineWriter(Stream stream) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task Send(object message, CancellationToken ct)
    {
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message, JournalJson.Options) + "\n");
        await _turn.WaitAsync(ct);
        try
        {
            await stream.WriteAsync(line, ct);
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}
