using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace FloorWatch.Server.Tests;

/// <summary>
/// A real SignalR client on <c>/hubs/floor</c>, as a browser would be: it records every
/// <c>snapshot</c> and <c>delta</c> and folds them into its own copy of the floor.
/// </summary>
public sealed class HubViewer : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<JsonObject> _deltas = Channel.CreateUnbounded<JsonObject>();
    private readonly TaskCompletionSource<JsonObject> _snapshot = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubViewer(HubConnection connection)
    {
        _connection = connection;
        connection.On<JsonElement>("snapshot", s => _snapshot.TrySetResult(JsonNode.Parse(s.GetRawText())!.AsObject()));
        connection.On<JsonElement>("delta", d => _deltas.Writer.TryWrite(JsonNode.Parse(d.GetRawText())!.AsObject()));
    }

    /// <summary>Safety net only: every wait ends on a message, this is how long to give up after.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public Dictionary<string, JsonObject> Queues { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, JsonObject> Agents { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, JsonObject> Calls { get; } = new(StringComparer.Ordinal);
    public JsonObject? Totals { get; private set; }
    public JsonObject? Feed { get; private set; }
    public long Seq { get; private set; }

    /// <summary>Every delta applied, in order.</summary>
    public List<JsonObject> Applied { get; } = [];

    public static async Task<HubViewer> ConnectAsync(ServerProcess server, string? token)
    {
        var viewer = new HubViewer(Connection(server, token));
        await viewer._connection.StartAsync();
        return viewer;
    }

    public static HubConnection Connection(ServerProcess server, string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(server.Http.BaseAddress!, "/hubs/floor"), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .Build();

    /// <summary>Joins the center and folds in the snapshot it sends.</summary>
    public async Task<JsonObject> JoinAsync(string center)
    {
        await _connection.InvokeAsync("JoinCenter", center);
        var snapshot = await _snapshot.Task.WaitAsync(Patience);
        Seq = snapshot["seq"]!.GetValue<long>();
        Totals = snapshot["totals"]!.AsObject();
        Feed = snapshot["feed"]!.AsObject();
        Fold(snapshot["queues"], Queues, "id");
        Fold(snapshot["agents"], Agents, "id");
        Fold(snapshot["calls"], Calls, "call");
        return snapshot;
    }

    public Task InvokeAsync(string method, string center) => _connection.InvokeAsync(method, center);

    /// <summary>Applies deltas as they come until <paramref name="done"/> holds; a delta out of seq order fails the test.</summary>
    public async Task UntilAsync(Func<HubViewer, bool> done)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!done(this))
        {
            var delta = await _deltas.Reader.ReadAsync(patience.Token);
            var seq = delta["seq"]!.GetValue<long>();
            if (seq <= Seq)
            {
                continue; // already folded into the snapshot
            }

            Assert.Equal(Seq + 1, seq);
            Seq = seq;
            Totals = delta["totals"]!.AsObject();
            Feed = delta["feed"]!.AsObject();
            Fold(delta["queues"], Queues, "id");
            Fold(delta["agents"], Agents, "id");
            Fold(delta["calls"], Calls, "call");
            foreach (var ended in delta["endedCalls"]!.AsArray())
            {
                Calls.Remove(ended!.GetValue<string>());
            }

            Applied.Add(delta);
        }
    }

    public long EventsApplied => Feed?["eventsApplied"]?.GetValue<long>() ?? 0;

    private static void Fold(JsonNode? items, Dictionary<string, JsonObject> into, string key)
    {
        foreach (var item in items!.AsArray())
        {
            into[item![key]!.GetValue<string>()] = item.AsObject();
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
