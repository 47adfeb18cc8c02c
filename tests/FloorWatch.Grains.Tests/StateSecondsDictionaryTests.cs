using FloorWatch.Contracts.Serialization;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace FloorWatch.Grains.Tests;

/// <summary>An agent's seconds per state: five numbers that read as the contract's map, and cross silos whole.</summary>
public class StateSecondsDictionaryTests
{
    private static readonly StateSecondsDictionary Seconds = new([0, 10.5, 20, 3, 400.25, 7]);

    [Fact]
    public void It_reads_as_the_map_of_the_five_states_in_their_order()
    {
        Assert.Equal(["notready", "available", "ringing", "oncall", "wrapup"], Seconds.Keys);
        Assert.Equal([10.5, 20, 3, 400.25, 7], Seconds.Values);
        Assert.Equal(400.25, Seconds["oncall"]);
        Assert.False(Seconds.ContainsKey("loggedout"));
        Assert.False(Seconds.TryGetValue("OnCall", out _));
        Assert.Throws<KeyNotFoundException>(() => Seconds["lunch"]);
        Assert.Equal(5, Seconds.Count);
    }

    [Fact]
    public void It_is_written_as_the_same_json_object_a_dictionary_was()
    {
        IReadOnlyDictionary<string, double> asDictionary = Seconds.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(asDictionary),
            System.Text.Json.JsonSerializer.Serialize<IReadOnlyDictionary<string, double>>(Seconds));
        Assert.Equal("""{"notready":10.5,"available":20,"ringing":3,"oncall":400.25,"wrapup":7}""", System.Text.Json.JsonSerializer.Serialize<IReadOnlyDictionary<string, double>>(Seconds));
    }

    [Fact]
    public void An_agent_view_carrying_it_round_trips_through_the_orleans_serializer()
    {
        var serializer = new ServiceCollection().AddSerializer(s => s.AddFloorWatchDomainTypes()).BuildServiceProvider().GetRequiredService<Serializer>();
        var view = new AgentView { Id = "A1", State = AgentPhase.OnCall.Name(), SecondsByState = Seconds };

        var copy = serializer.Deserialize<AgentView>(serializer.SerializeToArray(view));

        Assert.IsType<StateSecondsDictionary>(copy?.SecondsByState);
        Assert.Equal(Seconds.ToArray(), copy!.SecondsByState.ToArray());
    }
}
