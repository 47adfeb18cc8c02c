namespace FloorWatch.Domain.Floor;

/// <summary>What a <see cref="FloorFact"/> tells the agent or queue it is routed to.</summary>
public enum FactKind : byte
{
    /// <summary>Agent: logged in at <c>Text</c> (seat) with <c>List</c> (queues), <c>Reason</c> = name.</summary>
    AgentLoggedIn,

    /// <summary>Agent: new <c>Phase</c> and <c>Reason</c>.</summary>
    AgentPhase,

    /// <summary>Agent: queue membership replaced by <c>List</c>.</summary>
    AgentQueues,

    /// <summary>Agent: connected to <c>Call</c> (null: no call) in <c>Queue</c>; <c>Flag</c> = VIP.</summary>
    AgentCall,

    /// <summary>Agent or queue: hold flag of <c>Call</c> is <c>Flag</c>.</summary>
    CallHold,

    /// <summary>Agent or queue: <c>Call</c> now carries the tags <c>List</c>.</summary>
    CallTags,

    /// <summary>Agent and queue: a leg from <c>Start</c> to <c>Ts</c> ended its wrap-up.</summary>
    LegHandled,

    /// <summary>Agent: a ring went unanswered.</summary>
    MissedOffer,

    /// <summary>Queue: <c>Call</c> entered; <c>Flag</c> = VIP, <c>Priority</c>, <c>Text</c> = caller.</summary>
    CallOffered,

    /// <summary>Queue: <c>Call</c> answered by <c>Agent</c> after <c>Seconds</c>; <c>Flag</c> = within threshold.</summary>
    CallAnswered,

    /// <summary>Queue: <c>Call</c> abandoned after <c>Seconds</c>; <c>Flag</c> = short abandon.</summary>
    CallAbandoned,

    /// <summary>Queue: <c>Call</c> left by routing after <c>Seconds</c>.</summary>
    CallOverflowed,

    /// <summary>Queue: <c>Call</c> re-queued elsewhere after <c>Seconds</c>.</summary>
    CallTransferredOut,

    /// <summary>Queue: <c>Call</c> now rings <c>Agent</c> (null: rings nobody).</summary>
    CallRinging,

    /// <summary>Agent: break <c>Text</c> (request id) approved for <c>Reason</c>, <c>Seconds</c> = minutes.</summary>
    BreakApproved,

    /// <summary>Queue (or the center): member <c>Agent</c> is now in <c>Phase</c>/<c>Reason</c>; LoggedOut = not counted.</summary>
    MemberPhase,
}
