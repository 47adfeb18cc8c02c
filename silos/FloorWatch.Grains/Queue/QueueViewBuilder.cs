using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Figures;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;
using FloorWatch.Domain.Staffing;
using FloorWatch.Domain.Time;

namespace FloorWatch.Grains.Queue;

/// <summary>Builds a queue's (or the center's) view at an instant from its projection.</summary>
public static class QueueViewBuilder
{
    /// <summary>The AHT Erlang C assumes before a queue has handled a call today.</summary>
    public const double DefaultAhtSeconds = 180;

    public static QueueView Build(QueueProjection projection, QueueSettings settings, CenterClock clock, DateTimeOffset asOf)
    {
        var intervalStart = CenterClock.IntervalStartTicks(asOf);
        var interval = projection.Figures(intervalStart, intervalStart + CenterClock.IntervalTicks, asOf, settings.SlFormula);
        var (dayStart, dayEnd) = clock.DayBounds(clock.BusinessDay(asOf));
        var today = projection.Figures(dayStart.UtcTicks, dayEnd.UtcTicks, asOf, settings.SlFormula);
        var lastComplete = projection.Figures(intervalStart - CenterClock.IntervalTicks, intervalStart, asOf, settings.SlFormula);
        var aht = today.AhtSeconds ?? DefaultAhtSeconds;
        var callsPerHour = lastComplete.Offered * (TimeSpan.FromHours(1) / CenterClock.IntervalLength);
        var required = ErlangC.Required(callsPerHour, aht, settings.SlThresholdSeconds, settings.SlTarget).Agents;
        var now = projection.Now(asOf);
        var serving = now.Available + now.Ringing + now.OnCall + now.WrapUp;
        return new QueueView
        {
            Id = projection.Id,
            Name = settings.Name ?? projection.Id,
            Now = new QueueNowView
            {
                Counts = now,
                RequiredAgents = required,
                EstimatedWaitSeconds = ErlangC.EstimatedWaitSeconds(now.Waiting, now.Available, serving, aht),
            },
            Interval = interval,
            Today = today,
            RequiredAgents = required,
            Settings = settings,
            WaitingCalls = projection.WaitingCalls(),
        };
    }

    /// <param name="archived">The day's counters read back from the archive, by start; added to those in memory.</param>
    public static IntervalRow[] Intervals(QueueProjection projection, QueueSettings settings, CenterClock clock, DateOnly day, DateTimeOffset asOf, IReadOnlyDictionary<long, IntervalCounters>? archived = null) =>
        clock.IntervalsOf(day)
            .Select(t => new IntervalRow(
                CenterClock.FromTicks(t),
                CenterClock.FromTicks(t + CenterClock.IntervalTicks),
                projection.Figures(t, t + CenterClock.IntervalTicks, asOf, settings.SlFormula, archived?.GetValueOrDefault(t))))
            .ToArray();
}
