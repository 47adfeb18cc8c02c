namespace FloorWatch.Server.Breaks;

/// <summary>Break requests and their approval (contract section 5): journaled, so they hold across restarts and in the floor's order.</summary>
public interface IBreakDesk
{
    /// <summary>Files a request; its id is <paramref name="id"/> (the command's id).</summary>
    Task<BreakOutcome> RequestAsync(string center, string id, string agent, string reason, int minutes, string by, CancellationToken ct);

    /// <summary>Approves, or refuses by itself when the queue's break quota is full, service level is protected, or it is the agent's first hour.</summary>
    Task<BreakOutcome> ApproveAsync(string center, string request, string by, CancellationToken ct);

    Task<BreakOutcome> DenyAsync(string center, string request, string why, string by, CancellationToken ct);
}
