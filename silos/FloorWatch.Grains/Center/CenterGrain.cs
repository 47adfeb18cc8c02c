using FloorWatch.Contracts.Grains;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;
using FloorWatch.Domain.Time;
using FloorWatch.Grains.Queue;
using FloorWatch.Grains.Time;

namespace FloorWatch.Grains.Center;

/// <summary>
/// A center: applies its journal in order through the <see cref="CenterSequencer"/>, then sends
/// each agent and queue its own ordered facts, one call per entity per batch. The next batch
/// starts only when the fan-out of this one is done, so per-entity order holds.
/// </summary>
public sealed class CenterGrain : Grain, ICenterGrain
{
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
            calls.Add(GrainFactory.GetGrain<IQueueGrain>(GrainKeys.Of(CenterId, queue)).Apply(facts.ToArray().AsImmutable()));
        }

        foreach (var (agent, facts) in _batch.Agents)
        {
            _agents.Add(agent);
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
        var calls = queues.SelectMany(q => q.WaitingCalls.Select(w => new LiveCall
        {
            Call = w.Call,
            Queue = w.Queue,
            Position = w.Position,
            WaitSeconds = Math.Max(0, (asOf - w.EnteredAt).TotalSeconds),
            Agent = w.RingingAgent,
            Vip = w.Vip,
            Tags = w.Tags,
        })).Concat(agents.Where(a => a.Call is not null).Select(a => new LiveCall
        {
            Call = a.Call!.Call,
            Queue = a.Call.Queue,
            Agent = a.Id,
            TalkSeconds = Math.Max(0, (asOf - a.Call.Since).TotalSeconds),
            Held = a.Call.Held,
            Vip = a.Call.Vip,
            Tags = a.Call.Tags,
        })).ToList();

        return new CenterSnapshot
        {
            Center = CenterId,
            Name = settings.Name ?? CenterId,
            AsOf = asOf,
            Totals = await Totals(asOf),
            Queues = queues,
            Agents = agents,
            Calls = calls,
            Feed = new FeedView
            {
                EventsApplied = _eventsApplied,
                JournalSeq = _appliedSeq,
                LastEventTs = _lastEventTs,
                Anomalies = _sequencer.Anomalies.Count,
                RecentAnomalies = _sequencer.Anomalies.Recent.ToArray(),
            },
            Settings = settings,
        };
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

    public Task<CenterSettings> Settings() => Task.FromResult(_sequencer.Settings);

    public Task<DateOnly> BusinessDay(DateTimeOffset asOf) => Task.FromResult(Clocks.Get(ClockInfo).BusinessDay(asOf));

    private IQueueGrain QueueGrain(string queue) => GrainFactory.GetGrain<IQueueGrain>(GrainKeys.Of(CenterId, queue));

    private IAgentGrain AgentGrain(string agent) => GrainFactory.GetGrain<IAgentGrain>(GrainKeys.Of(CenterId, agent));
}
