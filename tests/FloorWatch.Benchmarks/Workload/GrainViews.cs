using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Time;

namespace FloorWatch.Benchmarks.Workload;

/// <summary>What the grains return, made without Orleans: AgentGrain.View and the clock of the center's settings.</summary>
public static class GrainViews
{
    /// <summary>A center in China, as the floor's own: the business day needs a real time zone.</summary>
    public static readonly ClockInfo Clock = new("Asia/Shanghai", "00:00");

    /// <summary>AgentGrain.View (a grain method, not callable without a silo), line for line.</summary>
    public static AgentView Agent(AgentProjection p, DateTimeOffset asOf, CenterClock centerClock)
    {
        var (start, end) = centerClock.DayBounds(centerClock.BusinessDay(asOf));
        var today = p.Sum(start.UtcTicks, end.UtcTicks, asOf);
        return new AgentView
        {
            Id = p.Id,
            Name = p.Name,
            Seat = p.Seat,
            Queues = p.Queues,
            State = p.Phase.Name(),
            Reason = p.Reason,
            Since = p.Since,
            Call = p.Call,
            Handled = today.Handled,
            AhtSeconds = today.Handled > 0 ? today.HandleTimeSum / today.Handled : null,
            SecondsByState = ByState(today),
            SecondsByReason = today.SecondsByReason,
            MissedOffers = p.MissedOffers,
        };
    }

    private static Dictionary<string, double> ByState(AgentInterval i)
    {
        var d = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var p = AgentPhase.NotReady; p <= AgentPhase.WrapUp; p++)
        {
            d[p.Name()] = i.SecondsByPhase[(int)p];
        }

        return d;
    }

    /// <summary>LiveCallSet.Waiting (internal to the grains), field for field.</summary>
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

    /// <summary>LiveCallSet.Connected (internal to the grains), field for field.</summary>
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
}
