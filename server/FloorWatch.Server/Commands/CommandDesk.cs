using System.Text.Json.Nodes;
using FloorWatch.Contracts.Grains;
using FloorWatch.Contracts.Views;
using FloorWatch.Server.Agents;
using FloorWatch.Server.Breaks;
using FloorWatch.Server.Ingest;
using FloorWatch.Server.Journal;
using FloorWatch.Server.Options;
using FloorWatch.Server.Push;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace FloorWatch.Server.Commands;

/// <summary>
/// Carries out a checked command: looks the agent up in its center, sends the command to the
/// center's switch over the CTI link or hands a break command to the break desk, and gives the
/// tracker what it needs to see it through.
/// </summary>
public sealed class CommandDesk(
    CommandTracker tracker,
    CtiLinks links,
    CenterDispatcher dispatcher,
    IGrainFactory grains,
    IServiceProvider services,
    AgentMessages messages,
    IHubContext<FloorHub> hub,
    IOptions<FloorWatchOptions> options,
    TimeProvider time,
    ILogger<CommandDesk> log)
{
    /// <summary>How long a link may take to accept a command line.</summary>
    private static readonly TimeSpan SendWithin = TimeSpan.FromSeconds(5);

    /// <summary>Opens the command as pending and sees it as far as it goes now; answers its id.</summary>
    public async Task<string> Run(string center, CommandRequest c, string by, CancellationToken ct)
    {
        var id = "cmd-" + Guid.NewGuid().ToString("N");
        var record = CommandRecord.From(c, id, center, by, time.GetUtcNow());
        var agent = record.Agent is { } name ? await AgentNow(center, name, ct) : null;
        tracker.Open(record, agent is null ? null : StateText(agent));

        // From here the command has an id its sender was given: it runs to its end even if the request goes away.
        try
        {
            if (CommandNames.IsBreakCommand(record.Command))
            {
                await Break(record, agent);
            }
            else
            {
                await Switch(record, agent);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            log.LogError(ex, "Command {Id} {Command} of center {Center} failed", id, record.Command, center);
            tracker.Finish(id, CommandState.Failed, "the server could not carry it out: " + ex.Message);
        }

        return id;
    }

    /// <summary>The agent's state as the audit log shows it, e.g. <c>notready/away</c>.</summary>
    public static string StateText(AgentView agent) => agent.Reason is { } reason ? $"{agent.State}/{reason}" : agent.State;

    private async Task<AgentView?> AgentNow(string center, string agent, CancellationToken ct)
    {
        // The agent as of everything journaled before the command, not a moment behind it.
        await dispatcher.WaitAppliedAsync(center, ct);
        return await grains.GetGrain<ICenterGrain>(center).Agent(agent, time.GetUtcNow());
    }

    private async Task Switch(CommandRecord c, AgentView? agent)
    {
        string? waitsForCall = null;
        if (CommandNames.IsAgentCommand(c.Command))
        {
            if (agent is null)
            {
                tracker.Finish(c.Id, CommandState.Refused, $"agent '{c.Agent}' is not known in center '{c.Center}'");
                return;
            }

            if (agent.State == "loggedout")
            {
                tracker.Finish(c.Id, CommandState.Refused, $"agent '{c.Agent}' is logged out");
                return;
            }

            // As Cisco Finesse does: a forced state change of an agent on a call waits for its end (the switch holds it).
            if (c.Command is CommandNames.ForceLogout or CommandNames.ForceReady or CommandNames.ForceNotReady
                && agent.State is "oncall" or "ringing")
            {
                waitsForCall = agent.Call?.Call;
            }
        }

        if (c.Command == CommandNames.Message && c.Agent is { } to && c.Text is { } text)
        {
            // The agent's own page shows it whether or not the switch can show it on the phone.
            var message = messages.Add(c.Center, to, new AgentMessage(c.At, c.By, text));
            await hub.Clients.Group(AlertAudience.Agent(c.Center, to)).SendAsync("message", message);
        }

        if (!links.IsConnected(c.Center))
        {
            tracker.Finish(c.Id, CommandState.Failed, NoSwitch(c.Center));
            return;
        }

        if (Confirmation.For(c) is { } confirm)
        {
            tracker.Expect(c.Id, confirm, waitsForCall);
        }

        if (await links.SendCommand(c.Center, Line(c), SendWithin) == 0)
        {
            tracker.Finish(c.Id, CommandState.Failed, NoSwitch(c.Center));
            return;
        }

        // No event of the protocol shows a message read or a call being monitored: written to the switch is as far as anyone can see.
        if (c.Command is CommandNames.Message or CommandNames.Monitor)
        {
            if (c.Command == CommandNames.Monitor && c.Call is { } call)
            {
                // The call's monitoredBy names who listens in, for as long as it stays connected.
                await grains.GetGrain<ICenterGrain>(c.Center).Monitoring(call, c.By);
            }

            tracker.Finish(c.Id, CommandState.Done, "sent to the switch");
        }
    }

    private static string NoSwitch(string center) => $"no switch is connected to the CTI link for center {center}";

    /// <summary>The object of the <c>{"command":{...}}</c> line: the command's own fields, and whether the agent is told a call is monitored.</summary>
    private JsonObject Line(CommandRecord c)
    {
        var line = new JsonObject { ["id"] = c.Id, ["command"] = c.Command };
        Add(line, "agent", c.Agent);
        Add(line, "reason", c.Reason);
        if (c.Queues is { } queues)
        {
            line["queues"] = new JsonArray([.. queues.Select(q => (JsonNode?)JsonValue.Create(q))]);
        }

        Add(line, "text", c.Text);
        Add(line, "call", c.Call);
        Add(line, "mode", c.Mode);
        if (c.Command == CommandNames.Monitor)
        {
            line["announce"] = options.Value.Monitor.Announce;
        }

        return line;
    }

    private static void Add(JsonObject line, string field, string? value)
    {
        if (value is not null)
        {
            line[field] = value;
        }
    }

    private async Task Break(CommandRecord c, AgentView? agent)
    {
        if (services.GetService<IBreakDesk>() is not { } desk)
        {
            tracker.Finish(c.Id, CommandState.Failed, "break requests are not taken on this server");
            return;
        }

        if (c.Command == CommandNames.BreakRequest && agent is null)
        {
            tracker.Finish(c.Id, CommandState.Refused, $"agent '{c.Agent}' is not known in center '{c.Center}'");
            return;
        }

        var outcome = c.Command switch
        {
            CommandNames.BreakRequest => await desk.RequestAsync(c.Center, c.Id, c.Agent!, c.Reason!, c.Minutes!.Value, c.By, CancellationToken.None),
            CommandNames.BreakApprove => await desk.ApproveAsync(c.Center, c.Request!, c.By, CancellationToken.None),
            _ => await desk.DenyAsync(c.Center, c.Request!, c.Why!, c.By, CancellationToken.None),
        };
        tracker.Finish(c.Id, outcome.Done ? CommandState.Done : CommandState.Refused, outcome.Outcome);
    }
}
