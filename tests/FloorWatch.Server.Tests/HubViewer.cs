using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using FloorWatch.Server.Push;
using Microsoft.AspNetCore.SignalR.Client;

namespace FloorWatch.Server.Tests;

/// <summary>
/// A real SignalR client on <c>/hubs/floor</c>, as a browser would be: it records every
/// <c>snapshot</c> and <c>delta</c> and folds them into its own copy of the floor. A viewer of
/// changes (<c>?rows=changes</c>, as the product's pages) merges a delta's rows into the ones it holds.
/// </summary>
public sealed class HubViewer : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<JsonObject> _deltas = Channel.CreateUnbounded<JsonObject>();
    private readonly TaskCompletionSource<JsonObject> _snapshot = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly bool _changesOnly;

    private HubViewer(HubConnection connection, bool changesOnly)
    {
        _connection = connection;
        _changesOnly = changesOnly;
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

    /// <summary>After each delta applied, the rows it named as this viewer then held them: (seq, "agent" or "queue", id) → JSON.</summary>
    public Dictionary<(long Seq, string Kind, string Id), string> RowsAfter { get; } = [];

    /// <param name="rows">The hub address's <c>rows</c> parameter; null leaves it out (whole rows).</param>
    public static async Task<HubViewer> ConnectAsync(ServerProcess server, string? token, string? rows = null)
    {
        var viewer = new HubViewer(Connection(server, token, rows), rows == "changes");
        await viewer._connection.StartAsync();
        return viewer;
    }

    public static HubConnection Connection(ServerProcess server, string? token, string? rows = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(server.Http.BaseAddress!, "/hubs/floor" + (rows is null ? "" : "?rows=" + rows)), o => o.AccessTokenProvider = () => Task.FromResult(token))
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
            Totals = _changesOnly && Totals is not null ? Merge(Totals, delta["totals"]!.AsObject()) : delta["totals"]!.AsObject();
            Feed = delta["feed"]!.AsObject();
            Fold(delta["queues"], Queues, "id", _changesOnly);
            Fold(delta["agents"], Agents, "id", _changesOnly);
            Fold(delta["calls"], Calls, "call");
            foreach (var (kind, items, held) in new[] { ("queue", delta["queues"], Queues), ("agent", delta["agents"], Agents) })
            {
                foreach (var item in items!.AsArray())
                {
                    var id = item!["id"]!.GetValue<string>();
                    RowsAfter[(seq, kind, id)] = held[id].ToJsonString();
                }
            }

            foreach (var ended in delta["endedCalls"]!.AsArray())
            {
                Calls.Remove(ended!.GetValue<string>());
            }

            Applied.Add(delta);
        }
    }

    public long EventsApplied => Feed?["eventsApplied"]?.GetValue<long>() ?? 0;

    private static void Fold(JsonNode? items, Dictionary<string, JsonObject> into, string key, bool merge = false)
    {
        foreach (var item in items!.AsArray())
        {
            var id = item![key]!.GetValue<string>();
            into[id] = merge && into.TryGetValue(id, out var held) ? Merge(held, item.AsObject()) : item.AsObject();
        }
    }

    /// <summary>A row of changes over the row held: the fields it has replace those held, and a queue's figures' (or an agent's seconds per state's) fields theirs.</summary>
    private static JsonObject Merge(JsonObject held, JsonObject change)
    {
        foreach (var (name, value) in change)
        {
            if ((JsonFieldReader.QueueNested.Contains(name) || JsonFieldReader.AgentNested.Contains(name)) && held[name] is JsonObject inner && value is JsonObject fields)
            {
                Merge(inner, fields);
            }
            else
            {
                held[name] = value?.DeepClone();
            }
        }

        return held;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
