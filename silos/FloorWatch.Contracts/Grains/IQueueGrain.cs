using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;

namespace FloorWatch.Contracts.Grains;

/// <summary>A queue, keyed "center/queue": waiting calls, interval counters, figures.</summary>
public interface IQueueGrain : IGrainWithStringKey
{
    Task Apply(Immutable<FloorFact[]> facts);

    Task<QueueView> View(DateTimeOffset asOf, QueueSettings settings, ClockInfo clock);

    Task<IntervalRow[]> Intervals(DateOnly day, DateTimeOffset asOf, QueueSettings settings, ClockInfo clock);
}
