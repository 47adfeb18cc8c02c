using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;

namespace FloorWatch.Grains.Push;

/// <summary>A live call (contract section 2) as a queue sees it waiting or an agent sees it connected.</summary>
public static class LiveCalls
{
    public static LiveCall Waiting(WaitingCall w) => new()
    {
        Call = w.Call,
        Queue = w.Queue,
        Position = w.Position,
        Agent = w.RingingAgent,
        Vip = w.Vip,
        Tags = w.Tags,
        Since = w.EnteredAt,
    };

    public static LiveCall Connected(string agent, AgentCallInfo call) => new()
    {
        Call = call.Call,
        Queue = call.Queue,
        Agent = agent,
        Held = call.Held,
        Vip = call.Vip,
        Tags = call.Tags,
        Since = call.Since,
    };

    /// <summary>With the seconds waited (a waiting call has a position) or talked so far at <paramref name="asOf"/>.</summary>
    public static LiveCall Timed(LiveCall c, DateTimeOffset asOf)
    {
        var seconds = Math.Max(0, (asOf - c.Since).TotalSeconds);
        return c.Position is null ? c with { TalkSeconds = seconds } : c with { WaitSeconds = seconds };
    }
}
