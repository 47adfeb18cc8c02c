namespace FloorWatch.Simulator.Tests;

/// <summary>Two simulated hours of the default floor with a fixed seed, folded once for the tests that judge them.</summary>
public sealed class TwoHourRun
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(2);

    public TwoHourRun()
    {
        Simulation = new Simulation().RunUntil(Length);
        Fold = Fold.Of(Simulation.Lines(), Simulation.Start + Length);
        Checker = StreamChecker.Of(Simulation.Events);
    }

    public Simulation Simulation { get; }
    public Fold Fold { get; }
    public StreamChecker Checker { get; }
    public List<SwitchEvent> Events => Simulation.Events;
}
