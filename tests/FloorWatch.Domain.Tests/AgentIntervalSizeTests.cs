using FloorWatch.Domain.Floor;

namespace FloorWatch.Domain.Tests;

/// <summary>
/// Every agent keeps one interval per 15 minutes for the whole business day: 20,000 agents hold
/// close to two million of them a day, so their size is the server's memory. These hold it to its budget.
/// </summary>
public class AgentIntervalSizeTests
{
    private const int Intervals = 2_000;

    /// <summary>An agent that is available and on calls in each interval, and away for one reason in every other one.</summary>
    private static double BytesPerInterval(bool withReasons)
    {
        var agent = new AgentProjection("A1");
        var t = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        Phase(agent, t, AgentPhase.Available, null);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 0; k < Intervals; k++)
        {
            var start = t.AddMinutes(15 * k);
            Phase(agent, start.AddMinutes(1), AgentPhase.OnCall, null);
            Phase(agent, start.AddMinutes(5), withReasons && k % 2 == 0 ? AgentPhase.NotReady : AgentPhase.Available, "away");
            Phase(agent, start.AddMinutes(7), AgentPhase.Available, null);
        }

        // Allocated, not kept: the lists' growth counts too, so this is an upper bound of what stays.
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(Intervals, agent.IntervalCount);
        return bytes / (double)Intervals;
    }

    private static void Phase(AgentProjection agent, DateTimeOffset at, AgentPhase phase, string? reason) =>
        agent.Apply(new FloorFact { Kind = FactKind.AgentPhase, Ts = at, Agent = agent.Id, Phase = phase, Reason = phase == AgentPhase.NotReady ? reason : null });

    [Fact]
    public void An_interval_without_not_ready_time_takes_at_most_130_bytes_with_its_place_in_the_index()
    {
        var bytes = BytesPerInterval(withReasons: false);
        Assert.True(bytes <= 130, $"{bytes:F0} bytes per interval");
    }

    [Fact]
    public void Half_of_the_intervals_with_a_not_ready_reason_take_at_most_160_bytes_each_on_average()
    {
        var bytes = BytesPerInterval(withReasons: true);
        Assert.True(bytes <= 160, $"{bytes:F0} bytes per interval");
    }
}
