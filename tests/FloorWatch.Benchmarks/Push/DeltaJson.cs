using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FloorWatch.Benchmarks.Workload;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Settings;
using FloorWatch.Grains.Agent;
using FloorWatch.Grains.Push;
using FloorWatch.Grains.Queue;
using FloorWatch.Grains.Time;
using FloorWatch.Server.Api;
using FloorWatch.Server.Centers;
using FloorWatch.Server.Ingest;
using FloorWatch.Server.Journal;
using FloorWatch.Server.Options;
using FloorWatch.Server.Push;
using Microsoft.Extensions.Options;

namespace FloorWatch.Benchmarks.Push;

/// <summary>
/// What a node does per delta, at most every PushIntervalMs per watched center (FloorPublisher.OnDelta):
/// the grains' views become the hub's messages (ApiJson.Delta with FeedStatus.For), which SignalR's
/// JSON protocol serializes once per group with JournalJson's options: the whole delta for the
/// supervisors' group, one without agents and calls for the wallboards' group. The queues are all 50
/// (every 5 s they are all sent again); the agents are those that changed: one, a busy push, and the
/// whole floor (the first delta after a node subscribes).
/// </summary>
[MemoryDiagnoser]
public class DeltaJson
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private FloorDelta _delta = null!;
    private FloorDelta _secondLater = null!;
    private FeedStatus _feed = null!;
    private readonly DeltaChanges _changes = new();
    private long _seq;

    [Params(1, 100, 2000)]
    public int Agents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var floor = Floor.AfterOneHour();
        var asOf = SimulatedCenter.End;
        var clock = Clocks.Get(GrainViews.Clock);
        var queues = floor.Queues.Values.OrderBy(q => q.Id, StringComparer.Ordinal)
            .Select(q => QueueViewBuilder.Build(q, QueueSettings.Default, clock, asOf))
            .ToList();
        var agents = floor.Agents.Values.OrderBy(a => a.Id, StringComparer.Ordinal)
            .Take(Agents)
            .Select(a => AgentViewBuilder.Build(a, asOf, clock))
            .ToList();

        // The calls a delta carries: the waiting ones and those of the changed agents (an upper bound of what LiveCallSet.Diff sends).
        var calls = queues.SelectMany(q => q.WaitingCalls.Select(LiveCalls.Waiting))
            .Concat(agents.Where(a => a.Call is not null).Select(a => LiveCalls.Connected(a.Id, a.Call!)))
            .ToList();
        _delta = new FloorDelta
        {
            Center = SimulatedCenter.Center,
            Seq = 42,
            AsOf = asOf,
            OldestEventTs = asOf.AddMilliseconds(-200),
            NewestEventTs = asOf,
            Totals = QueueViewBuilder.Build(floor.Center, QueueSettings.Default, clock, asOf) with { Id = SimulatedCenter.Center, Name = "Bench center" },
            Queues = queues,
            Agents = agents,
            Calls = calls,
            EndedCalls = ["bench-c1", "bench-c2"],
            Feed = new FeedView
            {
                EventsApplied = SimulatedCenter.OneHour.Parsed.Count,
                JournalSeq = SimulatedCenter.OneHour.Parsed.Count,
                LastEventTs = asOf,
                Anomalies = floor.Sequencer.Anomalies.Count,
                RecentAnomalies = floor.Sequencer.Anomalies.Recent.ToArray(),
            },
        };
        // The same floor a second later: every agent's seconds in its state, and the waits, have moved on.
        var later = asOf.AddSeconds(1);
        _secondLater = _delta with
        {
            AsOf = later,
            Queues = floor.Queues.Values.OrderBy(q => q.Id, StringComparer.Ordinal).Select(q => QueueViewBuilder.Build(q, QueueSettings.Default, clock, later)).ToList(),
            Agents = floor.Agents.Values.OrderBy(a => a.Id, StringComparer.Ordinal).Take(Agents).Select(a => AgentViewBuilder.Build(a, later, clock)).ToList(),
        };
        _feed = new FeedStatus(TimeProvider.System, new CenterRegistry(Options.Create(new FloorWatchOptions())));
        _feed.Heard(SimulatedCenter.Center);
        Console.WriteLine($"// delta: {queues.Count} queues, {agents.Count} agents, {calls.Count} calls, {Serialize()} bytes of JSON");
    }

    /// <summary>The supervisors' message: ApiJson.Delta and the serialization SignalR's JsonHubProtocol does (runtime type, JournalJson options, a reused buffer).</summary>
    [Benchmark]
    public int Serialize()
    {
        _buffer.ResetWrittenCount();
        var feed = _feed.For(_delta.Center, _delta.Feed);
        Write(ApiJson.Delta(_delta, feed));
        return _buffer.WrittenCount;
    }

    /// <summary>FloorPublisher.OnDelta with both groups watched: the supervisors' message and the wallboards' (no agents, no calls).</summary>
    [Benchmark]
    public int BothGroups()
    {
        _buffer.ResetWrittenCount();
        var feed = _feed.For(_delta.Center, _delta.Feed);
        Write(ApiJson.Delta(_delta, feed));
        Write(ApiJson.Delta(_delta with { Agents = [], Calls = [], EndedCalls = [] }, feed));
        return _buffer.WrittenCount;
    }

    /// <summary>
    /// FloorPublisher.OnDelta for viewers of changes (the product's pages), push after push: each
    /// row compared with the one last sent and written with only its changed fields, then the
    /// supervisors' message serialized.
    /// </summary>
    [Benchmark]
    public int Changes()
    {
        _buffer.ResetWrittenCount();
        var delta = ++_seq % 2 == 0 ? _delta : _secondLater;
        var feed = _feed.For(delta.Center, delta.Feed);
        var (floor, board) = _changes.Messages(delta with { Seq = _seq }, feed);
        Write(floor);
        Write(board);
        return _buffer.WrittenCount;
    }

    private void Write(object message)
    {
        using var writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        JsonSerializer.Serialize(writer, message, message.GetType(), JournalJson.Options);
    }
}
