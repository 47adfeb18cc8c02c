using FloorWatch.Domain.Events;

namespace FloorWatch.Domain.Tests;

/// <summary>Terse event builders for hand-worked examples; times are seconds after 08:00:00Z.</summary>
public static class Ev
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 17, 8, 0, 0, TimeSpan.Zero);
    private static int _next;

    private static CtiEvent E(EventType type, double at) => new() { Id = $"e{Interlocked.Increment(ref _next)}", Ts = T0.AddSeconds(at), Center = "c", Type = type };

    public static CtiEvent Login(double at, string agent, params string[] queues) => E(EventType.AgentLogin, at) with { Agent = agent, Seat = "S-" + agent, Queues = queues };
    public static CtiEvent Ready(double at, string agent) => E(EventType.AgentReady, at) with { Agent = agent };
    public static CtiEvent NotReady(double at, string agent, string reason) => E(EventType.AgentNotReady, at) with { Agent = agent, Reason = reason };
    public static CtiEvent Logout(double at, string agent) => E(EventType.AgentLogout, at) with { Agent = agent };
    public static CtiEvent Skills(double at, string agent, params string[] queues) => E(EventType.AgentQueues, at) with { Agent = agent, Queues = queues };
    public static CtiEvent Queued(double at, string call, string queue) => E(EventType.CallQueued, at) with { Call = call, Queue = queue };
    public static CtiEvent Ringing(double at, string call, string agent) => E(EventType.CallRinging, at) with { Call = call, Agent = agent };
    public static CtiEvent Rona(double at, string call, string agent) => E(EventType.CallRingNoAnswer, at) with { Call = call, Agent = agent };
    public static CtiEvent Answered(double at, string call, string agent) => E(EventType.CallAnswered, at) with { Call = call, Agent = agent };
    public static CtiEvent Ended(double at, string call) => E(EventType.CallEnded, at) with { Call = call };
    public static CtiEvent Abandoned(double at, string call) => E(EventType.CallAbandoned, at) with { Call = call };
    public static CtiEvent Overflowed(double at, string call) => E(EventType.CallOverflowed, at) with { Call = call };
    public static CtiEvent ToQueue(double at, string call, string queue) => E(EventType.CallTransferred, at) with { Call = call, Queue = queue };
    public static CtiEvent ToAgent(double at, string call, string agent) => E(EventType.CallTransferred, at) with { Call = call, Agent = agent };
}
