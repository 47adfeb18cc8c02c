using System.Text.Json.Nodes;

namespace FloorWatch.Server.Ingest;

/// <summary>The live TCP CTI links per center (the center their hello named): where commands for a center go.</summary>
public sealed class CtiLinks(TimeProvider time, ILogger<CtiLinks> log)
{
    private readonly Dictionary<string, List<Link>> _byCenter = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private sealed record Link(string Center, string? Peer, CtiLineWriter Writer, Action Abort);

    /// <summary>Registers a link whose hello was accepted; disposing the answer removes it.</summary>
    public IDisposable Add(string center, string? peer, CtiLineWriter writer, Action abort)
    {
        var link = new Link(center, peer, writer, abort);
        lock (_gate)
        {
            if (!_byCenter.TryGetValue(center, out var list))
            {
                _byCenter[center] = list = [];
            }

            list.Add(link);
        }

        return new Removal(this, link);
    }

    public bool IsConnected(string center)
    {
        lock (_gate)
        {
            return _byCenter.ContainsKey(center);
        }
    }

    /// <summary>
    /// Writes <c>{"command":{...}}</c> to every link of the center; answers how many took it. A link
    /// that cannot take a line in time is closed: half a line would spoil what follows on it.
    /// </summary>
    public async Task<int> SendCommand(string center, JsonObject command, TimeSpan within)
    {
        Link[] links;
        lock (_gate)
        {
            links = _byCenter.TryGetValue(center, out var list) ? [.. list] : [];
        }

        var sent = 0;
        foreach (var link in links)
        {
            using var timeout = new CancellationTokenSource(within, time);
            try
            {
                await link.Writer.Send(new { command }, timeout.Token);
                sent++;
                log.LogInformation("Command {Id} {Command} sent to the switch of center {Center} at {Peer}", command["id"], command["command"], center, link.Peer);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException)
            {
                log.LogWarning("Command {Id} {Command} not sent to the switch of center {Center} at {Peer}: {Reason}; the link is closed", command["id"], command["command"], center, link.Peer, ex.Message);
                link.Abort();
            }
        }

        return sent;
    }

    private void Remove(Link link)
    {
        lock (_gate)
        {
            if (_byCenter.TryGetValue(link.Center, out var list) && list.Remove(link) && list.Count == 0)
            {
                _byCenter.Remove(link.Center);
            }
        }
    }

    private sealed class Removal(CtiLinks links, Link link) : IDisposable
    {
        public void Dispose() => links.Remove(link);
    }
}
