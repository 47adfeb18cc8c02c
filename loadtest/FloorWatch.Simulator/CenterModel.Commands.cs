namespace FloorWatch.Simulator;

/// <summary>
/// Commands from FloorWatch (contract section 5), obeyed as a switch would: what can change now
/// changes now, with the event that shows it; what would cut a call short waits for the call to end.
/// </summary>
public sealed partial class CenterModel
{
    /// <summary>Applies a command at the time provider's now; the events it causes go to <paramref name="output"/>.</summary>
    public CommandOutcome Obey(SwitchCommand command, ICollection<SwitchEvent> output)
    {
        if (_stopped)
        {
            return CommandOutcome.Ignored("the switch is stopping");
        }

        _out = output;
        CatchUp(_time.GetUtcNow());
        var outcome = command.Command switch
        {
            SwitchCommand.ForceReady => WithAgent(command, ForceReady),
            SwitchCommand.ForceNotReady => WithAgent(command, ForceNotReady),
            SwitchCommand.ForceLogout => WithAgent(command, ForceLogout),
            SwitchCommand.SetQueues => WithAgent(command, SetQueues),
            SwitchCommand.Message => WithAgent(command, (a, _) => CommandOutcome.Done($"message shown on {a.Id}'s phone")),
            SwitchCommand.Monitor => Monitor(command),
            _ => CommandOutcome.Ignored($"unknown command '{command.Command}'"),
        };
        Dispatch();
        return outcome;
    }

    private CommandOutcome WithAgent(SwitchCommand command, Func<SimAgent, SwitchCommand, CommandOutcome> apply) =>
        command.Agent is null ? CommandOutcome.Ignored("field 'agent': required")
        : _agentsById.TryGetValue(command.Agent, out var agent) ? apply(agent, command)
        : CommandOutcome.Ignored($"no agent '{command.Agent}' on this switch");

    private CommandOutcome ForceReady(SimAgent agent, SwitchCommand command)
    {
        switch (agent.State)
        {
            case AgentState.LoggedOut:
                return CommandOutcome.Ignored($"{agent.Id} is logged out");
            case AgentState.Available:
                // Already ready: the switch confirms with the event the command waits for.
                Emit(new SwitchEvent { Type = EventTypes.AgentReady, Agent = agent.Id });
                return CommandOutcome.Done($"{agent.Id} was already ready");
            case AgentState.NotReady or AgentState.WrapUp:
                // A forced ready ends wrap-up as it ends not ready.
                BecomeAvailable(agent);
                return CommandOutcome.Done($"{agent.Id} ready");
            default:
                agent.Pending = new PendingCommand(command.Command, null);
                return CommandOutcome.Pending($"{agent.Id} goes ready when the call ends");
        }
    }

    private CommandOutcome ForceNotReady(SimAgent agent, SwitchCommand command)
    {
        if (string.IsNullOrWhiteSpace(command.Reason) || command.Reason.Length > WireIds.MaxLength)
        {
            return CommandOutcome.Ignored($"field 'reason': required, at most {WireIds.MaxLength} characters");
        }

        switch (agent.State)
        {
            case AgentState.LoggedOut:
                return CommandOutcome.Ignored($"{agent.Id} is logged out");
            case AgentState.OnCall:
                agent.Pending = new PendingCommand(command.Command, command.Reason);
                return CommandOutcome.Pending($"{agent.Id} goes not ready ({command.Reason}) when the call ends");
            default:
                NotReady(agent, command.Reason, ForcedNotReadySeconds(command.Reason));
                return CommandOutcome.Done($"{agent.Id} not ready ({command.Reason})");
        }
    }

    private CommandOutcome ForceLogout(SimAgent agent, SwitchCommand command)
    {
        switch (agent.State)
        {
            case AgentState.LoggedOut:
                return CommandOutcome.Ignored($"{agent.Id} is already logged out");
            case AgentState.OnCall:
                // As Cisco Finesse does: a forced logout waits until the call ends.
                agent.Pending = new PendingCommand(command.Command, null);
                return CommandOutcome.Pending($"{agent.Id} is logged out when the call ends");
            default:
                LogOut(agent, "supervisor", ForcedLogoutSeconds());
                return CommandOutcome.Done($"{agent.Id} logged out");
        }
    }

    private CommandOutcome SetQueues(SimAgent agent, SwitchCommand command)
    {
        var queues = command.Queues?.Distinct(StringComparer.Ordinal).ToArray();
        if (queues is null || queues.Length == 0 || !queues.All(WireIds.IsEntityId))
        {
            return CommandOutcome.Ignored("field 'queues': a non-empty list of queue ids ([A-Za-z0-9_.-]{1,64})");
        }

        agent.Queues = queues;
        _routingChanged = true;
        Emit(new SwitchEvent { Type = EventTypes.AgentQueues, Agent = agent.Id, Queues = queues });
        return CommandOutcome.Done($"{agent.Id} now serves {string.Join(", ", queues)}");
    }

    private CommandOutcome Monitor(SwitchCommand command) =>
        command.Call is not null && _calls.TryGetValue(command.Call, out var call) && !call.Waiting
            ? CommandOutcome.Done($"{command.Mode ?? "listen"} on call {call.Id}")
            : CommandOutcome.Ignored($"no connected call '{command.Call}'");
}
