using FloorWatch.LoadGen.Options;
using FloorWatch.LoadGen.Timing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace FloorWatch.LoadGen.Viewers;

/// <summary>
/// One wallboard or supervisor console: a real SignalR client on <c>/hubs/floor</c> that joins one
/// center, checks the seq of every delta, and times each delta from its newest event's send time.
/// </summary>
internal sealed class FloorViewer : IAsyncDisposable
{
    private static readonly TimeSpan SnapshotTimeout = TimeSpan.FromSeconds(120);

    private readonly HubConnection _connection;
    private readonly ViewerStats _stats;
    private readonly Func<TimeWarp?> _warp;
    private readonly Lock _lock = new();
    private readonly SeqTracker _seq = new();
    private readonly List<(DeltaHeader Delta, DateTimeOffset At)> _early = [];
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _centers;
    private volatile bool _stopping;

    public FloorViewer(int index, string center, int centers, Uri server, string token, bool fullParse, DeltaRows rows, ViewerStats stats, Func<TimeWarp?> warp)
    {
        Index = index;
        _centers = centers;
        Center = center;
        _stats = stats;
        _warp = warp;
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/floor?rows=" + rows.ToString().ToLowerInvariant()), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            });
        if (!fullParse)
        {
            builder.Services.AddSingleton<IHubProtocol>(new HeaderOnlyJsonProtocol((target, bytes) => stats.Received(Kind, target, bytes)));
        }

        _connection = builder.Build();
        _connection.ServerTimeout = TimeSpan.FromSeconds(60);
        _connection.On<SnapshotHeader>("snapshot", OnSnapshot);
        _connection.On<DeltaHeader>("delta", OnDelta);
        _connection.Closed += OnClosed;
    }

    public int Index { get; }

    public string Center { get; }

    /// <summary>Wallboards sign in as a wallboard user (the server may send them less), supervisors as a supervisor.</summary>
    public string Kind => IsWallboard(Index, _centers) ? "wallboard" : "supervisor";

    /// <summary>Client i watches center i mod n; every other round of the centers is wallboards, so each center gets both kinds.</summary>
    public static bool IsWallboard(int index, int centers) => index / centers % 2 == 0;

    /// <summary>Connects, joins the center and waits for its snapshot.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        await _connection.StartAsync(ct);
        await _connection.InvokeAsync("JoinCenter", Center, ct);
        await _joined.Task.WaitAsync(SnapshotTimeout, ct);
    }

    private void OnSnapshot(SnapshotHeader snapshot)
    {
        _stats.Snapshot();
        lock (_lock)
        {
            _seq.Snapshot(snapshot.Seq);
            foreach (var (delta, at) in _early)
            {
                Apply(delta, at);
            }

            _early.Clear();
        }

        _joined.TrySetResult();
    }

    private void OnDelta(DeltaHeader delta)
    {
        var at = DateTimeOffset.UtcNow;
        lock (_lock)
        {
            // Sent to the center's group before the snapshot reached this client: judged against the snapshot once it is here.
            if (!_seq.HasSnapshot)
            {
                _early.Add((delta, at));
                return;
            }

            Apply(delta, at);
        }
    }

    private void Apply(DeltaHeader delta, DateTimeOffset at)
    {
        switch (_seq.Delta(delta.Seq))
        {
            case SeqTracker.Verdict.Folded:
                return;
            case SeqTracker.Verdict.Duplicate:
                _stats.Duplicate();
                return;
            case SeqTracker.Verdict.Gap:
                _stats.Gap(_seq.Missed);
                _ = RejoinAsync();
                break;
        }

        _stats.Delta(Center, delta.NewestEventTs);
        if (delta.NewestEventTs is { } newest && _warp() is { } warp)
        {
            var seconds = (at - warp.SendTimeOf(newest)).TotalSeconds;
            _stats.Latency.Add(seconds);
            (IsWallboard(Index, _centers) ? _stats.WallboardLatency : _stats.SupervisorLatency).Add(seconds);
        }
    }

    /// <summary>As a browser does after a gap: join again for a fresh snapshot.</summary>
    private async Task RejoinAsync()
    {
        _stats.Rejoin();
        try
        {
            await _connection.InvokeAsync("JoinCenter", Center);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _stats.Error($"viewer {Index} ({Center}): joining again after a gap failed: {ex.Message}");
        }
    }

    private Task OnClosed(Exception? error)
    {
        if (!_stopping)
        {
            _stats.Error($"viewer {Index} ({Center}): connection lost: {error?.Message ?? "closed by the server"}");
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        await _connection.DisposeAsync();
    }
}
