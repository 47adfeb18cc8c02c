using FloorWatch.Domain.Events;

namespace FloorWatch.Server.Commands;

/// <summary>The switch's event that shows a command took effect (contract section 5: "done when the switch's own event shows its effect").</summary>
public sealed record Confirmation(EventType Type, string Agent, string? Reason = null, IReadOnlyList<string>? Queues = null)
{
    /// <summary>What confirms <paramref name="c"/>, or null for a command no event confirms (a message, monitoring, a break).</summary>
    public static Confirmation? For(CommandRecord c) => c.Command switch
    {
        CommandNames.ForceReady => new(EventType.AgentReady, c.Agent!),
        CommandNames.ForceNotReady => new(EventType.AgentNotReady, c.Agent!, Reason: c.Reason),
        CommandNames.ForceLogout => new(EventType.AgentLogout, c.Agent!),
        CommandNames.SetQueues => new(EventType.AgentQueues, c.Agent!, Queues: c.Queues),
        _ => null,
    };

    public bool Matches(CtiEvent e) =>
        e.Type == Type
        && e.Agent == Agent
        && (Reason is null || e.Reason == Reason)
        && (Queues is null || (e.Queues is { } got && got.ToHashSet(StringComparer.Ordinal).SetEquals(Queues)));
}
