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

    /// <summary>The phase named <paramref name="name"/> (as <see cref="Name"/> writes it).</summary>
    public static bool TryParse(string name, out AgentPhase phase)
    {
        for (var p = AgentPhase.LoggedOut; p <= AgentPhase.WrapUp; p++)
        {
            if (string.Equals(p.Name(), name, StringComparison.Ordinal))
            {
                phase = p;
                return true;
            }
        }

        phase = default;
        return false;
    }

    public static bool IsBusy(this AgentPhase p) => p is AgentPhase.Ringing or AgentPhase.OnCall or AgentPhase.WrapUp;

    public static bool IsStaffed(this AgentPhase p) => p != AgentPhase.LoggedOut;
}
