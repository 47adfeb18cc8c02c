namespace FloorWatch.Simulator.Tests;

public class CleanStopTests
{
    [Fact]
    public void A_clean_stop_ends_every_call_and_logs_everyone_out_at_that_instant()
    {
        var sim = new Simulation(new SimulatorOptions { Seed = 11, RunId = "stop" }).RunUntil(TimeSpan.FromMinutes(25));
        var before = StreamChecker.Of(sim.Events);
        Assert.True(before.ConnectedCalls > 5, "the floor should be busy when it stops");
        Assert.True(before.WaitingCalls + before.ConnectedCalls == sim.Model.LiveCalls);

        var stop = sim.Stop();

        Assert.All(stop, e => Assert.Equal(sim.Time.GetUtcNow(), e.Ts));
        var after = StreamChecker.Of(sim.Events);
        Assert.Empty(after.Violations);
        Assert.Equal(0, after.WaitingCalls);
        Assert.Equal(0, after.ConnectedCalls);
        Assert.Equal(0, after.AgentsLoggedIn);
        Assert.Equal(before.AgentsLoggedIn, stop.Count(e => e.Type == EventTypes.AgentLogout && e.Reason == "shutdown"));

        // As FloorWatch folds it: no call waits and no agent is staffed in any queue.
        var fold = Fold.Of(sim.Lines(), sim.Time.GetUtcNow());
        Assert.Empty(fold.Anomalies());
        Assert.All(fold.Queues.Values, q =>
        {
            var now = q.Now(sim.Time.GetUtcNow());
            Assert.Equal((0, 0), (now.Waiting, now.Staffed));
        });
        Assert.All(fold.Agents.Values, a => Assert.Equal(FloorWatch.Domain.Floor.AgentPhase.LoggedOut, a.Phase));
    }

    [Fact]
    public void After_a_stop_the_model_plans_and_obeys_nothing()
    {
        var sim = new Simulation(new SimulatorOptions { Seed = 11, RunId = "stop" }).RunUntil(TimeSpan.FromMinutes(5));
        sim.Stop();
        var count = sim.Events.Count;

        sim.Time.Advance(TimeSpan.FromMinutes(5));
        sim.Model.Advance(sim.Events);
        var outcome = sim.Command(SwitchCommand.ForceReady, "A01");
        sim.Stop();

        Assert.Null(sim.Model.NextDueAt);
        Assert.Equal(CommandOutcomeKind.Ignored, outcome.Kind);
        Assert.Equal(count, sim.Events.Count);
        Assert.Equal(0, sim.Model.LiveCalls);
        Assert.Equal(0, sim.Model.AgentsLoggedIn);
    }
}
