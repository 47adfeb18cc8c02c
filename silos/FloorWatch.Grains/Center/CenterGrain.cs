using FloorWatch.Contracts.Grains;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;
using FloorWatch.Domain.Time;
using FloorWatch.Grains.Agent;
using FloorWatch.Grains.Archive;
using FloorWatch.Grains.Push;
using FloorWatch.Grains.Queue;
using FloorWatch.Domain.Rules;
using FloorWatch.Grains.Rules;
using FloorWatch.Grains.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace FloorWatch.Grains.Center;

/// <summary>
/// A center: applies its journal in order through the <see cref="CenterSequencer"/>, then sends
/// each agent and queue its own ordered facts, one call per entity per batch. The next batch
/// starts only when the fan-out of this one is done, so per-entity order holds.
/// While server nodes are subscribed, it pushes what changed to them at most every push interval,
/// and the facts wait for that push to be sent out: a busy floor's agent then gets one call per
/// push rather than one per event, and an event waits for one tick rather than for a batch and then
/// a tick. Every read sends the waiting facts first, so nothing read is behind what was applied.
/// </summary>
// The floor lives in memory and is rebuilt from the journal at start; an idle center must not be collected.
[KeepAlive]
public sealed class CenterGrain(ILogger<CenterGrain> log, IOptions<PushOptions> pushOptions, TimeProvider time, IIntervalArchive archive) : Grain, ICenterGrain
{
    /// <summary>Past this many waiting events the facts go out at once, so a burst's facts never pile up until the tick.</summary>
    private const int MaxPendingEvents = 4096;

    /// <summary>Agents and queues whose past day moves to the archive per apply: a few milliseconds of work.</summary>
    private const int MovesPerApply = 32;

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

    /// <summary>Events sequenced into <see cref="_batch"/> and not yet sent to their agents and queues.</summary>
    private int _pendingEvents;
    private readonly HashSet<string> _queues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IQueueGrain> _queueGrains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IAgentGrain> _agentGrains = new(StringComparer.Ordinal);
    private long _appliedSeq;

    /// <summary>Intervals on their way to the archive.</summary>
    private readonly IntervalMoves _moves = new();
    private long _eventsApplied;
    private DateTimeOffset? _lastEventTs;
    private readonly AlertBook _alerts = new();
    private readonly BreakBook _breaks = new();
    private readonly List<BreakView> _breakChanges = [];

    /// <summary>Changed agents' views as their facts left them, while the center is watched: the next push finishes them instead of asking each agent.</summary>
    private readonly Dictionary<string, AgentViewDraft> _drafts = new(StringComparer.Ordinal);

    // The views the queues answered with their facts for the push in progress; no view is asked of them again.
    private readonly Dictionary<string, QueueView> _pushQueueViews = new(StringComparer.Ordinal);
    private bool _live;

    /// <summary>The rules in force, judged on the feed's clock (and the wall clock once live).</summary>
    private RuleContext Rules
    {
        get
        {
            // Before its first event a center's feed clock is the wall clock.
            var now = time.GetUtcNow();
            return new(_sequencer.Settings.Rules, _lastEventTs ?? now, _live, _lastEventTs is null ? now : _lastEventTsAt);
        }
    }

    /// <summary>When, on the wall clock, the feed's clock last moved.</summary>
    private DateTimeOffset _lastEventTsAt;

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

    public async Task<bool> Apply(Immutable<JournalEntry[]> entries)
    {
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
                await EvaluateAll();
            }
            else if (entry.Action is { } action)
            {
                // An act applies to the floor as it stands after every event before it.
                await FanOut();
                await Act(action);
            }
            else if (entry.Event is { } e)
            {
                _sequencer.Apply(e, _batch);
                _pendingEvents++;
                _changes.Event(e.Ts);
                _eventsApplied++;
                if (_lastEventTs is not { } last || e.Ts > last)
                {
                    _lastEventTs = e.Ts;
                    _lastEventTsAt = time.GetUtcNow();
                }
            }

            _appliedSeq = entry.Seq;
        }

        if (_pushTimer is null || _pendingEvents >= MaxPendingEvents)
        {
            await FanOut();
        }

        if (_lastEventTs is { } feedClock)
        {
            var clock = Clocks.Get(ClockInfo);
            var (queueCutoff, agentCutoff) = ArchiveDays.Cutoffs(clock, feedClock);
            if (_moves.Due(queueCutoff, agentCutoff))
            {
                await StartMoving(queueCutoff, agentCutoff, clock.DayBounds(clock.BusinessDay(feedClock)).Start.UtcTicks);
            }
        }

        if (_moves.Pending)
        {
            await MoveSome(MovesPerApply);
        }

        return _pushTimer is not null;
    }

    /// <param name="pushView">A push's time and clock: each queue fanned out to answers its view as of then.</param>
    private async Task FanOut(ViewAsOf? pushView = null)
    {
        _pendingEvents = 0;
        if (_batch.IsEmpty)
        {
            return;
        }

        var rules = Rules;
        var settings = _sequencer.Settings;
        var draftClock = _pushTimer is null ? null : ClockInfo;
        var calls = new List<Task>(_batch.Queues.Count + _batch.Agents.Count);
        var queueCalls = new List<(string Queue, Task<QueueApplied> Call)>(_batch.Queues.Count);
        foreach (var (queue, facts) in _batch.Queues)
        {
            _queues.Add(queue);
            _changes.Queues.Add(queue);
            queueCalls.Add((queue, QueueGrain(queue).Apply(new Immutable<IReadOnlyList<FloorFact>>(facts), settings.Queue(queue), rules, pushView)));
            calls.Add(queueCalls[^1].Call);
        }

        _breakChanges.Clear();
        var agentCalls = new List<(string Agent, Task<AgentApplied> Call)>(_batch.Agents.Count);
        foreach (var (agent, facts) in _batch.Agents)
        {
            _agents.Add(agent);
            _changes.Agents.Add(agent);
            _breaks.Observe(agent, facts, _breakChanges);
            agentCalls.Add((agent, AgentGrain(agent).Apply(new Immutable<IReadOnlyList<FloorFact>>(facts), rules, draftClock)));
            calls.Add(agentCalls[^1].Call);
        }

        foreach (var f in _batch.Center)
        {
            _center.Apply(f);
        }

        try
        {
            await Task.WhenAll(calls);
        }
        finally
        {
            // The grains read their facts from the batch's own lists (no copy per call), so these
            // are handed out again only once every call has answered, or failed.
            _batch.Clear();
        }

        foreach (var (queue, call) in queueCalls)
        {
            var applied = await call;
            Merge(applied.Alerts);
            if (applied.View is { } view)
            {
                _pushQueueViews[queue] = view;
            }
        }

        foreach (var (agent, call) in agentCalls)
        {
            var applied = await call;
            Merge(applied.Alerts);
            if (applied.Draft is { } draft)
            {
                _drafts[agent] = draft;
            }
        }

        foreach (var b in _breakChanges)
        {
            await _observers.Notify(o => o.OnBreak(b));
        }
    }

    private void Merge(AlertView[] changes)
    {
        foreach (var change in changes)
        {
            if (_alerts.Merge(change) is { } merged)
            {
                Published(merged);
            }
        }
    }

    /// <summary>An alert goes out at once; the agent's row follows in the next delta with its open alerts.</summary>
    private void Published(AlertView alert)
    {
        if (alert.Agent is { } agent && _agents.Contains(agent))
        {
            _changes.Agents.Add(agent);
        }

        _ = _observers.Notify(o => o.OnAlert(alert));
    }

    /// <summary>Judges every agent's and queue's rules now: when the center goes live, and when the rules change.</summary>
    private async Task EvaluateAll()
    {
        var rules = Rules;
        var settings = _sequencer.Settings;
        // Judging may change an agent's early warning, which its draft holds.
        _drafts.Clear();
        var calls = _agents.Select(a => AgentGrain(a).Evaluate(rules))
            .Concat(_queues.Select(q => QueueGrain(q).Evaluate(settings.Queue(q), rules)))
            .ToList();
        foreach (var alerts in await Task.WhenAll(calls))
        {
            Merge(alerts);
        }
    }

    public async Task GoLive()
    {
        if (_live)
        {
            return;
        }

        _live = true;
        await FanOut();
        await EvaluateAll();
    }

    public Task Changed(string? agent, AlertView[] alerts)
    {
        if (agent is not null && _agents.Contains(agent))
        {
            // Changed without a fact (a deadline passed): its draft is not its view any more.
            _drafts.Remove(agent);
            _changes.Agents.Add(agent);
        }

        Merge(alerts);
        return Task.CompletedTask;
    }

    private async Task Act(FloorAction action)
    {
        switch (action.Kind)
        {
            case FloorAction.AcknowledgeAlert:
                if (action.Id is not null && _alerts.Acknowledge(action.Id, action.By, action.At) is { } acked)
                {
                    Published(acked);
                }

                break;
            case FloorAction.RequestBreak:
                BreakChanged(_breaks.Add(new BreakView
                {
                    Id = action.Id!,
                    Center = CenterId,
                    Agent = action.Agent!,
                    Reason = action.Reason!,
                    Minutes = action.Minutes,
                    RequestedBy = action.By,
                    RequestedAt = action.At,
                    State = BreakView.Pending,
                }));
                break;
            case FloorAction.ApproveBreak:
                await Approve(action);
                break;
            case FloorAction.DenyBreak:
                if (action.Id is not null && _breaks.Get(action.Id) is { State: BreakView.Pending } denied)
                {
                    BreakChanged(_breaks.Set(denied with { State = BreakView.Denied, DecidedBy = action.By, DecidedAt = action.At, Why = action.Why }));
                }

                break;
            case FloorAction.FeedSilent:
                Merge([FeedAlert(action, resolved: false)]);
                break;
            case FloorAction.FeedHeard:
                if (_alerts.List(all: false).Any(a => a.Kind == AlertKinds.FeedDown))
                {
                    Merge([FeedAlert(action, resolved: true)]);
                }

                break;
            default:
                log.LogWarning("Center {Center}: unknown floor action '{Kind}' passed over", CenterId, action.Kind);
                break;
        }
    }

    private async Task Approve(FloorAction action)
    {
        if (action.Id is null || _breaks.Get(action.Id) is not { State: BreakView.Pending } request)
        {
            return;
        }

        var clock = ClockInfo;
        var settings = _sequencer.Settings;
        var agent = await AgentGrain(request.Agent).View(action.At, clock);
        var queues = await Task.WhenAll(agent.Queues.Select(q => QueueGrain(q).View(action.At, settings.Queue(q), clock)));
        var refusal = BreakApproval.Refusal(agent, agent.LoggedInAt, queues, _breaks, settings.Rules, action.At);
        if (refusal is not null)
        {
            BreakChanged(_breaks.Set(request with { State = BreakView.Refused, DecidedBy = action.By, DecidedAt = action.At, Why = refusal }));
            return;
        }

        BreakChanged(_breaks.Set(request with { State = BreakView.Approved, DecidedBy = action.By, DecidedAt = action.At }, agent.Queues));
        _batch.ToAgent(request.Agent, new FloorFact { Kind = FactKind.BreakApproved, Ts = action.At, Agent = request.Agent, Text = request.Id, Reason = request.Reason, Seconds = request.Minutes });
        await FanOut();
    }

    private void BreakChanged(BreakView request)
    {
        if (_agents.Contains(request.Agent))
        {
            _changes.Agents.Add(request.Agent);
        }

        _ = _observers.Notify(o => o.OnBreak(request));
    }

    /// <summary>The feed's silence is one alert from when it fell silent until it is heard again.</summary>
    private AlertView FeedAlert(FloorAction action, bool resolved)
    {
        var since = resolved && _alerts.List(all: false).FirstOrDefault(a => a.Kind == AlertKinds.FeedDown) is { } open ? open.RaisedAt : action.At;
        var key = $"{AlertKinds.FeedDown}||||{since.UtcTicks}";
        return new AlertView
        {
            Id = AlertViews.Id(CenterId, key),
            Kind = AlertKinds.FeedDown,
            Severity = AlertKinds.Critical,
            Center = CenterId,
            RaisedAt = since,
            ResolvedAt = resolved ? action.At : null,
            State = resolved ? "resolved" : "open",
            Detail = action.Why ?? "no event nor heartbeat from the switch",
            Version = resolved ? 2 : 1,
        };
    }

    public Task<AlertView[]> Alerts(bool all) => AfterFanOut(() => _alerts.List(all));

    public Task<AlertView?> Alert(string id) => AfterFanOut(() => _alerts.Get(id));

    public Task<BreakView[]> Breaks(bool all) => AfterFanOut(() => _breaks.List(all));

    public Task<BreakView?> Break(string id) => AfterFanOut(() => _breaks.Get(id));

    /// <summary>A read of what the facts decide, once the facts waiting for the push have gone out.</summary>
    private async Task<T> AfterFanOut<T>(Func<T> read)
    {
        await FanOut();
        return read();
    }

    public Task Monitoring(string callId, string by)
    {
        // The agent's view carries the call, so asking for it again sends the call with its monitors;
        // a call not connected yet here gets them when its answer is pushed.
        if (_sequencer.IsLive(callId) && _liveCalls.Monitor(callId, by) is { } agent)
        {
            _changes.Agents.Add(agent);
        }

        return Task.CompletedTask;
    }

    public async Task<CenterSnapshot> Snapshot(DateTimeOffset asOf)
    {
        await FanOut();
        var settings = _sequencer.Settings;
        var clockInfo = ClockInfo;
        var queues = await Task.WhenAll(_queues.Order(StringComparer.Ordinal).Select(q => QueueGrain(q).View(asOf, settings.Queue(q), clockInfo)));
        var agents = await Task.WhenAll(_agents.Order(StringComparer.Ordinal).Select(a => AgentGrain(a).View(asOf, clockInfo)));
        var calls = queues.SelectMany(q => q.WaitingCalls.Select(LiveCalls.Waiting))
            .Concat(agents.Where(a => a.Call is not null).Select(a => _liveCalls.WithMonitors(LiveCalls.Connected(a.Id, a.Call!))))
            .Select(c => LiveCalls.Timed(c, asOf))
            .ToList();

        return new CenterSnapshot
        {
            Center = CenterId,
            Name = settings.Name ?? CenterId,
            AsOf = asOf,
            Totals = TotalsView(asOf),
            Queues = queues,
            Agents = agents,
            Calls = calls,
            Feed = Feed(),
            Settings = settings,
            Seq = _pushSeq,
            Alerts = _alerts.List(all: false),
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
        var asOf = time.GetUtcNow();
        var clockInfo = ClockInfo;
        _pushQueueViews.Clear();
        await FanOut(new ViewAsOf(asOf, clockInfo));
        _observers.ClearExpired();
        if (_observers.Count == 0)
        {
            _pushTimer?.Dispose();
            _pushTimer = null;
            _drafts.Clear();
            return;
        }

        var interval = CenterClock.IntervalStartTicks(asOf);
        var refreshQueues = _pushEverything || interval != _lastPushInterval || asOf - _lastQueueRefresh >= _push.QueueRefresh;
        if (_changes.IsEmpty && !refreshQueues)
        {
            return;
        }

        var settings = _sequencer.Settings;
        var queueIds = refreshQueues ? _queues : _changes.Queues;
        var agentIds = _pushEverything ? _agents : _changes.Agents;
        var queues = await Task.WhenAll(queueIds.Order(StringComparer.Ordinal).Select(q =>
            _pushQueueViews.TryGetValue(q, out var view) ? Task.FromResult(view) : QueueGrain(q).View(asOf, settings.Queue(q), clockInfo)));
        var agents = await AgentViews(agentIds, asOf, clockInfo);
        foreach (var q in queues)
        {
            _liveCalls.SetQueue(q);
        }

        foreach (var a in agents)
        {
            _liveCalls.SetAgent(a);
        }

        var (changedCalls, endedCalls) = _liveCalls.Diff(_sequencer.IsLive);
        var delta = new FloorDelta
        {
            Center = CenterId,
            Seq = ++_pushSeq,
            AsOf = asOf,
            OldestEventTs = _changes.OldestEventTs,
            NewestEventTs = _changes.NewestEventTs,
            Totals = TotalsView(asOf),
            Queues = queues,
            Agents = agents,
            Calls = changedCalls.Select(c => LiveCalls.Timed(c, asOf)).ToArray(),
            EndedCalls = endedCalls,
            Feed = Feed(),
            AgentAlerts = _alerts.OpenFor(agentIds),
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

    /// <summary>The agents' views as of <paramref name="asOf"/>, in id order: finished from their drafts, or asked of the agents that have none.</summary>
    private async Task<AgentView[]> AgentViews(IEnumerable<string> agentIds, DateTimeOffset asOf, ClockInfo clockInfo)
    {
        var clock = Clocks.Get(clockInfo);
        var ids = agentIds.Order(StringComparer.Ordinal).ToArray();
        var views = new AgentView[ids.Length];
        List<(int Index, Task<AgentView> View)>? asked = null;
        for (var i = 0; i < ids.Length; i++)
        {
            if (_drafts.TryGetValue(ids[i], out var draft) && AgentViewBuilder.Finish(draft, asOf, clock) is { } view)
            {
                views[i] = view;
            }
            else
            {
                (asked ??= []).Add((i, AgentGrain(ids[i]).View(asOf, clockInfo)));
            }
        }

        _drafts.Clear();
        foreach (var (index, view) in asked ?? [])
        {
            views[index] = await view;
        }

        return views;
    }

    public Task<QueueView> Totals(DateTimeOffset asOf) => AfterFanOut(() => TotalsView(asOf));

    private QueueView TotalsView(DateTimeOffset asOf) =>
        QueueViewBuilder.Build(_center, QueueSettings.Default, Clocks.Get(ClockInfo), asOf) with
        {
            Id = CenterId,
            Name = _sequencer.Settings.Name ?? CenterId,
        };

    public async Task<IntervalRow[]?> Intervals(DateOnly day, string? queue, DateTimeOffset asOf)
    {
        await FanOut();
        if (queue is null)
        {
            var clock = Clocks.Get(ClockInfo);
            var archived = await QueueArchive.ReadDay(archive, CenterId, null, clock, day, _moves.QueueCutoff);
            return QueueViewBuilder.Intervals(_center, QueueSettings.Default, clock, day, asOf, archived);
        }

        return _queues.Contains(queue) ? await QueueGrain(queue).Intervals(day, asOf, _sequencer.Settings.Queue(queue), ClockInfo, _moves.QueueCutoff) : null;
    }

    public async Task<AgentIntervalRow[]?> AgentIntervals(string agent, DateOnly day, DateTimeOffset asOf)
    {
        await FanOut();
        return _agents.Contains(agent) ? await AgentGrain(agent).Intervals(day, asOf, ClockInfo, _moves.AgentCutoff) : null;
    }

    /// <summary>
    /// Starts moving intervals from memory to the archive: the agents' before
    /// <paramref name="agentCutoff"/> (an hour after they end) and the queues' before
    /// <paramref name="queueCutoff"/> (the start of the oldest business day kept). The center's own
    /// move at once, the queues and agents over the next applies (<see cref="IntervalMoves"/>).
    /// Intervals would otherwise stay in memory for as long as the server runs.
    /// </summary>
    private async Task StartMoving(long queueCutoff, long agentCutoff, long dayStart)
    {
        // The move before, if it is still going, ends first.
        await MoveSome(int.MaxValue);
        if (!_moves.Start(queueCutoff, agentCutoff, dayStart, time.GetTimestamp(), _agents, _queues))
        {
            return;
        }

        try
        {
            _moves.Moved += await QueueArchive.Move(archive, CenterId, _center, queueCutoff, null);
        }
        catch (Exception ex)
        {
            _moves.Failed++;
            log.LogError(ex, "Center {Center}: its own figures before {Cutoff:u} could not be moved to the archive; they stay in memory and the move is tried again the next day. Check that the data folder is writable and has room", CenterId, CenterClock.FromTicks(queueCutoff));
        }
    }

    /// <summary>Moves up to <paramref name="count"/> more agents and queues of the move in progress.</summary>
    private async Task MoveSome(int count)
    {
        var next = _moves.Take(count);
        if (next.Count == 0)
        {
            return;
        }

        var (queueCutoff, agentCutoff, dayStart) = (_moves.QueueCutoff, _moves.AgentCutoff, _moves.DayStart);
        var calls = next.Select(e => e.IsQueue ? QueueGrain(e.Id).ArchiveBefore(queueCutoff) : AgentGrain(e.Id).ArchiveBefore(agentCutoff, dayStart)).ToList();
        try
        {
            await Task.WhenAll(calls);
        }
        catch (Exception ex)
        {
            // What was not written stays in memory and is read from there; the next move takes it again.
            var failed = calls.Count(c => !c.IsCompletedSuccessfully);
            _moves.Failed += failed;
            log.LogError(ex, "Center {Center}: {Failed} of {Count} agents and queues could not move their intervals (agents' before {AgentCutoff:u}, queues' before {QueueCutoff:u}) to the archive; they stay in memory and the move is tried again with the next one. Check that the data folder is writable and has room", CenterId, failed, calls.Count, CenterClock.FromTicks(agentCutoff), CenterClock.FromTicks(queueCutoff));
        }

        _moves.Moved += calls.Where(c => c.IsCompletedSuccessfully).Sum(c => c.Result);
        if (!_moves.Pending && _moves.Moved > 0)
        {
            log.LogInformation("Center {Center}: {Moved} intervals moved from memory to the archive, agents' before {AgentCutoff:u}, queues' before {QueueCutoff:u} ({Seconds:0.0} s, {Failed} agents and queues failed)", CenterId, _moves.Moved, CenterClock.FromTicks(agentCutoff), CenterClock.FromTicks(queueCutoff), time.GetElapsedTime(_moves.StartedAt).TotalSeconds, _moves.Failed);
        }
    }

    public async Task<AgentView?> Agent(string agent, DateTimeOffset asOf)
    {
        await FanOut();
        return _agents.Contains(agent) ? await AgentGrain(agent).View(asOf, ClockInfo) : null;
    }

    public Task<CenterSettings> Settings() => Task.FromResult(_sequencer.Settings);

    public Task<DateOnly> BusinessDay(DateTimeOffset asOf) => Task.FromResult(Clocks.Get(ClockInfo).BusinessDay(asOf));

    // References are kept: resolving one looks the interface up by reflection, thousands of times a second on a busy floor.
    private IQueueGrain QueueGrain(string queue)
    {
        if (!_queueGrains.TryGetValue(queue, out var grain))
        {
            _queueGrains[queue] = grain = GrainFactory.GetGrain<IQueueGrain>(GrainKeys.Of(CenterId, queue));
        }

        return grain;
    }

    private IAgentGrain AgentGrain(string agent)
    {
        if (!_agentGrains.TryGetValue(agent, out var grain))
        {
            _agentGrains[agent] = grain = GrainFactory.GetGrain<IAgentGrain>(GrainKeys.Of(CenterId, agent));
        }

        return grain;
    }
}
