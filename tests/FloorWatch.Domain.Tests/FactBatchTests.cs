using FloorWatch.Domain.Floor;

namespace FloorWatch.Domain.Tests;

/// <summary>The batch's recycled lists stay the size of what their kind usually holds.</summary>
public class FactBatchTests
{
    private static readonly FloorFact Fact = new() { Kind = FactKind.AgentPhase, Ts = DateTimeOffset.UnixEpoch };

    [Fact]
    public void A_busy_queue_s_list_is_never_handed_to_an_agent()
    {
        var batch = new FactBatch();
        for (var i = 0; i < 500; i++)
        {
            batch.ToQueueOnly("busy", Fact);
        }

        batch.Clear();
        batch.ToAgent("a1", Fact);

        Assert.True(batch.Agents["a1"].Capacity <= FactBatch.MaxSpareAgentCapacity, $"capacity {batch.Agents["a1"].Capacity}");
    }

    [Fact]
    public void A_list_grown_past_its_bound_is_let_go_and_one_within_it_is_kept()
    {
        var batch = new FactBatch();
        for (var i = 0; i < FactBatch.MaxSpareAgentCapacity + 1; i++)
        {
            batch.ToAgent("burst", Fact);
        }

        batch.ToAgent("calm", Fact);
        var calm = batch.Agents["calm"];
        batch.Clear();
        batch.ToAgent("next", Fact);

        Assert.Same(calm, batch.Agents["next"]);
        Assert.Equal([Fact], batch.Agents["next"]);
        batch.ToAgent("after", Fact);
        Assert.True(batch.Agents["after"].Capacity <= FactBatch.MaxSpareAgentCapacity, $"capacity {batch.Agents["after"].Capacity}");
    }

    [Fact]
    public void A_queue_keeps_a_list_of_a_busy_batch_for_the_next()
    {
        var batch = new FactBatch();
        for (var i = 0; i < 300; i++)
        {
            batch.ToQueueAndCenter("q", Fact);
        }

        var kept = batch.Queues["q"];
        batch.Clear();
        batch.ToQueueOnly("q2", Fact);

        Assert.Same(kept, batch.Queues["q2"]);
        Assert.Single(batch.Queues["q2"]);
        Assert.Empty(batch.Center);
    }
}
