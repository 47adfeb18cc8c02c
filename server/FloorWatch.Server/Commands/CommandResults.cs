using FloorWatch.Server.Audit;
using FloorWatch.Server.Push;
using Microsoft.AspNetCore.SignalR;

namespace FloorWatch.Server.Commands;

/// <summary>
/// Tells the sender of a command each change as <c>commandResult</c> on the hub, and writes the
/// command to the audit log once it has ended. Off the tracker's lock and the journal writer's
/// thread, which must not wait on a browser or the audit file.
/// </summary>
public sealed class CommandResults(CommandTracker tracker, IHubContext<FloorHub> hub, AuditLog audit, ILogger<CommandResults> log) : BackgroundService
{
    public const string HubMessage = "commandResult";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in tracker.Changes.ReadAllAsync(stoppingToken))
            {
                var c = change.Record;
                try
                {
                    if (c.IsFinal)
                    {
                        audit.Write(new AuditEntry(c.At, c.By, c.Center, c.Command, c.Target, change.Before, Asked(c), $"{c.State.ToString().ToLowerInvariant()}: {c.Outcome}"));
                    }

                    await hub.Clients.User(c.By).SendAsync(HubMessage, c, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    log.LogWarning(ex, "Command {Id} ({State}) not audited or not pushed to {User}", c.Id, c.State, c.By);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>What the command asked for, as the audit log's "after".</summary>
    public static string Asked(CommandRecord c) => c.Command switch
    {
        CommandNames.ForceReady => "available",
        CommandNames.ForceNotReady => $"notready/{c.Reason}",
        CommandNames.ForceLogout => "loggedout",
        CommandNames.SetQueues => "queues " + string.Join(",", c.Queues ?? []),
        CommandNames.Message => "message: " + c.Text,
        CommandNames.Monitor => $"monitor {c.Mode}",
        CommandNames.BreakRequest => $"{c.Reason} for {c.Minutes} min",
        CommandNames.BreakApprove => "approved",
        _ => "denied: " + c.Why,
    };
}
