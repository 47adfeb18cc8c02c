using FloorWatch.Contracts.Grains;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Rules;
using FloorWatch.Domain.Settings;
using FloorWatch.Grains.Archive;
using FloorWatch.Grains.Push;
using FloorWatch.Grains.Rules;
using FloorWatch.Grains.Time;
using Microsoft.Extensions.Options;

namespace FloorWatch.Grains.Queue;

/// <summary>
/// A queue: folds its ordered facts into waiting calls and interval counters, and enforces its
/// rules (agents away at once, the interval's service level) after each fact that moves them.
/// </summary>
// State lives in memory and is rebuilt from the journal at start; it must not be collected when idle.
[KeepAlive]
public sealed class QueueGrain(TimeProvider time, IOptions<PushOptions> push, IIntervalArchive archive) : Grain, IQueueGrain
{
    private QueueProjection _projection = null!;
    private QueueRules _rules = null!;
    private RuleJudge _judge = null!;
    private QueueSettings _settings = QueueSettings.Default;
    private RuleContext? _context;
    private DeadlineTimer _timer = null!;
    private string _center = "";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (center, queue) = GrainKeys.Split(this.GetPrimaryKeyString());
        _center = center;
        _projection = new QueueProjection(queue);
        _rules = new QueueRules(queue);
        _judge = new RuleJudge((into, at) => _rules.Conditions(_projection, _settings, _context!.Rules, at, into));
        _timer = new DeadlineTimer(this, OnIntervalEnd, time, push.Value.Interval);
        return Task.CompletedTask;
    }

    public Task<QueueApplied> Apply(Immutable<IReadOnlyList<FloorFact>> facts, QueueSettings settings, RuleContext context, ViewAsOf? view)
    {
        _settings = settings;
        _context = context;
        _judge.Clear();
        var list = facts.Value;
        for (var i = 0; i < list.Count; i++)
        {
            var f = list[i];
            _projection.Apply(f);
            if (f.Kind is FactKind.MemberPhase or FactKind.CallAnswered or FactKind.CallAbandoned)
            {
                _judge.Judge(f.Ts);
            }
        }

        var alerts = Finish();
        return Task.FromResult(new QueueApplied(alerts, view is null ? null : ViewOf(view.At, settings, view.Clock)));
    }

    public Task<AlertView[]> Evaluate(QueueSettings settings, RuleContext context)
    {
        _settings = settings;
        _context = context;
        _judge.Clear();
        return Task.FromResult(Finish());
    }

    private AlertView[] Finish()
    {
        var context = _context!;
        var now = RuleJudge.Now(context, time);
        _judge.Judge(now);
        // An interval's breach ends with the interval: a timer to its end while one is open.
        _timer.Arm(_judge.HasActive ? QueueRules.NextInterval(now) : null, context);
        return AlertViews.Of(_center, _judge.Changes);
    }

    private Task OnIntervalEnd()
    {
        _judge.Clear();
        var alerts = Finish();
        return alerts.Length > 0 ? GrainFactory.GetGrain<ICenterGrain>(_center).Changed(null, alerts) : Task.CompletedTask;
    }

    public Task<QueueView> View(DateTimeOffset asOf, QueueSettings settings, ClockInfo clock) => Task.FromResult(ViewOf(asOf, settings, clock));

    private QueueView ViewOf(DateTimeOffset asOf, QueueSettings settings, ClockInfo clock) =>
        QueueViewBuilder.Build(_projection, settings, Clocks.Get(clock), asOf);

    public async Task<IntervalRow[]> Intervals(DateOnly day, DateTimeOffset asOf, QueueSettings settings, ClockInfo clock, long archivedBefore)
    {
        var centerClock = Clocks.Get(clock);
        var archived = await QueueArchive.ReadDay(archive, _center, _projection.Id, centerClock, day, archivedBefore);
        return QueueViewBuilder.Intervals(_projection, settings, centerClock, day, asOf, archived);
    }

    public Task<int> ArchiveBefore(long ticks) => QueueArchive.Move(archive, _center, _projection, ticks, _projection.Id);
}
