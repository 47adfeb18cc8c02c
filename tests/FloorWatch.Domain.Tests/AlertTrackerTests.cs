using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Rules;
using FloorWatch.Domain.Settings;

namespace FloorWatch.Domain.Tests;

/// <summary>The rules on their own: which causes an agent's state holds, and how the tracker turns them into alerts over time.</summary>
public class AlertTrackerTests
{
    private static readonly DateTimeOffset T0 = Ev.T0;

    private static AgentProjection Agent(string reason, double since, double loggedIn = -7200)
    {
        var a = new AgentProjection("A1");
        a.Apply(new FloorFact { Kind = FactKind.AgentLoggedIn, Ts = T0.AddSeconds(loggedIn), Agent = "A1", Text = "S1" });
        a.Apply(new FloorFact { Kind = FactKind.AgentPhase, Ts = T0.AddSeconds(loggedIn), Agent = "A1", Phase = AgentPhase.NotReady, Reason = "login" });
        a.Apply(new FloorFact { Kind = FactKind.AgentPhase, Ts = T0.AddSeconds(since), Agent = "A1", Phase = AgentPhase.NotReady, Reason = reason });
        return a;
    }

    private static List<RuleCondition> Conditions(AgentProjection a, RuleSettings? r = null)
    {
        var list = new List<RuleCondition>();
        AgentRules.Conditions(a, r ?? new RuleSettings(), list);
        return list;
    }

    [Theory]
    [InlineData("away", 300)]
    [InlineData("restroom", 300)]
    [InlineData("break", 900)]
    [InlineData("lunch", 3600)]
    [InlineData("coaching", 600)]
    public void The_not_ready_limit_is_the_reasons_with_the_manuals_defaults(string reason, double limit)
    {
        var c = Assert.Single(Conditions(Agent(reason, 0)), x => x.Kind == AlertKinds.NotReadyOvertime);
        Assert.Equal(T0.AddSeconds(limit), c.RaiseAt);
        Assert.Equal(T0.AddSeconds(2 * limit), c.CriticalAt);
        Assert.Equal(T0.AddSeconds(0.8 * limit), c.NoticeAt);
    }

    [Fact]
    public void The_tracker_raises_once_escalates_once_and_resolves_when_the_cause_is_gone()
    {
        var a = Agent("away", 0);
        var tracker = new AlertTracker();
        var changes = new List<RaisedAlert>();

        tracker.Update(Conditions(a), T0.AddSeconds(299.999), changes);
        Assert.Empty(changes);
        Assert.NotNull(tracker.Notice);

        tracker.Update(Conditions(a), T0.AddSeconds(300), changes);
        tracker.Update(Conditions(a), T0.AddSeconds(450), changes);
        var raised = Assert.Single(changes);
        Assert.Equal((AlertKinds.Warning, T0.AddSeconds(300), 1), (raised.Severity, raised.RaisedAt, raised.Version));

        tracker.Update(Conditions(a), T0.AddSeconds(600), changes);
        tracker.Update(Conditions(a), T0.AddSeconds(700), changes);
        Assert.Equal(2, changes.Count);
        Assert.Equal((AlertKinds.Critical, T0.AddSeconds(600)), (changes[1].Severity, changes[1].EscalatedAt));

        a.Apply(new FloorFact { Kind = FactKind.AgentPhase, Ts = T0.AddSeconds(710), Agent = "A1", Phase = AgentPhase.Available });
        tracker.Update(Conditions(a), T0.AddSeconds(710), changes);
        Assert.Equal(3, changes.Count);
        Assert.Equal(T0.AddSeconds(710), changes[2].ResolvedAt);
        Assert.Null(tracker.Notice);
        Assert.Empty(tracker.Active);
    }

    [Fact]
    public void A_tracker_given_a_late_time_raises_at_the_deadline_not_at_that_time()
    {
        var tracker = new AlertTracker();
        var changes = new List<RaisedAlert>();

        tracker.Update(Conditions(Agent("away", 0)), T0.AddSeconds(5000), changes);

        var raised = Assert.Single(changes);
        Assert.Equal((AlertKinds.Critical, T0.AddSeconds(300), T0.AddSeconds(600)), (raised.Severity, raised.RaisedAt, raised.EscalatedAt));
    }

    [Fact]
    public void The_next_deadline_is_the_nearest_of_warning_limit_and_twice_the_limit()
    {
        var conditions = Conditions(Agent("away", 0));

        Assert.Equal(T0.AddSeconds(240), AlertTracker.NextDeadline(conditions, T0));
        Assert.Equal(T0.AddSeconds(300), AlertTracker.NextDeadline(conditions, T0.AddSeconds(240)));
        Assert.Equal(T0.AddSeconds(600), AlertTracker.NextDeadline(conditions, T0.AddSeconds(300)));
        Assert.Null(AlertTracker.NextDeadline(conditions, T0.AddSeconds(600)));
    }

    [Fact]
    public void Leave_needing_approval_is_unapproved_until_a_break_for_that_reason_is_approved()
    {
        var a = Agent("break", 0);
        Assert.Contains(Conditions(a), c => c.Kind == AlertKinds.UnapprovedLeave && !c.Critical);

        a.Apply(new FloorFact { Kind = FactKind.BreakApproved, Ts = T0.AddSeconds(10), Agent = "A1", Text = "r1", Reason = "break", Seconds = 5 });
        var after = Conditions(a);
        Assert.DoesNotContain(after, c => c.Kind == AlertKinds.UnapprovedLeave);
        Assert.Equal(T0.AddSeconds(300), Assert.Single(after, c => c.Kind == AlertKinds.NotReadyOvertime).RaiseAt);
    }

    [Fact]
    public void Leave_in_the_first_hour_after_login_is_critical_from_the_start()
    {
        var c = Assert.Single(Conditions(Agent("lunch", 0, loggedIn: -1800)), x => x.Kind == AlertKinds.UnapprovedLeave);
        Assert.True(c.Critical);
        Assert.Equal(T0, c.RaiseAt);
    }

    [Theory]
    [InlineData("20%", 10, 2)]
    [InlineData("20%", 3, 1)]
    [InlineData("20%", 0, 1)]
    [InlineData("0%", 10, 0)]
    [InlineData("3", 100, 3)]
    [InlineData("25%", 8, 2)]
    public void A_queues_break_quota_is_a_count_or_a_share_of_staffed_rounded_down_but_at_least_one(string quota, int staffed, int allowed) =>
        Assert.Equal(allowed, QueueRules.Quota(new RuleSettings { MaxConcurrentOnBreak = quota }, staffed));

    [Fact]
    public void The_quality_sample_draws_about_its_share_and_always_the_same_calls()
    {
        var drawn = Enumerable.Range(0, 20_000).Count(i => QualitySample.Picks($"call-{i}", 0.02));
        Assert.InRange(drawn, 300, 500);
        Assert.Equal(QualitySample.Picks("call-42", 0.02), QualitySample.Picks("call-42", 0.02));
        Assert.False(QualitySample.Picks("call-42", 0));
    }

    [Fact]
    public void Rule_settings_out_of_range_are_named_by_field()
    {
        var errors = SettingsValidator.Validate(new CenterSettings { Rules = new RuleSettings { QaSampleShare = 2, SlBreachMinCalls = 0, QaProbation = ["bad id!"] } });
        Assert.Contains(errors, e => e.StartsWith("rules.qaSampleShare", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("rules.slBreachMinCalls", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("rules.qaProbation", StringComparison.Ordinal));
    }

    private static AgentProjection OnCall(string call, bool vip = false, string[]? tags = null, string agent = "A1")
    {
        var a = new AgentProjection(agent);
        a.Apply(new FloorFact { Kind = FactKind.AgentLoggedIn, Ts = T0.AddSeconds(-7200), Agent = agent, Text = "S1" });
        a.Apply(new FloorFact { Kind = FactKind.AgentPhase, Ts = T0, Agent = agent, Phase = AgentPhase.OnCall });
        a.Apply(new FloorFact { Kind = FactKind.AgentCall, Ts = T0, Agent = agent, Call = call, Queue = "q1", Flag = vip });
        if (tags is not null)
        {
            a.Apply(new FloorFact { Kind = FactKind.CallTags, Ts = T0.AddSeconds(30), Agent = agent, Call = call, List = tags });
        }

        return a;
    }

    [Fact]
    public void Quality_is_told_of_long_vip_tagged_and_watched_agents_calls()
    {
        var rules = new RuleSettings { QaSampleShare = 0, QaProbation = ["A9"] };

        var plain = Conditions(OnCall("c-plain"), rules);
        Assert.Equal([AlertKinds.QaLongCall], plain.Select(c => c.Kind));
        Assert.Equal(T0.AddSeconds(900), plain[0].RaiseAt);

        Assert.Contains(Conditions(OnCall("c-vip", vip: true), rules), c => c.Kind == AlertKinds.QaVip && c.RaiseAt == T0 && c.Call == "c-vip");

        var tagged = Assert.Single(Conditions(OnCall("c-tag", tags: ["billing", "Complaint"]), rules), c => c.Kind == AlertKinds.QaTagged);
        Assert.Equal(T0.AddSeconds(30), tagged.RaiseAt);
        Assert.Equal("Complaint", tagged.Extra);
        Assert.DoesNotContain(Conditions(OnCall("c-tag2", tags: ["billing"]), rules), c => c.Kind == AlertKinds.QaTagged);

        Assert.Contains(Conditions(OnCall("c-watch", agent: "A9"), rules), c => c.Kind == AlertKinds.QaProbation);
        Assert.Contains(Conditions(OnCall("c-all", tags: null), rules with { QaSampleShare = 1 }), c => c.Kind == AlertKinds.QaSample);
    }

    [Fact]
    public void A_quality_alert_resolves_when_the_call_ends()
    {
        var a = OnCall("c-vip", vip: true);
        var tracker = new AlertTracker();
        var changes = new List<RaisedAlert>();
        tracker.Update(Conditions(a), T0.AddSeconds(1), changes);
        Assert.Equal("qa.vip", Assert.Single(changes).Kind);

        a.Apply(new FloorFact { Kind = FactKind.AgentCall, Ts = T0.AddSeconds(60), Agent = "A1" });
        a.Apply(new FloorFact { Kind = FactKind.AgentPhase, Ts = T0.AddSeconds(60), Agent = "A1", Phase = AgentPhase.WrapUp });
        tracker.Update(Conditions(a), T0.AddSeconds(60), changes);
        Assert.Equal(T0.AddSeconds(60), changes[1].ResolvedAt);
        Assert.Contains("VIP call c-vip", changes[1].Detail, StringComparison.Ordinal);
    }
}
