namespace FloorWatch.Simulator;

/// <summary>The CTI event type names of the contract, section 1.</summary>
public static class EventTypes
{
    public const string AgentLogin = "agent.login";
    public const string AgentReady = "agent.ready";
    public const string AgentNotReady = "agent.notready";
    public const string AgentLogout = "agent.logout";
    public const string AgentQueues = "agent.queues";
    public const string CallQueued = "call.queued";
    public const string CallRinging = "call.ringing";
    public const string CallRingNoAnswer = "call.ringnoanswer";
    public const string CallAnswered = "call.answered";
    public const string CallHeld = "call.held";
    public const string CallRetrieved = "call.retrieved";
    public const string CallEnded = "call.ended";
    public const string CallAbandoned = "call.abandoned";
    public const string CallOverflowed = "call.overflowed";
    public const string CallTransferred = "call.transferred";
    public const string CallTagged = "call.tagged";
    public const string SwitchHeartbeat = "switch.heartbeat";
}
