using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace FloorWatch.Server.Tests;

/// <summary>A user's hub connection that records every <c>commandResult</c> it is sent.</summary>
public sealed class CommandResultListener : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<JsonElement> _results = Channel.CreateUnbounded<JsonElement>();

    private CommandResultListener(HubConnection connection)
    {
        _connection = connection;
        connection.On<JsonElement>("commandResult", r => _results.Writer.TryWrite(r.Clone()));
    }

    /// <summary>Every result seen so far for one command, in order of arrival.</summary>
    public List<JsonElement> Seen { get; } = [];

    public static async Task<CommandResultListener> ConnectAsync(ServerProcess server, string user)
    {
        var listener = new CommandResultListener(HubViewer.Connection(server, await server.Token(user)));
        await listener._connection.StartAsync();
        return listener;
    }

    /// <summary>Waits for a result of command <paramref name="id"/> in a final state (not pending) and answers it.</summary>
    public async Task<JsonElement> FinalOf(string id, TimeSpan? patience = null)
    {
        using var cts = new CancellationTokenSource(patience ?? HubViewer.Patience);
        while (true)
        {
            var r = await _results.Reader.ReadAsync(cts.Token);
            if (r.GetProperty("id").GetString() != id)
            {
                continue;
            }

            Seen.Add(r);
            if (r.GetProperty("state").GetString() != "pending")
            {
                return r;
            }
        }
    }

    /// <summary>Waits for the next result of command <paramref name="id"/>, whatever its state.</summary>
    public async Task<JsonElement> NextOf(string id)
    {
        using var cts = new CancellationTokenSource(HubViewer.Patience);
        while (true)
        {
            var r = await _results.Reader.ReadAsync(cts.Token);
            if (r.GetProperty("id").GetString() == id)
            {
                Seen.Add(r);
                return r;
            }
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
