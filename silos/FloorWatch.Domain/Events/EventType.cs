namespace FloorWatch.Domain.Events;

/// <summary>The CTI event types of the contract, section 1.</summary>
public enum EventType : byte
{
    AgentLogin,
    AgentReady,
    AgentNotReady,
    AgentLogout,
    AgentQueues,
    CallQueued,
    CallRinging,
    CallRingNoAnswer,
    CallAnswered,
    CallHeld,
    CallRetrieved,
    CallEnded,
    CallAbandoned,
    CallOverflowed,
    CallTransferred,
    CallTagged,
    SwitchHeartbeat,
}

public static class EventTypeNames
{
    private static readonly Dictionary<string, EventType> ByName = new(StringComparer.Ordinal)
    {
        ["agent.login"] = EventType.AgentLogin,
        ["agent.ready"] = EventType.AgentReady,
        ["agent.notready"] = EventType.AgentNotReady,
        ["agent.logout"] = EventType.AgentLogout,
        ["agent.queues"] = EventType.AgentQueues,
        ["call.queued"] = EventType.CallQueued,
        ["call.ringing"] = EventType.CallRinging,
        ["call.ringnoanswer"] = EventType.CallRingNoAnswer,
        ["call.answered"] = EventType.CallAnswered,
        ["call.held"] = EventType.CallHeld,
        ["call.retrieved"] = EventType.CallRetrieved,
        ["call.ended"] = EventType.CallEnded,
        ["call.abandoned"] = EventType.CallAbandoned,
        ["call.overflowed"] = EventType.CallOverflowed,
        ["call.transferred"] = EventType.CallTransferred,
        ["call.tagged"] = EventType.CallTagged,
        ["switch.heartbeat"] = EventType.SwitchHeartbeat,
    };

    private static readonly Dictionary<EventType, string> ToName = ByName.ToDictionary(p => p.Value, p => p.Key);

    public static bool TryParse(string name, out EventType type) => ByName.TryGetValue(name, out type);

    public static string Name(this EventType type) => ToName[type];

    public static bool IsAgentEvent(this EventType type) => type <= EventType.AgentQueues;

    public static bool IsCallEvent(this EventType type) => type is >= EventType.CallQueued and <= EventType.CallTagged;
}
