using System.Globalization;
using System.Text;
using FloorWatch.Contracts.Grains;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Events;
using FloorWatch.Grains.Push;
using Orleans.Concurrency;

namespace FloorWatch.Grains.Tests;

/// <summary>
/// The floor rules as the agent and queue grains enforce them, on a fake clock: exactly when each
/// alert is raised, escalated and resolved, and none for a state that ended before its limit.
/// </summary>
[Collection(PushCluster.Name)]
public class RuleTests(PushClusterFixture fixture)
{
    private long _seq;

    /// <summary>How long after a deadline it is judged: one push interval (this cluster's is the default).</summary>
    private static readonly double Grace = new PushOptions().Interval.TotalSeconds;

    private DateTimeOffset Now => fixture.Time.GetUtcNow();

    private JournalEntry Event(string center, string json)
    {
        var line = "{\"id\":\"" + center + "-" + (_seq + 1) + "\",\"center\":\"" + center + "\",\"ts\":\"" + Now.ToString("O", CultureInfo.InvariantCulture) + "\"," + json + "}";
        var parsed = CtiEventParser.Parse(Encoding.UTF8.GetBytes(line), Now);
        return new JournalEntry(++_seq, parsed.Event ?? throw new InvalidOperationException(parsed.Error), null);
    }

    private JournalEntry Act(FloorAction action) => new(++_seq, null, null, action);

    private async Task<ICenterGrain> Live(string center, params string[] events)
    {
        var grain = fixture.Grains.GetGrain<ICenterGrain>(center);
        await grain.GoLive();
        await Apply(grain, center, events);
        return grain;
    }

    private async Task Apply(ICenterGrain grain, string center, params string[] events) =>
        await grain.Apply(events.Select(e => Event(center, e)).ToArray().AsImmutable());

    /// <summary>Moves the clock, then waits until the agent's due timer has run (what it raised is on its way to the center: see <see cref="Raised"/>).</summary>
    private async Task Advance(ICenterGrain center, string centerId, string agent, double seconds)
    {
        fixture.Time.Advance(TimeSpan.FromSeconds(seconds));
        var grain = fixture.Grains.GetGrain<IAgentGrain>(GrainKeys.Of(centerId, agent));

        // The agent's timer turn runs before this call, and sends its one-way message to the center in that turn.
        await grain.View(Now, new ClockInfo("UTC", "00:00"));
        await center.Settings();
        await center.Settings();
    }

    /// <summary>
    /// The center's alerts of <paramref name="kind"/> once one of them matches. An agent's timer tells
    /// the center one way (the center may be waiting on the agent), and under load that message can
    /// land a few of the test's calls later, so the center is asked again, a round trip at a time.
    /// </summary>
    private static async Task<AlertView[]> Raised(ICenterGrain center, string kind, Func<AlertView, bool> match)
    {
        for (var asked = 1; ; asked++)
        {
            var alerts = await Of(center, kind);
            if (alerts.Any(match) || asked == 1000)
            {
                return alerts;
            }

            await center.Settings();
        }
    }

    private static string Login(string agent, string seat = "S1", string queue = "q1") =>
        $"\"type\":\"agent.login\",\"agent\":\"{agent}\",\"seat\":\"{seat}\",\"queues\":[\"{queue}\"]";

    private static string NotReady(string agent, string reason) => $"\"type\":\"agent.notready\",\"agent\":\"{agent}\",\"reason\":\"{reason}\"";

    private static string Ready(string agent) => $"\"type\":\"agent.ready\",\"agent\":\"{agent}\"";

    private static async Task<AlertView[]> Of(ICenterGrain center, string kind) => (await center.Alerts(all: true)).Where(a => a.Kind == kind).ToArray();

    [Fact]
    public async Task Away_warns_the_agent_at_80_percent_alerts_at_the_limit_escalates_at_twice_and_resolves_at_ready()
    {
        var center = await Live("rules-away", Login("A1"), Ready("A1"));
        var since = Now;
        await Apply(center, "rules-away", NotReady("A1", "away"));
        var agent = fixture.Grains.GetGrain<IAgentGrain>(GrainKeys.Of("rules-away", "A1"));

        await Advance(center, "rules-away", "A1", 239);
        Assert.Null((await agent.View(Now, new ClockInfo("UTC", "00:00"))).Notice);

        await Advance(center, "rules-away", "A1", 1 + Grace);
        var notice = (await agent.View(Now, new ClockInfo("UTC", "00:00"))).Notice;
        Assert.NotNull(notice);
        Assert.Equal(since.AddSeconds(240), notice.At);
        Assert.Equal(300, notice.LimitSeconds);
        Assert.Empty(await Of(center, "notready.overtime"));

        await Advance(center, "rules-away", "A1", 59.9);
        Assert.Empty(await Of(center, "notready.overtime"));

        await Advance(center, "rules-away", "A1", 1.1);
        var raised = Assert.Single(await Raised(center, "notready.overtime", _ => true));
        Assert.Equal(("warning", "open", "A1"), (raised.Severity, raised.State, raised.Agent));
        Assert.Equal(since.AddSeconds(300), raised.RaisedAt);

        await Advance(center, "rules-away", "A1", 300);
        var escalated = Assert.Single(await Raised(center, "notready.overtime", a => a.Severity == "critical"));
        Assert.Equal(("critical", raised.Id), (escalated.Severity, escalated.Id));
        Assert.Equal(since.AddSeconds(600), escalated.EscalatedAt);

        await Apply(center, "rules-away", Ready("A1"));
        var resolved = Assert.Single(await Of(center, "notready.overtime"));
        Assert.Equal(("resolved", Now), (resolved.State, resolved.ResolvedAt!.Value));
        Assert.Empty(await center.Alerts(all: false));
    }

    [Fact]
    public async Task A_not_ready_that_ends_before_its_limit_raises_nothing()
    {
        var center = await Live("rules-short", Login("A1"), Ready("A1"));
        await Apply(center, "rules-short", NotReady("A1", "restroom"));
        await Advance(center, "rules-short", "A1", 299);
        await Apply(center, "rules-short", Ready("A1"));
        await Advance(center, "rules-short", "A1", 600);

        Assert.Empty(await center.Alerts(all: true));
    }

    [Fact]
    public async Task A_limit_stopped_by_a_state_without_one_waits_again_for_the_next_state_with_one()
    {
        var center = await Live("rules-again", Login("A1"), Ready("A1"));
        await Apply(center, "rules-again", NotReady("A1", "away"));
        await Advance(center, "rules-again", "A1", 100);
        await Apply(center, "rules-again", Ready("A1"));
        await Advance(center, "rules-again", "A1", 600);
        Assert.Empty(await center.Alerts(all: true));

        var since = Now;
        await Apply(center, "rules-again", NotReady("A1", "away"));
        await Advance(center, "rules-again", "A1", 299);
        Assert.Empty(await Of(center, "notready.overtime"));

        // At the limit itself a fact from before it may still wait for its center's push: judged one push later.
        await Advance(center, "rules-again", "A1", 1);
        Assert.Empty(await Of(center, "notready.overtime"));

        await Advance(center, "rules-again", "A1", Grace);
        var raised = Assert.Single(await Raised(center, "notready.overtime", _ => true));
        Assert.Equal(since.AddSeconds(300), raised.RaisedAt);
    }

    [Fact]
    public async Task The_same_work_id_at_a_second_seat_is_a_critical_duplicate_until_logout()
    {
        var center = await Live("rules-dup", Login("A1", "S1"));
        Assert.Empty(await center.Alerts(all: true));

        await Apply(center, "rules-dup", Login("A1", "S2"));
        var dup = Assert.Single(await Of(center, "login.duplicate"));
        Assert.Equal(("critical", "open"), (dup.Severity, dup.State));
        Assert.Contains("S1", dup.Detail, StringComparison.Ordinal);
        Assert.Contains("S2", dup.Detail, StringComparison.Ordinal);

        await Apply(center, "rules-dup", "\"type\":\"agent.logout\",\"agent\":\"A1\"");
        Assert.Equal("resolved", Assert.Single(await Of(center, "login.duplicate")).State);
    }

    [Fact]
    public async Task Leaving_for_a_break_without_approval_is_raised_at_once_and_in_the_first_hour_as_critical()
    {
        var center = await Live("rules-leave", Login("A1"), Login("A2", "S2"));
        await Advance(center, "rules-leave", "A1", 3600);
        await Apply(center, "rules-leave", Ready("A1"), NotReady("A1", "break"));
        var late = Assert.Single(await Of(center, "unapproved.leave"));
        Assert.Equal(("warning", Now), (late.Severity, late.RaisedAt));

        // A2 logged in at the same moment as A1 but re-logs in now: its first hour starts again.
        await Apply(center, "rules-leave", "\"type\":\"agent.logout\",\"agent\":\"A2\"", Login("A2", "S2"), NotReady("A2", "lunch"));
        var early = Assert.Single(await Of(center, "unapproved.leave"), a => a.Agent == "A2");
        Assert.Equal("critical", early.Severity);
        Assert.Contains("first 60 minutes", early.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approved_break_is_no_unapproved_leave_and_has_its_own_limit()
    {
        var center = await Live("rules-approved", Login("A1"), Login("A2", "S2"), Login("A3", "S3"), Login("A4", "S4"), Login("A5", "S5"));
        await Advance(center, "rules-approved", "A1", 3700);
        await Apply(center, "rules-approved", Ready("A1"), Ready("A2"), Ready("A3"), Ready("A4"), Ready("A5"));
        await center.Apply(new[]
        {
            Act(new FloorAction { Kind = FloorAction.RequestBreak, Id = "r1", Agent = "A1", Reason = "break", Minutes = 10, By = "A1", At = Now }),
            Act(new FloorAction { Kind = FloorAction.ApproveBreak, Id = "r1", By = "boss", At = Now }),
        }.AsImmutable());
        Assert.Equal("approved", (await center.Break("r1"))!.State);

        var since = Now;
        await Apply(center, "rules-approved", NotReady("A1", "break"));
        Assert.Equal("taken", (await center.Break("r1"))!.State);
        Assert.Empty(await Of(center, "unapproved.leave"));

        // The rule's break limit is 900 s; the approval's 10 minutes are 600 s.
        await Advance(center, "rules-approved", "A1", 601);
        static bool BreakOvertime(AlertView a) => a.Agent == "A1" && a.Detail.Contains("break", StringComparison.Ordinal);
        var over = Assert.Single(await Raised(center, "notready.overtime", BreakOvertime), BreakOvertime);
        Assert.Equal(since.AddSeconds(600), over.RaisedAt);

        await Apply(center, "rules-approved", Ready("A1"));
        Assert.Equal("ended", (await center.Break("r1"))!.State);
    }

    [Fact]
    public async Task An_approval_over_the_queue_quota_is_refused_with_the_reason()
    {
        // 20 % of 5 staffed is 1 away at once: A1's break fills the quota.
        var center = await Live("rules-quota", Login("A1"), Login("A2", "S2"), Login("A3", "S3"), Login("A4", "S4"), Login("A5", "S5"));
        await Advance(center, "rules-quota", "A1", 3700);
        await Apply(center, "rules-quota", Ready("A1"), Ready("A2"), Ready("A3"), Ready("A4"), Ready("A5"));
        await center.Apply(new[]
        {
            Act(new FloorAction { Kind = FloorAction.RequestBreak, Id = "q-r1", Agent = "A1", Reason = "break", Minutes = 15, By = "A1", At = Now }),
            Act(new FloorAction { Kind = FloorAction.ApproveBreak, Id = "q-r1", By = "boss", At = Now }),
            Act(new FloorAction { Kind = FloorAction.RequestBreak, Id = "q-r2", Agent = "A2", Reason = "lunch", Minutes = 30, By = "A2", At = Now }),
            Act(new FloorAction { Kind = FloorAction.ApproveBreak, Id = "q-r2", By = "boss", At = Now }),
        }.AsImmutable());

        Assert.Equal("approved", (await center.Break("q-r1"))!.State);
        var refused = (await center.Break("q-r2"))!;
        Assert.Equal("refused", refused.State);
        Assert.Contains("queue q1", refused.Why, StringComparison.Ordinal);
        Assert.Contains("quota 20%", refused.Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_away_from_the_seat_at_once_raise_break_concurrency_on_the_queue()
    {
        var center = await Live("rules-conc", Login("A1"), Login("A2", "S2"), Login("A3", "S3"));
        await Apply(center, "rules-conc", Ready("A1"), Ready("A2"), Ready("A3"), NotReady("A1", "meeting"));
        Assert.Empty(await Of(center, "break.concurrency"));

        await Apply(center, "rules-conc", NotReady("A2", "training"));
        var conc = Assert.Single(await Of(center, "break.concurrency"));
        Assert.Equal(("q1", "open"), (conc.Queue, conc.State));

        await Apply(center, "rules-conc", Ready("A2"));
        Assert.Equal("resolved", Assert.Single(await Of(center, "break.concurrency")).State);
    }

    [Fact]
    public async Task An_acknowledged_alert_stays_acknowledged_until_it_escalates()
    {
        var center = await Live("rules-ack", Login("A1"), Ready("A1"));
        await Apply(center, "rules-ack", NotReady("A1", "away"));
        await Advance(center, "rules-ack", "A1", 301);
        var raised = Assert.Single(await Raised(center, "notready.overtime", _ => true));

        await center.Apply(new[] { Act(new FloorAction { Kind = FloorAction.AcknowledgeAlert, Id = raised.Id, By = "boss", At = Now }) }.AsImmutable());
        var acked = (await center.Alert(raised.Id))!;
        Assert.Equal(("acknowledged", "boss"), (acked.State, acked.By));

        await Advance(center, "rules-ack", "A1", 300);
        var escalated = Assert.Single(await Raised(center, "notready.overtime", a => a.Severity == "critical"));
        Assert.Equal(("critical", "open", "boss", raised.Id), (escalated.Severity, escalated.State, escalated.By, escalated.Id));
    }

    [Fact]
    public async Task Wrap_up_and_hold_overtime_are_raised_at_their_limits()
    {
        var center = await Live("rules-wrap", Login("A1"), Ready("A1"), "\"type\":\"call.queued\",\"call\":\"W1\",\"queue\":\"q1\"", "\"type\":\"call.answered\",\"call\":\"W1\",\"agent\":\"A1\"");
        var held = Now;
        await Apply(center, "rules-wrap", "\"type\":\"call.held\",\"call\":\"W1\"");
        await Advance(center, "rules-wrap", "A1", 119);
        Assert.Empty(await Of(center, "hold.overtime"));
        await Advance(center, "rules-wrap", "A1", 2);
        var hold = Assert.Single(await Raised(center, "hold.overtime", _ => true));
        Assert.Equal(("W1", held.AddSeconds(120)), (hold.Call, hold.RaisedAt));

        await Apply(center, "rules-wrap", "\"type\":\"call.retrieved\",\"call\":\"W1\"", "\"type\":\"call.ended\",\"call\":\"W1\"");
        Assert.Equal("resolved", Assert.Single(await Of(center, "hold.overtime")).State);
        var wrap = Now;
        await Advance(center, "rules-wrap", "A1", 121);
        Assert.Equal(wrap.AddSeconds(120), Assert.Single(await Raised(center, "wrapup.overtime", _ => true)).RaisedAt);
    }

    [Fact]
    public async Task A_rules_change_applies_at_once_to_a_state_already_running()
    {
        var center = await Live("rules-change", Login("A1"), Ready("A1"), NotReady("A1", "coaching"));
        await Advance(center, "rules-change", "A1", 400);
        Assert.Empty(await Of(center, "notready.overtime"));

        var settings = await center.Settings();
        var stricter = settings with { Rules = settings.Rules with { NotReadyMaxSeconds = new Dictionary<string, double> { ["coaching"] = 300, ["*"] = 600 } } };
        await center.Apply(new[] { new JournalEntry(++_seq, null, stricter) }.AsImmutable());

        Assert.Single(await Of(center, "notready.overtime"));
    }

    [Fact]
    public async Task Service_level_under_target_with_enough_calls_breaches_until_the_interval_ends()
    {
        // A breach ends with its interval: the clock the tests share goes just past a quarter hour, so the 150 s below stay in one.
        var quarter = TimeSpan.FromMinutes(15);
        fixture.Time.Advance(quarter - TimeSpan.FromTicks(Now.UtcTicks % quarter.Ticks) + TimeSpan.FromSeconds(1));
        var center = await Live("rules-sl", Login("A1"), Ready("A1"));
        for (var i = 0; i < 4; i++)
        {
            await Apply(center, "rules-sl", $"\"type\":\"call.queued\",\"call\":\"S{i}\",\"queue\":\"q1\"");
            fixture.Time.Advance(TimeSpan.FromSeconds(30));
            await Apply(center, "rules-sl", $"\"type\":\"call.abandoned\",\"call\":\"S{i}\"");
        }

        // Four calls are too few to call it a breach (slBreachMinCalls 5); the fifth makes it one.
        Assert.Empty(await Of(center, "sl.breach"));
        await Apply(center, "rules-sl", "\"type\":\"call.queued\",\"call\":\"S5\",\"queue\":\"q1\"");
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        await Apply(center, "rules-sl", "\"type\":\"call.abandoned\",\"call\":\"S5\"");
        var breach = Assert.Single(await Of(center, "sl.breach"));
        Assert.Equal(("q1", "open"), (breach.Queue, breach.State));
    }

    [Fact]
    public async Task Approval_is_refused_in_the_first_hour_and_while_calls_wait()
    {
        var center = await Live("rules-refuse", Login("A1"), Login("A2", "S2"), Ready("A1"), Ready("A2"));
        await center.Apply(new[]
        {
            Act(new FloorAction { Kind = FloorAction.RequestBreak, Id = "f-r1", Agent = "A1", Reason = "break", Minutes = 10, By = "A1", At = Now }),
            Act(new FloorAction { Kind = FloorAction.ApproveBreak, Id = "f-r1", By = "boss", At = Now }),
        }.AsImmutable());
        var early = (await center.Break("f-r1"))!;
        Assert.Equal("refused", early.State);
        Assert.Contains("first 60 minutes", early.Why, StringComparison.Ordinal);

        await Advance(center, "rules-refuse", "A1", 3700);
        await Apply(center, "rules-refuse", Ready("A1"), Ready("A2"));
        for (var i = 0; i < 5; i++)
        {
            await Apply(center, "rules-refuse", $"\"type\":\"call.queued\",\"call\":\"P{i}\",\"queue\":\"q1\"");
        }

        await center.Apply(new[]
        {
            Act(new FloorAction { Kind = FloorAction.RequestBreak, Id = "f-r2", Agent = "A1", Reason = "break", Minutes = 10, By = "A1", At = Now }),
            Act(new FloorAction { Kind = FloorAction.ApproveBreak, Id = "f-r2", By = "boss", At = Now }),
        }.AsImmutable());
        var busy = (await center.Break("f-r2"))!;
        Assert.Equal("refused", busy.State);
        Assert.Contains("service level protected: queue q1 has 5 waiting", busy.Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silent_feed_is_one_alert_until_it_is_heard_again()
    {
        var center = await Live("rules-feed", Login("A1"));
        var silent = Now;
        await center.Apply(new[] { Act(new FloorAction { Kind = FloorAction.FeedSilent, By = "feed watch", At = silent, Why = "no event nor heartbeat for 15 s" }) }.AsImmutable());
        var down = Assert.Single(await Of(center, "feed.down"));
        Assert.Equal(("critical", "open", silent), (down.Severity, down.State, down.RaisedAt));

        await center.Apply(new[] { Act(new FloorAction { Kind = FloorAction.FeedHeard, By = "feed watch", At = silent.AddSeconds(40) }) }.AsImmutable());
        var up = Assert.Single(await Of(center, "feed.down"));
        Assert.Equal(("resolved", silent.AddSeconds(40)), (up.State, up.ResolvedAt!.Value));

        // Heard again with nothing open: no alert appears from nothing.
        await center.Apply(new[] { Act(new FloorAction { Kind = FloorAction.FeedHeard, By = "feed watch", At = silent.AddSeconds(50) }) }.AsImmutable());
        Assert.Single(await Of(center, "feed.down"));
    }
}
