using FloorWatch.Contracts.Grains;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Time;
using FloorWatch.Grains.Time;

namespace FloorWatch.Grains.Agent;

/// <summary>An agent at a seat: folds its ordered facts into state, current call and time per state.</summary>
// State lives in memory and is rebuilt from the journal at start; it must not be collected when idle.
[KeepAlive]
public sealed class AgentGrain : Grain, IAgentGrain
{
    private AgentProjection _projection = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _projection = new AgentProjection(GrainKeys.Split(this.GetPrimaryKeyString()).Entity);
        return Task.CompletedTask;
    }

    public Task Apply(Immutable<FloorFact[]> facts)
    {
        foreach (var f in facts.Value)
        {
            _projection.Apply(f);
        }

        return Task.CompletedTask;
    }

    public Task<AgentView> View(DateTimeOffset asOf, ClockInfo clock)
    {
        var centerClock = Clocks.Get(clock);
        var (start, end) = centerClock.DayBounds(centerClock.BusinessDay(asOf));
        var today = _projection.Sum(start.UtcTicks, end.UtcTicks, asOf);
        var p = _projection;
        return Task.FromResult(new AgentView
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
        });
    }

    public Task<AgentIntervalRow[]> Intervals(DateOnly day, DateTimeOffset asOf, ClockInfo clock)
    {
        var rows = Clocks.Get(clock).IntervalsOf(day).Select(t =>
        {
            var i = _projection.Sum(t, t + CenterClock.IntervalTicks, asOf);
            return new AgentIntervalRow(
                CenterClock.FromTicks(t),
                CenterClock.FromTicks(t + CenterClock.IntervalTicks),
                ByState(i),
                i.SecondsByReason,
                i.Handled,
                i.Handled > 0 ? i.HandleTimeSum / i.Handled : null);
        });
        return Task.FromResult(rows.ToArray());
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
}
