namespace FloorWatch.Simulator;

/// <summary>One simulated agent: who they are and where the switch has them.</summary>
internal sealed class SimAgent(string id, string seat, string name)
{
    public string Id { get; } = id;
    public string Seat { get; } = seat;
    public string Name { get; } = name;
    public string[] Queues { get; set; } = [];

    public AgentState State { get; set; } = AgentState.LoggedOut;

    /// <summary>When the agent last became available: the longest idle is offered the next call.</summary>
    public DateTimeOffset AvailableSince { get; set; }

    /// <summary>The call ringing, connected or in wrap-up.</summary>
    public SimCall? Call { get; set; }

    /// <summary>The planned end of the current state (login, wrap-up, not ready, logged out for a while).</summary>
    public Calendar.Planned? StateTimer { get; set; }

    /// <summary>Personal time fell due while busy: taken when the work in hand is done.</summary>
    public bool BreakDue { get; set; }

    public Calendar.Planned? BreakTimer { get; set; }

    /// <summary>A supervisor's command that waits for the agent's call to end (or, for ready, a ring to stop).</summary>
    public PendingCommand? Pending { get; set; }

    public void CancelStateTimer()
    {
        StateTimer?.Cancel();
        StateTimer = null;
    }
}

internal enum AgentState
{
    LoggedOut,
    NotReady,
    Available,
    Ringing,
    OnCall,
    WrapUp,
}

/// <summary>A forced state change held until the agent is free: ready, not ready with a reason, or logout.</summary>
internal sealed record PendingCommand(string Command, string? Reason);
