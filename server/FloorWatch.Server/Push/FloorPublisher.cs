using System.Collections.Concurrent;
using FloorWatch.Contracts.Grains;
using FloorWatch.Contracts.Views;
using FloorWatch.Server.Agents;
using FloorWatch.Server.Api;
using FloorWatch.Server.Ingest;
using Microsoft.AspNetCore.SignalR;

namespace FloorWatch.Server.Push;

/// <summary>
/// This node's observer of the centers its viewers watch: a delta from a center grain goes to that
/// center's SignalR group. Subscriptions are leases, renewed on a timer, so a center drops a node
/// that is gone. Sends are not awaited one after another: a slow or dead browser's backlog is its
/// own and never holds up the next delta for the others.
/// </summary>
public sealed class FloorPublisher(
    IHubContext<FloorHub> hub,
    IGrainFactory grains,
    FeedStatus feed,
    AgentSelf agentSelf,
    TimeProvider time,
    ILogger<FloorPublisher> log) : IFloorObserver, IHostedService, IDisposable
{
    /// <summary>Well inside the centers' lease, so one missed renewal loses nothing.</summary>
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<string, byte> _watched = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DeltaChanges> _changes = new(StringComparer.Ordinal);

    /// <summary>Agents whose own page is open on this node, with how many pages.</summary>
    private readonly ConcurrentDictionary<(string Center, string Agent), int> _agentPages = new();
    private ITimer? _renewal;
    private IFloorObserver? _self;
    private object? _selfLock;

    // One reference for the node's life: a second one would be a second subscriber, sent every delta twice.
    private IFloorObserver Self => LazyInitializer.EnsureInitialized(ref _self, ref _selfLock, () => grains.CreateObjectReference<IFloorObserver>(this));

    /// <summary>
    /// Marks whether this node has viewers of the center; the renewal loop keeps the subscriptions
    /// in line with it, so a subscribe and an unsubscribe that cross are mended within one renewal.
    /// </summary>
    public void Track(string center, bool watched)
    {
        if (watched)
        {
            _watched[center] = 0;
        }
        else
        {
            _watched.TryRemove(center, out _);
        }
    }

    public void TrackAgent(string center, string agent, bool watched) =>
        _agentPages.AddOrUpdate((center, agent), watched ? 1 : 0, (_, n) => Math.Max(0, n + (watched ? 1 : -1)));

    public Task Subscribe(string center) => grains.GetGrain<ICenterGrain>(center).Subscribe(Self);

    public Task Unsubscribe(string center) => grains.GetGrain<ICenterGrain>(center).Unsubscribe(Self);

    /// <summary>The viewers of changes of a center on this node, and the rows last sent to them.</summary>
    public DeltaChanges Changes(string center) => _changes.GetOrAdd(center, _ => new DeltaChanges());

    public Task OnDelta(FloorDelta delta)
    {
        var feedStatus = feed.For(delta.Center, delta.Feed);

        // A group without members costs nothing here: SignalR serialises a message for its first connection.
        Send(delta, FloorViewers.Group(delta.Center, board: false, changesOnly: false), ApiJson.Delta(delta, feedStatus));
        Send(delta, FloorViewers.Group(delta.Center, board: true, changesOnly: false), ApiJson.Delta(delta with { Agents = [], Calls = [], EndedCalls = [] }, feedStatus));
        if (_changes.TryGetValue(delta.Center, out var changes) && changes.Viewers > 0)
        {
            var (floor, board) = changes.Messages(delta, feedStatus);
            Send(delta, FloorViewers.Group(delta.Center, board: false, changesOnly: true), floor);
            Send(delta, FloorViewers.Group(delta.Center, board: true, changesOnly: true), board);
        }

        if (!_agentPages.IsEmpty)
        {
            foreach (var a in delta.Agents)
            {
                if (_agentPages.GetValueOrDefault((delta.Center, a.Id)) > 0)
                {
                    _ = SendAgentSelf(delta.Center, a.Id);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task OnAlert(AlertView alert)
    {
        foreach (var group in AlertAudience.GroupsFor(alert))
        {
            _ = hub.Clients.Group(group).SendAsync("alert", alert);
        }

        return Task.CompletedTask;
    }

    public Task OnBreak(BreakView request)
    {
        _ = hub.Clients.Groups([AlertAudience.Supervisors(request.Center), AlertAudience.Agent(request.Center, request.Agent)]).SendAsync("breakRequest", request);
        return Task.CompletedTask;
    }

    private async Task SendAgentSelf(string center, string agent)
    {
        try
        {
            await hub.Clients.Group(AlertAudience.Agent(center, agent)).SendAsync("agentSelf", await agentSelf.Build(center, agent));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            log.LogWarning(ex, "The own page of agent {Agent} in center {Center} was not updated", agent, center);
        }
    }

    private void Send(FloorDelta delta, string group, object message)
    {
        var send = hub.Clients.Group(group).SendAsync("delta", message);
        if (!send.IsCompletedSuccessfully)
        {
            _ = send.ContinueWith(
                t => log.LogWarning(t.Exception, "Delta {Seq} of center {Center} not sent to every viewer", delta.Seq, delta.Center),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _renewal = time.CreateTimer(_ => _ = Renew(), null, Renewal, Renewal);
        return Task.CompletedTask;
    }

    private async Task Renew()
    {
        foreach (var center in _watched.Keys)
        {
            try
            {
                await Subscribe(center);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                log.LogWarning(ex, "Could not renew the push subscription of center {Center}; trying again in {Seconds} s", center, Renewal.TotalSeconds);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _renewal?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _renewal?.Dispose();
}
