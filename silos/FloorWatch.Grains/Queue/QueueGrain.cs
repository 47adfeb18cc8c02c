using FloorWatch.Contracts.Grains;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;
using FloorWatch.Grains.Time;

namespace FloorWatch.Grains.Queue;

/// <summary>A queue: folds its ordered facts into waiting calls and interval counters.</summary>
// State lives in memory and is rebuilt from the journal at start; it must not be collected when idle.
[KeepAlive]
public sealed class QueueGrain : Grain, IQueueGrain
{
    private QueueProjection _projection = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _projection = new QueueProjection(GrainKeys.Split(this.GetPrimaryKeyString()).Entity);
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

    public Task<QueueView> View(DateTimeOffset asOf, QueueSettings settings, ClockInfo clock) =>
        Task.FromResult(QueueViewBuilder.Build(_projection, settings, Clocks.Get(clock), asOf));

    public Task<IntervalRow[]> Intervals(DateOnly day, DateTimeOffset asOf, QueueSettings settings, ClockInfo clock) =>
        Task.FromResult(QueueViewBuilder.Intervals(_projection, settings, Clocks.Get(clock), day, asOf));
}
