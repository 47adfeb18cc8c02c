using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Rules;
using FloorWatch.Domain.Time;

namespace FloorWatch.Grains.Agent;

/// <summary>Builds an agent's view and interval rows from its projection (the grain holds the projection; this is the shape).</summary>
public static class AgentViewBuilder
{
    /// <summary>The agent now, with today's figures on the center's clock and the agent's own early warning.</summary>
    public static AgentView Build(AgentProjection p, DateTimeOffset asOf, CenterClock clock, AgentNotice? notice = null)
    {
        var (start, end) = clock.DayBounds(clock.BusinessDay(asOf));
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
            AhtSeconds = Aht(today),
            SecondsByState = ByState(today),
            SecondsByReason = today.SecondsByReason,
            MissedOffers = p.MissedOffers,
            LoggedInAt = p.LoggedInAt,
            Notice = notice,
        };
    }

    /// <summary>Every interval of business day <paramref name="day"/>.</summary>
    public static AgentIntervalRow[] Intervals(AgentProjection p, DateOnly day, DateTimeOffset asOf, CenterClock clock) =>
        clock.IntervalsOf(day).Select(t =>
        {
            var i = p.Sum(t, t + CenterClock.IntervalTicks, asOf);
            return new AgentIntervalRow(
                CenterClock.FromTicks(t),
                CenterClock.FromTicks(t + CenterClock.IntervalTicks),
                ByState(i),
                i.SecondsByReason,
                i.Handled,
                Aht(i));
        }).ToArray();

    private static double? Aht(AgentInterval i) => i.Handled > 0 ? i.HandleTimeSum / i.Handled : null;

    private static StateSecondsDictionary ByState(AgentInterval i) => new(i.SecondsByPhase);
}
