using System.Text.Json;
using System.Text.Json.Nodes;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Figures;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;
using FloorWatch.Server.Journal;
using FloorWatch.Server.Push;

namespace FloorWatch.Server.Tests;

/// <summary>
/// When a center's rows of changes are written whole: the first time, while a viewer joins and for
/// the delta after its snapshot, and after a missed seq. In between, only what changed.
/// </summary>
public class DeltaChangesTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    internal static readonly QueueView Totals = new()
    {
        Id = "hq",
        Now = new QueueNowView { Counts = new QueueNow() },
        Interval = new WindowFigures(),
        Today = new WindowFigures(),
        Settings = QueueSettings.Default,
    };

    private static FloorDelta Delta(long seq, string state, StateSecondsDictionary? secondsByState = null)
    {
        var agent = new AgentView { Id = "A1", Name = "Ann", Seat = "S-01", State = state, Since = AsOf };
        return new()
        {
            Center = "hq",
            Seq = seq,
            AsOf = AsOf.AddSeconds(seq),
            Totals = Totals,
            Agents = [secondsByState is null ? agent : agent with { SecondsByState = secondsByState }],
            Feed = new FeedView(),
        };
    }

    /// <summary>The agent row of the supervisors' message, as a viewer receives it.</summary>
    private static JsonObject AgentRow(DeltaChanges changes, long seq, string state, StateSecondsDictionary? secondsByState = null)
    {
        var (floor, _) = changes.Messages(Delta(seq, state, secondsByState), new { status = "ok" });
        return JsonNode.Parse(JsonSerializer.Serialize(floor, JournalJson.Options))!["agents"]![0]!.AsObject();
    }

    [Fact]
    public void Rows_are_whole_the_first_time_then_hold_what_changed()
    {
        var changes = new DeltaChanges();

        Assert.Equal("Ann", AgentRow(changes, 1, "available")["name"]!.GetValue<string>());
        var next = AgentRow(changes, 2, "ringing");
        Assert.False(next.ContainsKey("name"));
        Assert.Equal("ringing", next["state"]!.GetValue<string>());
    }

    [Fact]
    public void Of_the_seconds_per_state_a_row_of_changes_holds_the_states_whose_seconds_moved()
    {
        var changes = new DeltaChanges();
        static StateSecondsDictionary Seconds(double available, double onCall)
        {
            Span<double> byPhase = stackalloc double[AgentPhaseNames.Count];
            byPhase[(int)AgentPhase.Available] = available;
            byPhase[(int)AgentPhase.OnCall] = onCall;
            return new StateSecondsDictionary(byPhase);
        }

        Assert.Equal(5, AgentRow(changes, 1, "available", Seconds(10, 100))["secondsByState"]!.AsObject().Count);
        var moved = AgentRow(changes, 2, "available", Seconds(10.1, 100))["secondsByState"]!.AsObject();
        Assert.Equal(["available"], moved.Select(kv => kv.Key));
        Assert.Equal(10.1, moved["available"]!.GetValue<double>());
    }

    [Fact]
    public void While_a_viewer_joins_and_for_the_delta_after_its_snapshot_rows_are_whole()
    {
        var changes = new DeltaChanges();
        AgentRow(changes, 1, "available");
        AgentRow(changes, 2, "ringing");

        changes.BeginJoin();
        Assert.True(AgentRow(changes, 3, "oncall").ContainsKey("name"));
        changes.EndJoin(snapshotSeq: 3);

        // Facts after delta 3 are in the snapshot: delta 4 may show them changed back, so it is whole.
        Assert.True(AgentRow(changes, 4, "ringing").ContainsKey("name"));
        Assert.False(AgentRow(changes, 5, "oncall").ContainsKey("name"));
    }

    [Fact]
    public void A_join_that_failed_before_its_snapshot_leaves_rows_of_changes_as_they_were()
    {
        var changes = new DeltaChanges();
        AgentRow(changes, 1, "available");
        changes.BeginJoin();
        changes.EndJoin(snapshotSeq: null);

        Assert.False(AgentRow(changes, 2, "ringing").ContainsKey("name"));
    }

    [Fact]
    public void After_a_missed_seq_rows_are_whole_again()
    {
        var changes = new DeltaChanges();
        AgentRow(changes, 1, "available");
        AgentRow(changes, 2, "ringing");

        Assert.True(AgentRow(changes, 4, "oncall").ContainsKey("name"));
        Assert.False(AgentRow(changes, 5, "wrapup").ContainsKey("name"));
    }
}
