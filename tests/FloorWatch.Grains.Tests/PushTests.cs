using System.Globalization;
using System.Text;
using System.Threading.Channels;
using FloorWatch.Contracts.Grains;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Events;
using FloorWatch.Domain.Settings;
using Orleans.Concurrency;

namespace FloorWatch.Grains.Tests;

/// <summary>How a center pushes: coalesced at the push interval, only what changed, seq by one, for as long as the lease holds.</summary>
[Collection(PushCluster.Name)]
public class PushTests(PushClusterFixture fixture)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private long _seq;

    private sealed class Observer : IFloorObserver
    {
        public Channel<FloorDelta> Deltas { get; } = Channel.CreateUnbounded<FloorDelta>();

        public Task OnDelta(FloorDelta delta)
        {
            Deltas.Writer.TryWrite(delta);
            return Task.CompletedTask;
        }

        public Task OnAlert(AlertView alert) => Task.CompletedTask;

        public Task OnBreak(BreakView request) => Task.CompletedTask;
    }

    private JournalEntry Event(string center, string json)
    {
        var line = "{\"id\":\"" + center + "-" + (_seq + 1) + "\",\"center\":\"" + center + "\",\"ts\":\"" + fixture.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) + "\"," + json + "}";
        var parsed = CtiEventParser.Parse(Encoding.UTF8.GetBytes(line), fixture.Time.GetUtcNow());
        return new JournalEntry(++_seq, parsed.Event ?? throw new InvalidOperationException(parsed.Error), null);
    }

    private async Task<(ICenterGrain Center, Observer Observer, IFloorObserver Reference)> Watch(string center)
    {
        var grain = fixture.Grains.GetGrain<ICenterGrain>(center);
        var held = await grain.Apply(new[]
        {
            Event(center, "\"type\":\"agent.login\",\"agent\":\"A1\",\"seat\":\"S1\",\"queues\":[\"q1\"]"),
            Event(center, "\"type\":\"agent.login\",\"agent\":\"A2\",\"seat\":\"S2\",\"queues\":[\"q2\"]"),
        }.AsImmutable());
        Assert.False(held);
        var observer = new Observer();
        var reference = fixture.Grains.CreateObjectReference<IFloorObserver>(observer);
        await grain.Subscribe(reference);
        return (grain, observer, reference);
    }

    /// <summary>A watched center whose first delta (every queue and agent) has gone out, so the next one holds only what changes.</summary>
    private async Task<(ICenterGrain Center, Observer Observer)> WatchPastFirstDelta(string center)
    {
        var (grain, observer, _) = await Watch(center);
        await Tick(grain);
        await Next(observer);
        return (grain, observer);
    }

    /// <summary>Moves the clock one push interval and waits (as a barrier) until the center has taken its turn.</summary>
    private async Task Tick(ICenterGrain center, TimeSpan? by = null)
    {
        fixture.Time.Advance(by ?? Interval);
        await center.Settings();
    }

    private static async Task<FloorDelta> Next(Observer observer)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await observer.Deltas.Reader.ReadAsync(patience.Token);
    }

    [Fact]
    public async Task The_first_delta_after_subscribing_carries_every_queue_and_agent()
    {
        var (center, observer, _) = await Watch("push-first");

        await Tick(center);
        var delta = await Next(observer);

        Assert.Equal(1, delta.Seq);
        Assert.Equal(["q1", "q2"], delta.Queues.Select(q => q.Id));
        Assert.Equal(["A1", "A2"], delta.Agents.Select(a => a.Id));
        Assert.Null(delta.NewestEventTs);
        Assert.Equal(1, (await center.Snapshot(fixture.Time.GetUtcNow())).Seq);
    }

    [Fact]
    public async Task Changes_within_one_interval_go_out_as_one_delta_with_only_what_changed()
    {
        var (center, observer, _) = await Watch("push-coalesce");
        await Tick(center);
        var first = await Next(observer);

        var from = fixture.Time.GetUtcNow();
        await center.Apply(new[] { Event("push-coalesce", "\"type\":\"agent.ready\",\"agent\":\"A1\"") }.AsImmutable());
        fixture.Time.Advance(TimeSpan.FromMilliseconds(50));
        await center.Apply(new[] { Event("push-coalesce", "\"type\":\"call.queued\",\"call\":\"C1\",\"queue\":\"q1\"") }.AsImmutable());
        await Tick(center, TimeSpan.FromMilliseconds(150));
        var delta = await Next(observer);

        Assert.Equal(first.Seq + 1, delta.Seq);
        Assert.Equal(["A1"], delta.Agents.Select(a => a.Id));
        Assert.Equal(["q1"], delta.Queues.Select(q => q.Id));
        Assert.Equal(from, delta.OldestEventTs);
        Assert.Equal(from.AddMilliseconds(50), delta.NewestEventTs);
        Assert.Equal("C1", Assert.Single(delta.Calls).Call);
        Assert.Equal(2, delta.Totals.Now.Counts.Staffed);
    }

    [Fact]
    public async Task A_quiet_interval_sends_nothing_and_the_next_delta_follows_without_a_gap()
    {
        var (center, observer, _) = await Watch("push-quiet");
        await Tick(center);
        var first = await Next(observer);

        await Tick(center);
        await Tick(center);
        await center.Apply(new[] { Event("push-quiet", "\"type\":\"agent.notready\",\"agent\":\"A2\",\"reason\":\"away\"") }.AsImmutable());
        await Tick(center);
        var next = await Next(observer);

        Assert.Equal(first.Seq + 1, next.Seq);
        Assert.Equal("away", Assert.Single(next.Agents).Reason);
        Assert.Equal(["q2"], next.Queues.Select(q => q.Id));
    }

    [Fact]
    public async Task Queues_are_sent_again_when_only_time_moves()
    {
        var (center, observer, _) = await Watch("push-refresh");
        await center.Apply(new[] { Event("push-refresh", "\"type\":\"call.queued\",\"call\":\"W1\",\"queue\":\"q2\"") }.AsImmutable());
        await Tick(center);
        var first = await Next(observer);

        await Tick(center, TimeSpan.FromSeconds(5));
        var refresh = await Next(observer);

        Assert.Equal(first.Seq + 1, refresh.Seq);
        Assert.Equal(["q1", "q2"], refresh.Queues.Select(q => q.Id));
        Assert.Empty(refresh.Agents);
        Assert.Empty(refresh.Calls);
        Assert.Null(refresh.NewestEventTs);
        Assert.Equal(5.2, refresh.Queues[1].Now.Counts.LongestWaitSeconds, 6);
    }

    [Fact]
    public async Task A_call_that_ends_is_named_once_in_ended_calls()
    {
        var (center, observer, _) = await Watch("push-ended");
        await center.Apply(new[] { Event("push-ended", "\"type\":\"call.queued\",\"call\":\"X1\",\"queue\":\"q1\"") }.AsImmutable());
        await Tick(center);
        Assert.Contains((await Next(observer)).Calls, c => c.Call == "X1");

        await center.Apply(new[] { Event("push-ended", "\"type\":\"call.abandoned\",\"call\":\"X1\"") }.AsImmutable());
        await Tick(center);
        var ended = await Next(observer);

        Assert.Equal(["X1"], ended.EndedCalls);
        Assert.Empty(ended.Calls);
    }

    [Fact]
    public async Task Who_monitors_a_connected_call_goes_out_with_the_call_until_it_ends()
    {
        const string c = "push-monitor";
        var (center, observer, _) = await Watch(c);
        await center.Apply(new[]
        {
            Event(c, "\"type\":\"agent.ready\",\"agent\":\"A1\""),
            Event(c, "\"type\":\"call.queued\",\"call\":\"M1\",\"queue\":\"q1\""),
            Event(c, "\"type\":\"call.ringing\",\"call\":\"M1\",\"agent\":\"A1\""),
            Event(c, "\"type\":\"call.answered\",\"call\":\"M1\",\"agent\":\"A1\""),
        }.AsImmutable());
        await Tick(center);
        Assert.Empty(Assert.Single((await Next(observer)).Calls, x => x.Call == "M1").MonitoredBy);

        await center.Monitoring("M1", "qa1");
        await Tick(center);

        Assert.Equal(["qa1"], Assert.Single((await Next(observer)).Calls, x => x.Call == "M1").MonitoredBy);
        Assert.Equal(["qa1"], Assert.Single((await center.Snapshot(fixture.Time.GetUtcNow())).Calls, x => x.Call == "M1").MonitoredBy);

        await center.Apply(new[] { Event(c, "\"type\":\"call.ended\",\"call\":\"M1\"") }.AsImmutable());
        await Tick(center);
        Assert.Equal(["M1"], (await Next(observer)).EndedCalls);
        Assert.DoesNotContain((await center.Snapshot(fixture.Time.GetUtcNow())).Calls, x => x.Call == "M1");
    }

    [Fact]
    public async Task A_call_monitored_while_it_still_rings_here_shows_its_monitor_once_answered()
    {
        // The switch may answer a call and take a monitor command before this center hears of the answer.
        const string c = "push-monitor-ringing";
        var (center, observer, _) = await Watch(c);
        await center.Apply(new[]
        {
            Event(c, "\"type\":\"agent.ready\",\"agent\":\"A1\""),
            Event(c, "\"type\":\"call.queued\",\"call\":\"R1\",\"queue\":\"q1\""),
            Event(c, "\"type\":\"call.ringing\",\"call\":\"R1\",\"agent\":\"A1\""),
        }.AsImmutable());
        await Tick(center);
        await Next(observer);

        await center.Monitoring("R1", "qa1");
        await center.Monitoring("nowhere", "qa1");
        await center.Apply(new[] { Event(c, "\"type\":\"call.answered\",\"call\":\"R1\",\"agent\":\"A1\"") }.AsImmutable());
        await Tick(center);

        Assert.Equal(["qa1"], Assert.Single((await Next(observer)).Calls, x => x.Call == "R1").MonitoredBy);
    }

    [Fact]
    public async Task A_node_that_stops_renewing_its_lease_gets_no_more_deltas()
    {
        var (center, observer) = await WatchPastFirstDelta("push-lease");

        await Tick(center, TimeSpan.FromSeconds(91));
        await center.Apply(new[] { Event("push-lease", "\"type\":\"agent.ready\",\"agent\":\"A1\"") }.AsImmutable());
        await Tick(center);
        await Tick(center);

        // A second observer, subscribed now, is the barrier: its first delta is seq n + 1 only if none went out since.
        var late = new Observer();
        await center.Subscribe(fixture.Grains.CreateObjectReference<IFloorObserver>(late));
        await center.Apply(new[] { Event("push-lease", "\"type\":\"agent.ready\",\"agent\":\"A2\"") }.AsImmutable());
        await Tick(center);
        var delta = await Next(late);
        Assert.False(observer.Deltas.Reader.TryRead(out var stray), $"delta {stray?.Seq} went to an expired node");
        Assert.Equal((await center.Snapshot(fixture.Time.GetUtcNow())).Seq, delta.Seq);
    }

    [Fact]
    public async Task An_agent_changed_by_its_facts_is_pushed_as_it_answers_for_the_push_moment()
    {
        var (center, observer) = await WatchPastFirstDelta("push-draft");

        await center.Apply(new[]
        {
            Event("push-draft", "\"type\":\"agent.notready\",\"agent\":\"A1\",\"reason\":\"away\""),
        }.AsImmutable());
        await Tick(center, TimeSpan.FromSeconds(7.25));
        var delta = await Next(observer);

        var pushed = Assert.Single(delta.Agents);
        var asked = await fixture.Grains.GetGrain<IAgentGrain>(GrainKeys.Of("push-draft", "A1")).View(delta.AsOf, new ClockInfo("UTC", "00:00"));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(asked), System.Text.Json.JsonSerializer.Serialize(pushed));
        Assert.Equal(7.25, pushed.SecondsByReason["away"]);
    }

    [Fact]
    public async Task A_queue_changed_by_its_facts_is_pushed_as_it_answers_for_the_push_moment()
    {
        var (center, observer) = await WatchPastFirstDelta("push-queue");

        await center.Apply(new[] { Event("push-queue", "\"type\":\"call.queued\",\"call\":\"Q1\",\"queue\":\"q1\"") }.AsImmutable());
        await Tick(center, TimeSpan.FromSeconds(3.5));
        var delta = await Next(observer);

        var pushed = Assert.Single(delta.Queues);
        var asked = await fixture.Grains.GetGrain<IQueueGrain>(GrainKeys.Of("push-queue", "q1")).View(delta.AsOf, QueueSettings.Default, new ClockInfo("UTC", "00:00"));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(asked), System.Text.Json.JsonSerializer.Serialize(pushed));
        Assert.Equal(1, pushed.Now.Counts.Waiting);
        Assert.Equal(3.5, pushed.Now.Counts.LongestWaitSeconds, 6);
    }

    [Fact]
    public async Task A_queue_whose_facts_went_out_before_the_push_is_pushed_as_it_is_then()
    {
        var (center, observer) = await WatchPastFirstDelta("push-queue-read");
        await center.Apply(new[] { Event("push-queue-read", "\"type\":\"call.queued\",\"call\":\"R1\",\"queue\":\"q1\"") }.AsImmutable());
        await Tick(center);
        Assert.Equal(1, Assert.Single((await Next(observer)).Queues).Now.Counts.Waiting);

        // A read sends the facts out at once, without the push's view; the push then asks the queue.
        await center.Apply(new[] { Event("push-queue-read", "\"type\":\"call.queued\",\"call\":\"R2\",\"queue\":\"q1\"") }.AsImmutable());
        await center.Snapshot(fixture.Time.GetUtcNow());
        await Tick(center);

        Assert.Equal(2, Assert.Single((await Next(observer)).Queues).Now.Counts.Waiting);
    }

    [Fact]
    public async Task A_watched_centers_facts_go_to_its_agents_with_the_push()
    {
        var (center, observer) = await WatchPastFirstDelta("push-gather");
        var agent = fixture.Grains.GetGrain<IAgentGrain>(GrainKeys.Of("push-gather", "A1"));
        var clock = new ClockInfo("UTC", "00:00");

        var held = await center.Apply(new[] { Event("push-gather", "\"type\":\"agent.ready\",\"agent\":\"A1\"") }.AsImmutable());
        var before = await agent.View(fixture.Time.GetUtcNow(), clock);
        await Tick(center);
        var delta = await Next(observer);
        var after = await agent.View(fixture.Time.GetUtcNow(), clock);

        Assert.True(held);
        Assert.NotEqual("available", before.State);
        Assert.Equal("available", Assert.Single(delta.Agents).State);
        Assert.Equal("available", after.State);
    }

    [Fact]
    public async Task A_read_of_a_watched_center_holds_every_event_applied_before_it()
    {
        var (center, _) = await WatchPastFirstDelta("push-read");

        await center.Apply(new[] { Event("push-read", "\"type\":\"agent.notready\",\"agent\":\"A1\",\"reason\":\"away\"") }.AsImmutable());
        await center.Apply(new[] { Event("push-read", "\"type\":\"call.queued\",\"call\":\"R1\",\"queue\":\"q1\"") }.AsImmutable());
        var now = fixture.Time.GetUtcNow();

        Assert.Equal("notready", (await center.Agent("A1", now))!.State);
        Assert.Equal(1, (await center.Totals(now)).Now.Counts.Waiting);
        var snapshot = await center.Snapshot(now);
        Assert.Equal("notready", snapshot.Agents.Single(a => a.Id == "A1").State);
        Assert.Equal(1, snapshot.Queues.Single(q => q.Id == "q1").Now.Counts.Waiting);
    }

    [Fact]
    public async Task A_fact_that_waits_for_the_push_is_judged_before_the_deadline_it_beat()
    {
        const string c = "push-beat";
        var (center, _, reference) = await Watch(c);
        await center.GoLive();
        await center.Apply(new[] { Event(c, "\"type\":\"agent.notready\",\"agent\":\"A1\",\"reason\":\"away\"") }.AsImmutable());
        await Tick(center);

        // Renewed within the lease, as a node does. Pushes then fall 0.1 s after whole seconds since
        // the away began: back at 4:59.9, due at 5:00, sent at 5:00.1.
        foreach (var seconds in new[] { 80, 80, 80, 59.7 })
        {
            await Tick(center, TimeSpan.FromSeconds(seconds));
            await center.Subscribe(reference);
        }

        var held = await center.Apply(new[] { Event(c, "\"type\":\"agent.ready\",\"agent\":\"A1\"") }.AsImmutable());
        await Tick(center, TimeSpan.FromMilliseconds(150));
        await Tick(center, TimeSpan.FromMilliseconds(100));
        await Tick(center, TimeSpan.FromSeconds(600));

        Assert.True(held);
        Assert.Equal("available", (await center.Agent("A1", fixture.Time.GetUtcNow()))!.State);
        Assert.DoesNotContain(await center.Alerts(all: true), a => a is { Kind: "notready.overtime", Agent: "A1" });
    }

    [Fact]
    public async Task A_burst_goes_to_the_agents_without_waiting_for_the_push()
    {
        var (center, _) = await WatchPastFirstDelta("push-burst");
        var agent = fixture.Grains.GetGrain<IAgentGrain>(GrainKeys.Of("push-burst", "A1"));

        // More events than a center holds back, ending with the agent available (it logged in not ready).
        var burst = Enumerable.Range(0, 5001)
            .Select(i => Event("push-burst", i % 2 == 0 ? "\"type\":\"agent.ready\",\"agent\":\"A1\"" : "\"type\":\"agent.notready\",\"agent\":\"A1\",\"reason\":\"away\""))
            .ToArray();
        await center.Apply(burst.AsImmutable());

        Assert.Equal("available", (await agent.View(fixture.Time.GetUtcNow(), new ClockInfo("UTC", "00:00"))).State);
    }
}
