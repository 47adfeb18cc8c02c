using FloorWatch.Contracts.Grains;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Rules;
using FloorWatch.Grains.Archive;
using FloorWatch.Grains.Push;
using FloorWatch.Grains.Rules;
using FloorWatch.Grains.Time;
using Microsoft.Extensions.Options;

namespace FloorWatch.Grains.Agent;

/// <summary>
/// An agent at a seat: folds its ordered facts into state, current call and time per state, and
/// enforces its own floor rules: each fact is judged at its own time, and while the center is live
/// one timer waits for the next deadline (no polling).
/// </summary>
// State lives in memory and is rebuilt from the journal at start; it must not be collected when idle.
[KeepAlive]
public sealed class AgentGrain(TimeProvider time, IOptions<PushOptions> push, IIntervalArchive archive) : Grain, IAgentGrain
{
    private AgentProjection _projection = null!;
    private RuleJudge _judge = null!;
    private RuleContext? _context;
    private DeadlineTimer _timer = null!;
    private string _center = "";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (center, agent) = GrainKeys.Split(this.GetPrimaryKeyString());
        _center = center;
        _projection = new AgentProjection(agent);
        _judge = new RuleJudge((into, _) => AgentRules.Conditions(_projection, _context!.Rules, into));
        _timer = new DeadlineTimer(this, OnDeadline, time, push.Value.Interval);
        return Task.CompletedTask;
    }

    public Task<AgentApplied> Apply(Immutable<IReadOnlyList<FloorFact>> facts, RuleContext context, ClockInfo? draftClock)
    {
        _context = context;
        _judge.Clear();
        var list = facts.Value;
        for (var i = 0; i < list.Count; i++)
        {
            var f = list[i];
            // Deadlines that passed before this fact count at their own time, as they did live.
            _judge.CatchUp(f.Ts);
            _projection.Apply(f);
            _judge.Judge(f.Ts);
        }

        var alerts = Finish();
        var draft = draftClock is null ? null : AgentViewBuilder.Draft(_projection, time.GetUtcNow(), Clocks.Get(draftClock), _judge.Notice);
        return Task.FromResult(new AgentApplied(alerts, draft));
    }

    public Task<AlertView[]> Evaluate(RuleContext context)
    {
        _context = context;
        _judge.Clear();
        return Task.FromResult(Finish());
    }

    private AlertView[] Finish()
    {
        var context = _context!;
        _judge.Judge(RuleJudge.Now(context, time));
        _timer.Arm(_judge.Next, context);
        return AlertViews.Of(_center, _judge.Changes);
    }

    private Task OnDeadline()
    {
        _judge.Clear();
        var alerts = Finish();
        if (alerts.Length > 0 || _judge.NoticeChanged)
        {
            // One-way: the center may be waiting on this grain's Apply.
            return GrainFactory.GetGrain<ICenterGrain>(_center).Changed(_projection.Id, alerts);
        }

        return Task.CompletedTask;
    }

    public Task<AgentView> View(DateTimeOffset asOf, ClockInfo clock) =>
        Task.FromResult(AgentViewBuilder.Build(_projection, asOf, Clocks.Get(clock), _judge.Notice));

    public async Task<AgentIntervalRow[]> Intervals(DateOnly day, DateTimeOffset asOf, ClockInfo clock, long archivedBefore)
    {
        var centerClock = Clocks.Get(clock);
        var archived = ArchiveDays.ArchivedPart(centerClock, day, archivedBefore) is var (from, to)
            ? await archive.AgentAsync(_center, _projection.Id, from, to)
            : null;
        return AgentViewBuilder.Intervals(_projection, day, asOf, centerClock, archived);
    }

    public Task<int> ArchiveBefore(long ticks, long dayStart)
    {
        var before = new List<KeyValuePair<long, AgentInterval>>();
        _projection.IntervalsBefore(ticks, before);
        return ArchiveDays.MoveAsync(before, ticks, run => archive.AddAgentAsync(_center, _projection.Id, run), written => _projection.ForgetIntervalsBefore(written, dayStart));
    }
}
