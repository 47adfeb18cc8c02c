using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace FloorWatch.Server.Push;

/// <summary>The hub <c>/hubs/floor</c> (contract section 4). It holds no logic: joining and leaving go to <see cref="FloorViewers"/>.</summary>
[Authorize]
public sealed class FloorHub(FloorViewers viewers, IHostApplicationLifetime lifetime) : Hub
{
    public const string Path = "/hubs/floor";

    /// <summary>
    /// A page that reconnects while the server stops would otherwise hold the stop until its timeout:
    /// SignalR closes the connections it has when stopping begins, not those that come after.
    /// </summary>
    public override Task OnConnectedAsync()
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            Context.Abort();
        }

        return Task.CompletedTask;
    }

    /// <summary>Adds the caller to the center's viewers and sends it a <c>snapshot</c>; deltas follow.</summary>
    public Task JoinCenter(string center) =>
        viewers.Join(Context.ConnectionId, Context.User!, center, FloorViewers.ChangesOnly(Context.GetHttpContext()?.Request.Query["rows"]), Context.ConnectionAborted);

    /// <summary>An agent's own page (role agent; the agent id is the user name): <c>agentSelf</c>, then <c>breakRequest</c>, <c>message</c>, <c>commandResult</c>.</summary>
    public Task JoinAgent(string center) => viewers.JoinAgent(Context.ConnectionId, Context.User!, center, Context.ConnectionAborted);

    public Task LeaveCenter(string center) => viewers.Leave(Context.ConnectionId, Context.User!, center);

    public override Task OnDisconnectedAsync(Exception? exception) => viewers.Disconnected(Context.ConnectionId);
}
