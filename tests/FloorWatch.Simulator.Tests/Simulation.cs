using Microsoft.Extensions.Time.Testing;

namespace FloorWatch.Simulator.Tests;

/// <summary>Runs a <see cref="CenterModel"/> on a fake clock, stepping from one due step to the next as the real loop does.</summary>
public sealed class Simulation
{
    public static readonly DateTimeOffset Start = new(2026, 11, 17, 8, 0, 0, TimeSpan.Zero);

    public Simulation(SimulatorOptions? options = null)
    {
        Options = options ?? new SimulatorOptions { Seed = 20261117, RunId = "t1" };
        Model = new CenterModel(Options, Time);
    }

    public SimulatorOptions Options { get; }
    public FakeTimeProvider Time { get; } = new(Start);
    public CenterModel Model { get; }
    public List<SwitchEvent> Events { get; } = [];

    /// <summary>Runs until <paramref name="elapsed"/> after the start.</summary>
    public Simulation RunUntil(TimeSpan elapsed)
    {
        var end = Start + elapsed;
        Model.Advance(Events);
        while (Model.NextDueAt is { } next && next <= end)
        {
            if (next > Time.GetUtcNow())
            {
                Time.SetUtcNow(next);
            }

            Model.Advance(Events);
        }

        Time.SetUtcNow(end);
        Model.Advance(Events);
        return this;
    }

    public CommandOutcome Command(string command, string agent, string? reason = null, string[]? queues = null) =>
        Model.Obey(new SwitchCommand { Id = "cmd-" + Events.Count, Command = command, Agent = agent, Reason = reason, Queues = queues }, Events);

    public List<SwitchEvent> Stop()
    {
        var from = Events.Count;
        Model.Stop(Events);
        return Events.Skip(from).ToList();
    }

    /// <summary>The NDJSON lines as sent on the link.</summary>
    public IEnumerable<byte[]> Lines() => Events.Select(SwitchEventJson.ToLine);
}
