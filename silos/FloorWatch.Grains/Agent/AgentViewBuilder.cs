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
        return View(p, p.Sum(start.UtcTicks, end.UtcTicks, asOf), notice);
    }

    /// <summary>The agent as it stands, with today's figures (the day of <paramref name="asOf"/>) but the time of its open state.</summary>
    public static AgentViewDraft Draft(AgentProjection p, DateTimeOffset asOf, CenterClock clock, AgentNotice? notice = null)
    {
        var day = clock.BusinessDay(asOf);
        var (start, end) = clock.DayBounds(day);
        return new AgentViewDraft(View(p, p.Closed(start.UtcTicks, end.UtcTicks), notice), day);
    }

    private static AgentView View(AgentProjection p, AgentInterval today, AgentNotice? notice) => new()
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
        SecondsByReason = ReasonSecondsDictionary.Of(today),
        MissedOffers = p.MissedOffers,
        LoggedInAt = p.LoggedInAt,
        Notice = notice,
    };

    /// <summary>
    /// The draft's view as of <paramref name="asOf"/>: its open state's time added the way
    /// <see cref="AgentProjection.Sum"/> adds it, so the figures are, to the last bit, those
    /// <see cref="Build"/> gives then (AgentViewDraftTests holds this).
    /// Null when <paramref name="asOf"/> is in another business day than the draft's figures.
    /// </summary>
    public static AgentView? Finish(AgentViewDraft draft, DateTimeOffset asOf, CenterClock clock)
    {
        if (clock.BusinessDay(asOf) != draft.Day)
        {
            return null;
        }

        var view = draft.View;
        if (!AgentPhaseNames.TryParse(view.State, out var phase) || phase == AgentPhase.LoggedOut)
        {
            return view;
        }

        var (start, end) = clock.DayBounds(draft.Day);
        var open = AgentProjection.OpenSeconds(view.Since, start.UtcTicks, end.UtcTicks, asOf);
        if (open <= 0)
        {
            return view;
        }

        var byState = view.SecondsByState as StateSecondsDictionary ?? throw new InvalidOperationException($"agent {view.Id}: a draft holds its seconds per state as a {nameof(StateSecondsDictionary)}");
        var byReason = view.SecondsByReason as ReasonSecondsDictionary ?? throw new InvalidOperationException($"agent {view.Id}: a draft holds its seconds per reason as a {nameof(ReasonSecondsDictionary)}");
        return view with
        {
            SecondsByState = byState.Plus(phase, open),
            SecondsByReason = AgentInterval.ReasonKey(phase, view.Reason) is { } reason ? byReason.Plus(reason, open) : byReason,
        };
    }

    /// <summary>Every interval of business day <paramref name="day"/>.</summary>
    /// <param name="archived">The day's intervals read back from the archive, by start; added to those in memory.</param>
    public static AgentIntervalRow[] Intervals(AgentProjection p, DateOnly day, DateTimeOffset asOf, CenterClock clock, IReadOnlyDictionary<long, AgentInterval>? archived = null) =>
        clock.IntervalsOf(day).Select(t =>
        {
            var i = p.HeldSum(t, t + CenterClock.IntervalTicks, asOf);
            if (archived is not null && archived.TryGetValue(t, out var past))
            {
                i.Add(past);
            }

            return new AgentIntervalRow(
                CenterClock.FromTicks(t),
                CenterClock.FromTicks(t + CenterClock.IntervalTicks),
                ByState(i),
                ReasonSecondsDictionary.Of(i),
                i.Handled,
                Aht(i));
        }).ToArray();

    private static double? Aht(AgentInterval i) => i.Handled > 0 ? i.HandleTimeSum / i.Handled : null;

    private static StateSecondsDictionary ByState(AgentInterval i) => new(i.SecondsByPhase);
}
