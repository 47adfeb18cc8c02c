using FloorWatch.Simulator;

namespace FloorWatch.LoadGen.Province;

/// <summary>One simulated center of the province: its floor, and how many events of it the run sends.</summary>
internal sealed record CenterPlan(string Id, int Agents, IReadOnlyList<QueueProfile> Queues, double CallsPerHour, int Seed, int Events)
{
    public SimulatorOptions ModelOptions(string runId) => new()
    {
        Center = Id,
        Agents = Agents,
        Queues = Queues,
        CallsPerHour = CallsPerHour,
        Seed = Seed,
        RunId = runId,
    };
}
