using System.Text.Json;
using FloorWatch.Contracts.Serialization;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace FloorWatch.Grains.Tests;

/// <summary>An agent's seconds per not-ready reason: two short arrays that read as the contract's map, in the reasons' order, and cross silos whole.</summary>
public class ReasonSecondsDictionaryTests
{
    private static ReasonSecondsDictionary Seconds()
    {
        var interval = new AgentInterval();
        interval.AddSeconds(AgentPhase.NotReady, "lunch", 600);
        interval.AddSeconds(AgentPhase.NotReady, null, 12.5);
        interval.AddSeconds(AgentPhase.Available, "ignored", 30);
        interval.AddSeconds(AgentPhase.NotReady, "lunch", 60);
        return ReasonSecondsDictionary.Of(interval);
    }

    [Fact]
    public void It_reads_as_the_map_of_an_intervals_reasons_in_the_order_they_came()
    {
        var seconds = Seconds();

        Assert.Equal(["lunch", "notready"], seconds.Keys);
        Assert.Equal([660, 12.5], seconds.Values);
        Assert.Equal(660, seconds["lunch"]);
        Assert.True(seconds.ContainsKey("notready"));
        Assert.False(seconds.TryGetValue("Lunch", out _));
        Assert.Throws<KeyNotFoundException>(() => seconds["away"]);
        Assert.Empty(ReasonSecondsDictionary.Of(new AgentInterval()));
    }

    [Fact]
    public void It_is_written_as_the_same_json_object_a_dictionary_was()
    {
        IReadOnlyDictionary<string, double> seconds = Seconds();

        Assert.Equal("""{"lunch":660,"notready":12.5}""", JsonSerializer.Serialize(seconds));
        Assert.Equal(JsonSerializer.Serialize(seconds.ToDictionary(p => p.Key, p => p.Value)), JsonSerializer.Serialize(seconds));
    }

    [Fact]
    public void More_seconds_for_a_reason_add_to_it_and_a_new_reason_comes_last_leaving_the_first_as_it_was()
    {
        var seconds = Seconds();

        Assert.Equal([("lunch", 700.0), ("notready", 12.5)], seconds.Plus("lunch", 40).Select(p => (p.Key, p.Value)));
        Assert.Equal([("lunch", 660.0), ("notready", 12.5), ("away", 3.0)], seconds.Plus("away", 3).Select(p => (p.Key, p.Value)));
        Assert.Equal(660, seconds["lunch"]);
        Assert.Equal(2, seconds.Count);
    }

    [Fact]
    public void An_agent_view_carrying_it_round_trips_through_the_orleans_serializer()
    {
        var serializer = new ServiceCollection().AddSerializer(s => s.AddFloorWatchDomainTypes()).BuildServiceProvider().GetRequiredService<Serializer>();
        var view = new AgentView { Id = "A1", State = AgentPhase.NotReady.Name(), SecondsByReason = Seconds() };

        var copy = serializer.Deserialize<AgentView>(serializer.SerializeToArray(view));

        Assert.IsType<ReasonSecondsDictionary>(copy?.SecondsByReason);
        Assert.Equal(Seconds().ToArray(), copy!.SecondsByReason.ToArray());
    }
}
