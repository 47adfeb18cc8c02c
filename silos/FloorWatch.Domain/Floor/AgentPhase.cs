namespace FloorWatch.Domain.Floor;

/// <summary>An agent's state on the floor. Busy (for occupancy) = Ringing, OnCall, WrapUp.</summary>
public enum AgentPhase : byte
{
    LoggedOut,
    NotReady,
    Available,
    Ringing,
    OnCall,
    WrapUp,
}

public static class AgentPhaseNames
{
    public const int Count = 6;

    public static string Name(this AgentPhase p) => p switch
    {
        AgentPhase.LoggedOut => "loggedout",
        AgentPhase.NotReady => "notready",
        AgentPhase.Available => "available",
        AgentPhase.Ringing => "ringing",
        AgentPhase.OnCall => "oncall",
        _ => "wrapup",
    };

    public static bool IsBusy(this AgentPhase p) => p is AgentPhase.Ringing or AgentPhase.OnCall or AgentPhase.WrapUp;

    public static bool IsStaffed(this AgentPhase p) => p != AgentPhase.LoggedOut;
}
