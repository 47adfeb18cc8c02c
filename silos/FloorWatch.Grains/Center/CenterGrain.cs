using FloorWatch.Contracts.Grains;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;
using FloorWatch.Domain.Time;
using FloorWatch.Grains.Push;
using FloorWatch.Grains.Queue;
using FloorWatch.Grains.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace FloorWatch.Grains.Center;

/// <summary>
/// A center: applies its journal in order through the <see cref="CenterSequencer"/>, then sends
/// each agent and queue its own ordered facts, one call per entity per batch. The next batch
/// starts only when the fan-out of this one is done, so per-entity order holds.
/// While server nodes are subscribed, it pushes what changed to them at most every push interval.
/// </summary>
// The floor lives in memory and is rebuilt from the journal at start; an idle center must not be collected.
[KeepAlive]
public sealed class CenterGrain(ILogger<CenterGrain> log, IOptions<PushOptions> pushOptions, TimeProvider time) : Grain, ICenterGrain
{
    private readonly PushOptions _push = pushOptions.Value;
    private readonly ObserverManager<IFloorObserver> _observers = new(pushOptions.Value.Lease, log) { GetDateTime = () => time.GetUtcNow().UtcDateTime };
    private readonly ChangeSet _changes = new();
    private readonly LiveCallSet _liveCalls = new();
    private IGrainTimer? _pushTimer;
    private long _pushSeq;
    private bool _pushEverything;
    private DateTimeOffset _lastQueueRefresh;
    private long _lastPushInterval;
    private readonly CenterSequencer _sequencer = new(CenterSettings.Default);
    private readonly QueueProjection _center = new("*");
    private readonly FactBatch _batch = new();
    private readonly HashSet<string> _queues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _agents = new(StringComparer.Ordinal);
    private long _appliedSeq;
    private long _eventsApplied;
    private DateTimeOffset? _lastEventTs;

    private string CenterId => this.GetPrimaryKeyString();

    private ClockInfo ClockInfo => new(_sequencer.Settings.TimeZone, _sequencer.Settings.DayStartsAt);

    public Task Initialize(CenterSettings settings)
    {
        if (_appliedSeq == 0)
        {
            _sequencer.Settings = settings;
            _queues.UnionWith(settings.Queues.Keys);
        }

        return Task.CompletedTask;
    }

    public async Task Apply(Immutable<JournalEntry[]> entries)
    {
        _batch.Clear();
        foreach (var entry in entries.Value)
        {
            if (entry.Seq <= _appliedSeq)
            {
                continue;
            }

            if (entry.Settings is { } settings)
            {
                // Facts already folded carry the flags of the settings they were made under.
                await FanOut();
                _sequencer.Settings = settings;
                _queues.UnionWith(settings.Queues.Keys);
            }
            else if (entry.Event is { } e)
            {
                _sequencer.Apply(e, _batch);
                _changes.Event(e.Ts);
                _eventsApplied++;
                _lastEventTs = _lastEventTs is { } last && last > e.Ts ? last : e.Ts;
            }

            _appliedSeq = entry.Seq;
        }

        await FanOut();
    }

    private async Task FanOut()
    {
        if (_batch.IsEmpty)
        {
            return;
        }

        var calls = new List<Task>(_batch.Queues.Count + _batch.Agents.Count);
        foreach (var (queue, facts) in _batch.Queues)
        {
            _queues.Add(queue);
            _changes.Queues.Add(queue);
            calls.Add(GrainFactory.GetGrain<IQueueGrain>(GrainKeys.Of(CenterId, queue)).Apply(facts.ToArray().AsImmutable()));
        }

        foreach (var (agent, facts) in _batch.Agents)
        {
            _agents.Add(agent);
            _changes.Agents.Add(agent);
            calls.Add(GrainFactory.GetGrain<IAgentGrain>(GrainKeys.Of(CenterId, agent)).Apply(facts.ToArray().AsImmutable()));
        }

        foreach (var f in _batch.Center)
        {
            _center.Apply(f);
        }

        _batch.Clear();
        await Task.WhenAll(calls);
    }

    public async Task<CenterSnapshot> Snapshot(DateTimeOffset asOf)
    {
        var settings = _sequencer.Settings;
        var clockInfo = ClockInfo;
        var queues = await Task.WhenAll(_queues.Order(StringComparer.Ordinal).Select(q => QueueGrain(q).View(asOf, settings.Queue(q), clockInfo)));
        var agents = await Task.WhenAll(_agents.Order(StringComparer.Ordinal).Select(a => AgentGrain(a).View(asOf, clockInfo)));
        var calls = queues.SelectMany(q => q.WaitingCalls.Select(LiveCalls.Waiting))
            .Concat(agents.Where(a => a.Call is not null).Select(a => LiveCalls.Connected(a.Id, a.Call!)))
            .Select(c => LiveCalls.Timed(c, asOf))
            .ToList();

        return new CenterSnapshot
        {
            Center = CenterId,
            Name = settings.Name ?? CenterId,
            AsOf = asOf,
            Totals = await Totals(asOf),
            Queues = queues,
            Agents = agents,
            Calls = calls,
            Feed = Feed(),
            Settings = settings,
            Seq = _pushSeq,
        };
    }

    private FeedView Feed() => new()
    {
        EventsApplied = _eventsApplied,
        JournalSeq = _appliedSeq,
        LastEventTs = _lastEventTs,
        Anomalies = _sequencer.Anomalies.Count,
        RecentAnomalies = _sequencer.Anomalies.Recent.ToArray(),
    };

    public Task Subscribe(IFloorObserver observer)
    {
        _observers.Subscribe(observer, observer);
        if (_pushTimer is null)
        {
            // A node that starts watching gets every queue and agent once, so its call list is whole.
            _pushEverything = true;
            _changes.Clear();
            _pushTimer = this.RegisterGrainTimer(PushTick, new GrainTimerCreationOptions(_push.Interval, _push.Interval));
        }

        return Task.CompletedTask;
    }

    public Task Unsubscribe(IFloorObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private async Task PushTick()
    {
        _observers.ClearExpired();
        if (_observers.Count == 0)
        {
            _pushTimer?.Dispose();
            _pushTimer = null;
            return;
        }

        var asOf = time.GetUtcNow();
        var interval = CenterClock.IntervalStartTicks(asOf);
        var refreshQueues = _pushEverything || interval != _lastPushInterval || asOf - _lastQueueRefresh >= _push.QueueRefresh;
        if (_changes.IsEmpty && !refreshQueues)
        {
            return;
        }

        var settings = _sequencer.Settings;
        var clockInfo = ClockInfo;
        var queueIds = refreshQueues ? _queues : _changes.Queues;
        var agentIds = _pushEverything ? _agents : _changes.Agents;
        var queues = await Task.WhenAll(queueIds.Order(StringComparer.Ordinal).Select(q => QueueGrain(q).View(asOf, settings.Queue(q), clockInfo)));
        var agents = await Task.WhenAll(agentIds.Order(StringComparer.Ordinal).Select(a => AgentGrain(a).View(asOf, clockInfo)));
        foreach (var q in queues)
        {
            _liveCalls.SetQueue(q);
        }

        foreach (var a in agents)
        {
            _liveCalls.SetAgent(a);
        }

        var (changedCalls, endedCalls) = _liveCalls.Diff();
        var delta = new FloorDelta
        {
            Center = CenterId,
            Seq = ++_pushSeq,
            AsOf = asOf,
            OldestEventTs = _changes.OldestEventTs,
            NewestEventTs = _changes.NewestEventTs,
            Totals = (await Totals(asOf)),
            Queues = queues,
            Agents = agents,
            Calls = changedCalls.Select(c => LiveCalls.Timed(c, asOf)).ToArray(),
            EndedCalls = endedCalls,
            Feed = Feed(),
        };
        _changes.Clear();
        _pushEverything = false;
        if (refreshQueues)
        {
            _lastQueueRefresh = asOf;
            _lastPushInterval = interval;
        }

        // One-way: a slow node never holds the center up.
        await _observers.Notify(o => o.OnDelta(delta));
    }

    public Task<QueueView> Totals(DateTimeOffset asOf) =>
        Task.FromResult(QueueViewBuilder.Build(_center, QueueSettings.Default, Clocks.Get(ClockInfo), asOf) with
        {
            Id = CenterId,
            Name = _sequencer.Settings.Name ?? CenterId,
        });

    public async Task<IntervalRow[]?> Intervals(DateOnly day, string? queue, DateTimeOffset asOf)
    {
        if (queue is null)
        {
            return QueueViewBuilder.Intervals(_center, QueueSettings.Default, Clocks.Get(ClockInfo), day, asOf);
        }

        return _queues.Contains(queue) ? await QueueGrain(queue).Intervals(day, asOf, _sequencer.Settings.Queue(queue), ClockInfo) : null;
    }

    public async Task<AgentIntervalRow[]?> AgentIntervals(string agent, DateOnly day, DateTimeOffset asOf) =>
        _agents.Contains(agent) ? await AgentGrain(agent).Intervals(day, asOf, ClockInfo) : null;

    public async Task<AgentView?> Agent(string agent, DateTimeOffset asOf) =>
        _agents.Contains(agent) ? await AgentGrain(agent).View(asOf, ClockInfo) : null;

    public Task<CenterSettings> Settings() => Task.FromResult(_sequencer.Settings);

    public Task<DateOnly> BusinessDay(DateTimeOffset asOf) => Task.FromResult(Clocks.Get(ClockInfo).BusinessDay(asOf));

    private IQueueGrain QueueGrain(string queue) => GrainFactory.GetGrain<IQueueGrain>(GrainKeys.Of(CenterId, queue));

    private IAgentGrain AgentGrain(string agent) => GrainFactory.GetGrain<IAgentGrain>(GrainKeys.Of(CenterId, agent));
}
