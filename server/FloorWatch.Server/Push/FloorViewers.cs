using System.Security.Claims;
using FloorWatch.Contracts.Grains;
using FloorWatch.Contracts.Views;
using FloorWatch.Server.Agents;
using FloorWatch.Server.Api;
using FloorWatch.Server.Auth;
using FloorWatch.Server.Centers;
using FloorWatch.Server.Ingest;
using FloorWatch.Server.Journal;
using Microsoft.AspNetCore.SignalR;

namespace FloorWatch.Server.Push;

/// <summary>
/// Who on this node watches which center. The first viewer of a center makes this node subscribe to
/// it; the last one leaving ends the subscription. A join is checked against the caller's roles and
/// centers before anything about the center is said.
/// </summary>
public sealed class FloorViewers(
    IHubContext<FloorHub> hub,
    FloorPublisher publisher,
    CenterRegistry centers,
    CenterDispatcher dispatcher,
    FeedStatus feed,
    IGrainFactory grains,
    AgentSelf self,
    TimeProvider time,
    ILogger<FloorViewers> log)
{
    private readonly Dictionary<string, HashSet<string>> _centersByConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _viewersByCenter = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Center, string Agent)> _agentPageByConnection = new(StringComparer.Ordinal);

    /// <summary>The centers each connection watches the changes of only.</summary>
    private readonly HashSet<(string Connection, string Center)> _changesOnly = [];
    private readonly Lock _gate = new();

    /// <summary>
    /// Viewers who see agents and calls (supervisors, quality staff, admins) get whole deltas; a
    /// wallboard, which shows queues and totals only, gets them without agents and calls, which at
    /// a busy floor are most of the bytes.
    /// </summary>
    /// <remarks>
    /// A viewer of changes only (<c>?rows=changes</c> on the hub's address; the product's pages are)
    /// gets rows without the fields that are as last sent (<see cref="DeltaChanges"/>) and merges them
    /// into what it holds; any other viewer gets whole rows, as contract section 4 has them.
    /// </remarks>
    public static string Group(string center, bool board, bool changesOnly) => (changesOnly ? "changes:" : "") + (board ? "board:" : "floor:") + center;

    /// <summary>The hub address's <c>rows</c> parameter: <c>changes</c>, or <c>whole</c> (the default).</summary>
    public static bool ChangesOnly(string? rows) => rows switch
    {
        null or "" or "whole" => false,
        "changes" => true,
        _ => throw new HubException($"rows: '{rows}' is not known; use rows=changes for rows with only what changed, or rows=whole (the default)"),
    };

    private static bool BoardOnly(ClaimsPrincipal user) => !user.HasAnyRole([Roles.Supervisor, Roles.Quality, Roles.Admin]);

    public async Task Join(string connection, ClaimsPrincipal user, string center, bool changesOnly, CancellationToken ct)
    {
        if (!user.May(center, Roles.FloorReaders))
        {
            log.LogInformation("Hub join refused: {User} may not watch center {Center}", user.Identity?.Name, center);
            throw new HubException($"forbidden: not allowed to watch center '{center}'");
        }

        if (!centers.Exists(center))
        {
            throw new HubException($"center '{center}' is not known here (no event or setting has named it)");
        }

        if (Add(connection, center, changesOnly))
        {
            await publisher.Subscribe(center);
        }

        await hub.Groups.AddToGroupAsync(connection, Group(center, BoardOnly(user), changesOnly), ct);
        foreach (var group in AlertAudience.GroupsOf(user, center))
        {
            await hub.Groups.AddToGroupAsync(connection, group, ct);
        }

        // Deltas sent to the group from here on either are folded into this snapshot (seq at or
        // below its own) or continue it; the client tells which by seq.
        var changes = changesOnly ? publisher.Changes(center) : null;
        changes?.BeginJoin();
        CenterSnapshot? snapshot = null;
        try
        {
            await dispatcher.WaitAppliedAsync(center, ct);
            snapshot = await grains.GetGrain<ICenterGrain>(center).Snapshot(time.GetUtcNow());
        }
        finally
        {
            changes?.EndJoin(snapshot?.Seq);
        }

        await hub.Clients.Client(connection).SendAsync("snapshot", ApiJson.Snapshot(snapshot, feed.For(center, snapshot.Feed), snapshot.Alerts.Where(a => AlertAudience.May(user, a)).ToArray()), ct);
    }

    /// <summary>An agent's own page: their <c>agentSelf</c> now and whenever their row changes, their break requests and messages.</summary>
    public async Task JoinAgent(string connection, ClaimsPrincipal user, string center, CancellationToken ct)
    {
        var agent = user.Identity?.Name;
        if (agent is null || !user.May(center, [Roles.Agent]))
        {
            throw new HubException($"forbidden: not an agent of center '{center}'");
        }

        if (!centers.Exists(center))
        {
            throw new HubException($"center '{center}' is not known here (no event or setting has named it)");
        }

        if (Add(connection, center, changesOnly: false))
        {
            await publisher.Subscribe(center);
        }

        lock (_gate)
        {
            if (!_agentPageByConnection.TryAdd(connection, (center, agent)))
            {
                throw new HubException("this connection already shows an agent's page");
            }
        }

        publisher.TrackAgent(center, agent, watched: true);
        await hub.Groups.AddToGroupAsync(connection, AlertAudience.Agent(center, agent), ct);
        await dispatcher.WaitAppliedAsync(center, ct);
        await hub.Clients.Client(connection).SendAsync("agentSelf", await self.Build(center, agent), ct);
    }

    public async Task Leave(string connection, ClaimsPrincipal user, string center)
    {
        bool changesOnly;
        lock (_gate)
        {
            changesOnly = _changesOnly.Contains((connection, center));
        }

        await hub.Groups.RemoveFromGroupAsync(connection, Group(center, BoardOnly(user), changesOnly));
        foreach (var group in AlertAudience.GroupsOf(user, center))
        {
            await hub.Groups.RemoveFromGroupAsync(connection, group);
        }
        if (Remove(connection, center))
        {
            await publisher.Unsubscribe(center);
        }
    }

    /// <summary>
    /// A connection gone: its centers lose a viewer. The last one's unsubscribe waits a moment at
    /// most: a closing connection must not hang on a grain (at shutdown the silo may be stopping),
    /// and a center drops a node by itself when its lease runs out.
    /// </summary>
    public async Task Disconnected(string connection)
    {
        string[] joined;
        lock (_gate)
        {
            joined = _centersByConnection.TryGetValue(connection, out var set) ? [.. set] : [];
            if (_agentPageByConnection.Remove(connection, out var page))
            {
                publisher.TrackAgent(page.Center, page.Agent, watched: false);
            }
        }

        foreach (var center in joined)
        {
            if (Remove(connection, center))
            {
                try
                {
                    await publisher.Unsubscribe(center).WaitAsync(UnsubscribeWithin, time);
                }
                catch (Exception ex) when (ex is TimeoutException or OrleansException)
                {
                    log.LogInformation("Unsubscribing from center {Center} did not finish ({Error}); its lease runs out instead", center, ex.Message);
                }
            }
        }
    }

    private static readonly TimeSpan UnsubscribeWithin = TimeSpan.FromSeconds(2);

    /// <summary>True when this is the center's first viewer on this node.</summary>
    private bool Add(string connection, string center, bool changesOnly)
    {
        lock (_gate)
        {
            if (!_centersByConnection.TryGetValue(connection, out var set))
            {
                _centersByConnection[connection] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            if (!set.Add(center))
            {
                return false;
            }

            if (changesOnly)
            {
                _changesOnly.Add((connection, center));
                publisher.Changes(center).Track(watched: true);
            }

            var n = _viewersByCenter.GetValueOrDefault(center) + 1;
            _viewersByCenter[center] = n;
            publisher.Track(center, watched: true);
            return n == 1;
        }
    }

    /// <summary>True when that was the center's last viewer on this node.</summary>
    private bool Remove(string connection, string center)
    {
        lock (_gate)
        {
            if (!_centersByConnection.TryGetValue(connection, out var set) || !set.Remove(center))
            {
                return false;
            }

            if (_changesOnly.Remove((connection, center)))
            {
                publisher.Changes(center).Track(watched: false);
            }

            if (set.Count == 0)
            {
                _centersByConnection.Remove(connection);
            }

            var n = _viewersByCenter[center] - 1;
            if (n > 0)
            {
                _viewersByCenter[center] = n;
                return false;
            }

            _viewersByCenter.Remove(center);
            publisher.Track(center, watched: false);
            return true;
        }
    }
}
