namespace FloorWatch.Simulator.Tests;

/// <summary>Commands from FloorWatch, obeyed as a switch would (contract section 5).</summary>
public class CommandTests
{
    private static Simulation Busy() => new Simulation(new SimulatorOptions { Seed = 7, RunId = "cmd" }).RunUntil(TimeSpan.FromMinutes(20));

    private static string AgentIn(Simulation sim, StreamChecker.Phase phase) =>
        Enumerable.Range(1, 48).Select(i => $"A{i:00}").First(a => StreamChecker.Of(sim.Events).PhaseOf(a) == phase);

    private static List<SwitchEvent> AgentEventsAfter(Simulation sim, int from, string agent) =>
        sim.Events.Skip(from).Where(e => e.Agent == agent && e.Type.StartsWith("agent.", StringComparison.Ordinal)).ToList();

    /// <summary>The whole stream, commands included, still folds cleanly and makes sense.</summary>
    private static void AssertStillValid(Simulation sim)
    {
        Assert.Empty(StreamChecker.Of(sim.Events).Violations);
        var fold = Fold.Of(sim.Lines(), sim.Time.GetUtcNow());
        Assert.Empty(fold.ParseErrors);
        Assert.Empty(fold.Anomalies());
    }

    [Fact]
    public void ForceReady_of_a_not_ready_agent_emits_agent_ready_at_once()
    {
        var sim = Busy();
        var agent = AgentIn(sim, StreamChecker.Phase.NotReady);
        var from = sim.Events.Count;

        var outcome = sim.Command(SwitchCommand.ForceReady, agent);

        Assert.Equal(CommandOutcomeKind.Done, outcome.Kind);
        var e = Assert.Single(sim.Events.Skip(from), e => e.Agent == agent);
        Assert.Equal(EventTypes.AgentReady, e.Type);
        Assert.Equal(sim.Time.GetUtcNow(), e.Ts);
        sim.RunUntil(TimeSpan.FromMinutes(40));
        AssertStillValid(sim);
    }

    [Fact]
    public void ForceReady_of_an_agent_on_a_call_waits_for_the_call_to_end_and_skips_wrap_up()
    {
        var sim = Busy();
        var agent = AgentIn(sim, StreamChecker.Phase.OnCall);
        var call = CallOf(sim, sim.Events.Count, agent);
        var from = sim.Events.Count;

        Assert.Equal(CommandOutcomeKind.Pending, sim.Command(SwitchCommand.ForceReady, agent).Kind);
        Assert.Empty(sim.Events.Skip(from));

        sim.RunUntil(TimeSpan.FromMinutes(60));
        var callEnd = sim.Events.Skip(from).First(e => e.Type is EventTypes.CallEnded or EventTypes.CallTransferred && e.Call == call);
        var next = AgentEventsAfter(sim, from, agent)[0];
        Assert.Equal(EventTypes.AgentReady, next.Type);
        Assert.Equal(callEnd.Ts, next.Ts);
        AssertStillValid(sim);
    }

    [Fact]
    public void ForceReady_in_wrap_up_ends_it_at_once()
    {
        var sim = Busy();
        var agent = AgentIn(sim, StreamChecker.Phase.WrapUp);
        var from = sim.Events.Count;

        Assert.Equal(CommandOutcomeKind.Done, sim.Command(SwitchCommand.ForceReady, agent).Kind);

        var e = Assert.Single(sim.Events.Skip(from), e => e.Agent == agent);
        Assert.Equal(EventTypes.AgentReady, e.Type);
        Assert.Equal(sim.Time.GetUtcNow(), e.Ts);
        sim.RunUntil(TimeSpan.FromMinutes(40));
        AssertStillValid(sim);
    }

    [Fact]
    public void ForceNotReady_takes_an_available_agent_off_the_phone_with_that_reason()
    {
        var sim = Busy();
        var agent = AgentIn(sim, StreamChecker.Phase.Available);
        var from = sim.Events.Count;

        Assert.Equal(CommandOutcomeKind.Done, sim.Command(SwitchCommand.ForceNotReady, agent, reason: "coaching").Kind);

        var e = Assert.Single(sim.Events.Skip(from), e => e.Agent == agent);
        Assert.Equal((EventTypes.AgentNotReady, "coaching"), (e.Type, e.Reason));
        sim.RunUntil(TimeSpan.FromMinutes(25));
        Assert.DoesNotContain(sim.Events.Skip(from), e => e.Type == EventTypes.CallRinging && e.Agent == agent);
        AssertStillValid(sim);
    }

    [Fact]
    public void ForceNotReady_of_an_agent_on_a_call_comes_when_the_call_ends()
    {
        var sim = Busy();
        var agent = AgentIn(sim, StreamChecker.Phase.OnCall);
        var call = CallOf(sim, sim.Events.Count, agent);
        var from = sim.Events.Count;

        Assert.Equal(CommandOutcomeKind.Pending, sim.Command(SwitchCommand.ForceNotReady, agent, reason: "meeting").Kind);

        sim.RunUntil(TimeSpan.FromMinutes(60));
        var callEnd = sim.Events.Skip(from).First(e => e.Type is EventTypes.CallEnded or EventTypes.CallTransferred && e.Call == call);
        var next = AgentEventsAfter(sim, from, agent)[0];
        Assert.Equal((EventTypes.AgentNotReady, "meeting"), (next.Type, next.Reason));
        Assert.Equal(callEnd.Ts, next.Ts);
        AssertStillValid(sim);
    }

    [Fact]
    public void ForceLogout_of_an_agent_on_a_call_waits_for_the_end_of_the_call()
    {
        var sim = Busy();
        var agent = AgentIn(sim, StreamChecker.Phase.OnCall);
        var call = CallOf(sim, sim.Events.Count, agent);
        var from = sim.Events.Count;

        Assert.Equal(CommandOutcomeKind.Pending, sim.Command(SwitchCommand.ForceLogout, agent).Kind);
        Assert.Empty(sim.Events.Skip(from));

        sim.RunUntil(TimeSpan.FromMinutes(60));
        var after = sim.Events.Skip(from).ToList();
        var end = after.FindIndex(e => e.Call == call && e.Type is EventTypes.CallEnded or EventTypes.CallTransferred);
        var logout = after.FindIndex(e => e.Agent == agent && e.Type == EventTypes.AgentLogout);
        Assert.True(end >= 0 && logout > end, "the logout should follow the end of the call");
        Assert.Equal(after[end].Ts, after[logout].Ts);
        Assert.Equal("supervisor", after[logout].Reason);
        Assert.DoesNotContain(after.Take(logout), e => e.Agent == agent && e.Type.StartsWith("agent.", StringComparison.Ordinal));
        AssertStillValid(sim);
    }

    [Fact]
    public void ForceLogout_of_an_available_agent_logs_out_at_once_and_they_come_back_later()
    {
        var sim = Busy();
        var agent = AgentIn(sim, StreamChecker.Phase.Available);
        var from = sim.Events.Count;

        Assert.Equal(CommandOutcomeKind.Done, sim.Command(SwitchCommand.ForceLogout, agent).Kind);
        Assert.Equal(EventTypes.AgentLogout, Assert.Single(sim.Events.Skip(from)).Type);

        sim.RunUntil(TimeSpan.FromMinutes(40));
        var next = AgentEventsAfter(sim, from + 1, agent)[0];
        Assert.Equal(EventTypes.AgentLogin, next.Type);
        Assert.InRange((next.Ts - sim.Events[from].Ts).TotalMinutes, 5, 15);
        AssertStillValid(sim);
    }

    [Fact]
    public void SetQueues_re_skills_the_agent_who_then_rings_only_for_those_queues()
    {
        var sim = Busy();
        var agent = AgentIn(sim, StreamChecker.Phase.Available);
        var from = sim.Events.Count;

        Assert.Equal(CommandOutcomeKind.Done, sim.Command(SwitchCommand.SetQueues, agent, queues: ["vip"]).Kind);

        var e = Assert.Single(sim.Events.Skip(from), e => e.Agent == agent);
        Assert.Equal(EventTypes.AgentQueues, e.Type);
        Assert.Equal(["vip"], e.Queues);
        sim.RunUntil(TimeSpan.FromMinutes(60));
        var queueOf = sim.Events.Where(q => q.Type == EventTypes.CallQueued).ToDictionary(q => q.Call!, q => q.Queue);
        var rung = sim.Events.Skip(from).Where(r => r.Type == EventTypes.CallRinging && r.Agent == agent).ToList();
        Assert.NotEmpty(rung);
        Assert.All(rung, r => Assert.Equal("vip", queueOf.GetValueOrDefault(r.Call!, "vip")));
        AssertStillValid(sim);
    }

    [Theory]
    [InlineData(SwitchCommand.Message)]
    [InlineData(SwitchCommand.Monitor)]
    public void Messages_and_monitoring_change_nothing_visible(string command)
    {
        var sim = Busy();
        var agent = AgentIn(sim, StreamChecker.Phase.OnCall);
        var from = sim.Events.Count;

        var outcome = sim.Model.Obey(new SwitchCommand { Command = command, Agent = agent, Text = "please call back", Call = CallOf(sim, from, agent), Mode = "listen" }, sim.Events);

        Assert.Equal(CommandOutcomeKind.Done, outcome.Kind);
        Assert.Empty(sim.Events.Skip(from));
    }

    [Theory]
    [InlineData("agent.dance", "A01", "unknown command")]
    [InlineData(SwitchCommand.ForceReady, "A99", "no agent 'A99'")]
    [InlineData(SwitchCommand.ForceReady, null, "field 'agent'")]
    [InlineData(SwitchCommand.ForceNotReady, "A01", "field 'reason'")]
    [InlineData(SwitchCommand.SetQueues, "A01", "field 'queues'")]
    public void Unknown_or_incomplete_commands_are_ignored_with_the_reason(string command, string? agent, string why)
    {
        var sim = Busy();
        var from = sim.Events.Count;

        var outcome = sim.Model.Obey(new SwitchCommand { Command = command, Agent = agent }, sim.Events);

        Assert.Equal(CommandOutcomeKind.Ignored, outcome.Kind);
        Assert.Contains(why, outcome.Detail, StringComparison.Ordinal);
        Assert.Empty(sim.Events.Skip(from));
    }

    [Fact]
    public void ForceReady_of_a_logged_out_agent_is_ignored()
    {
        var sim = Busy();
        var agent = AgentIn(sim, StreamChecker.Phase.Available);
        sim.Command(SwitchCommand.ForceLogout, agent);
        var from = sim.Events.Count;

        Assert.Equal(CommandOutcomeKind.Ignored, sim.Command(SwitchCommand.ForceReady, agent).Kind);
        Assert.Empty(sim.Events.Skip(from));
    }

    /// <summary>The call the agent is connected to as of event <paramref name="upTo"/>.</summary>
    private static string CallOf(Simulation sim, int upTo, string agent) =>
        sim.Events.Take(upTo).Last(e => e.Type is EventTypes.CallAnswered or EventTypes.CallTransferred && e.Agent == agent).Call!;
}
