namespace FloorWatch.Simulator.Tests;

public class DeterminismTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void The_same_seed_gives_the_same_stream_byte_for_byte()
    {
        var a = new Simulation(new SimulatorOptions { Seed = 42, RunId = "same" }).RunUntil(Hour);
        var b = new Simulation(new SimulatorOptions { Seed = 42, RunId = "same" }).RunUntil(Hour);

        Assert.Equal(a.Events.Count, b.Events.Count);
        Assert.Equal(a.Lines().Select(Convert.ToBase64String), b.Lines().Select(Convert.ToBase64String));
    }

    [Fact]
    public void The_stream_does_not_depend_on_how_the_clock_ticks()
    {
        var stepped = new Simulation(new SimulatorOptions { Seed = 42, RunId = "same" }).RunUntil(Hour);

        // One jump of an hour: every step still carries the instant it fell due.
        var jumped = new Simulation(new SimulatorOptions { Seed = 42, RunId = "same" });
        jumped.Time.Advance(Hour);
        jumped.Model.Advance(jumped.Events);

        Assert.Equal(stepped.Lines().Select(Convert.ToBase64String), jumped.Lines().Select(Convert.ToBase64String));
    }

    [Fact]
    public void Another_seed_gives_another_floor()
    {
        var a = new Simulation(new SimulatorOptions { Seed = 42, RunId = "same" }).RunUntil(Hour);
        var b = new Simulation(new SimulatorOptions { Seed = 43, RunId = "same" }).RunUntil(Hour);

        Assert.NotEqual(a.Lines().Select(Convert.ToBase64String), b.Lines().Select(Convert.ToBase64String));
    }

    [Fact]
    public void Without_a_run_id_each_run_draws_its_own_so_a_restart_repeats_no_id()
    {
        var a = new Simulation(new SimulatorOptions { Seed = 42 });
        var b = new Simulation(new SimulatorOptions { Seed = 42 });
        a.RunUntil(TimeSpan.FromMinutes(5));
        b.RunUntil(TimeSpan.FromMinutes(5));

        Assert.NotEqual(a.Model.RunId, b.Model.RunId);
        Assert.Matches("^[a-z0-9]{8}$", a.Model.RunId);
        Assert.Empty(a.Events.Select(e => e.Id).Intersect(b.Events.Select(e => e.Id)));
        Assert.Empty(a.Events.Select(e => e.Call).OfType<string>().Intersect(b.Events.Select(e => e.Call).OfType<string>()));

        // The agents are the same people, so the floor looks the same after a restart.
        Assert.Equal(
            a.Events.Where(e => e.Type == EventTypes.AgentLogin).Select(e => e.Agent).Order(),
            b.Events.Where(e => e.Type == EventTypes.AgentLogin).Select(e => e.Agent).Order());
    }

    [Fact]
    public void Without_a_seed_one_is_drawn_and_reported_so_the_run_can_be_replayed()
    {
        var first = new Simulation(new SimulatorOptions { RunId = "r" }).RunUntil(Hour);
        var replay = new Simulation(new SimulatorOptions { RunId = "r", Seed = first.Model.Seed }).RunUntil(Hour);

        Assert.Equal(first.Lines().Select(Convert.ToBase64String), replay.Lines().Select(Convert.ToBase64String));
    }
}
