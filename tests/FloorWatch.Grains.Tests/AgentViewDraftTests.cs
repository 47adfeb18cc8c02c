using System.Text.Json;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Events;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;
using FloorWatch.Domain.Time;
using FloorWatch.Grains.Agent;

namespace FloorWatch.Grains.Tests;

/// <summary>
/// A push finishes the view an agent's facts left (its draft) for its own moment instead of asking
/// the agent again: what it finishes must be, to the last bit, what the agent would have answered.
/// </summary>
public class AgentViewDraftTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 17, 8, 0, 0, TimeSpan.Zero);
    private static readonly CenterClock Clock = new("UTC", "00:00");
    private static int _next;

    private static CtiEvent E(EventType type, double at, string? call = null, string? reason = null, string? queue = null) => new()
    {
        Id = $"d{Interlocked.Increment(ref _next)}",
        Ts = T0.AddSeconds(at),
        Center = "c",
        Type = type,
        Agent = "A1",
        Call = call,
        Reason = reason,
        Queue = queue,
        Queues = type == EventType.AgentLogin ? ["q"] : null,
        Seat = type == EventType.AgentLogin ? "S-1" : null,
    };

    /// <summary>A shift of calls, not-ready reasons (one the agent goes back to), a state over several intervals, a logout and a second login.</summary>
    private static List<CtiEvent> Shift()
    {
        var events = new List<CtiEvent> { E(EventType.AgentLogin, 0), E(EventType.AgentReady, 61.5) };
        for (var k = 0; k < 6; k++)
        {
            var at = 100 + (k * 1000) + (k * 37 % 200) + 0.125;
            var call = $"c{k}";
            events.AddRange([
                E(EventType.CallQueued, at, call, queue: "q"), E(EventType.CallRinging, at + 3.3, call), E(EventType.CallAnswered, at + 7, call),
                E(EventType.CallEnded, at + 300.7 + (k * 91 % 500), call), E(EventType.AgentReady, at + 340 + (k * 91 % 500)),
                E(EventType.AgentNotReady, at + 760.01, reason: k % 3 == 0 ? "away" : k % 3 == 1 ? "training" : null),
                E(EventType.AgentReady, at + 800 + (k == 3 ? 1500 : 0))]);
        }

        events.Add(E(EventType.AgentLogout, 9000));
        events.Add(E(EventType.AgentLogin, 9100));
        events.Add(E(EventType.AgentNotReady, 9100.5, reason: "away"));
        return events;
    }

    private static string Json(AgentView v) => JsonSerializer.Serialize(v);

    [Fact]
    public void A_draft_finished_later_is_the_view_built_then_after_every_event()
    {
        var sequencer = new CenterSequencer(CenterSettings.Default);
        var batch = new FactBatch();
        var agent = new AgentProjection("A1");
        var finished = 0;
        foreach (var e in Shift())
        {
            batch.Clear();
            sequencer.Apply(e, batch);
            foreach (var f in batch.Agents.GetValueOrDefault("A1") ?? [])
            {
                agent.Apply(f);
            }

            var draft = AgentViewBuilder.Draft(agent, e.Ts, Clock);
            foreach (var later in new[] { 0, 0.1, 1.37, 61, 950.3, 3600 })
            {
                var asOf = e.Ts.AddSeconds(later);
                Assert.Equal(Json(AgentViewBuilder.Build(agent, asOf, Clock)), Json(AgentViewBuilder.Finish(draft, asOf, Clock)!));
                finished++;
            }
        }

        Assert.True(finished > 200);
        Assert.Contains("away", AgentViewBuilder.Build(agent, T0.AddSeconds(9200), Clock).SecondsByReason.Keys);
    }

    [Fact]
    public void The_open_state_is_what_a_draft_leaves_out_and_its_reason_comes_last_when_new()
    {
        var sequencer = new CenterSequencer(CenterSettings.Default);
        var batch = new FactBatch();
        var agent = new AgentProjection("A1");
        foreach (var e in new[] { E(EventType.AgentLogin, 0), E(EventType.AgentNotReady, 10, reason: "away"), E(EventType.AgentNotReady, 40, reason: "lunch") })
        {
            batch.Clear();
            sequencer.Apply(e, batch);
            batch.Agents["A1"].ForEach(f => agent.Apply(f));
        }

        var draft = AgentViewBuilder.Draft(agent, T0.AddSeconds(100), Clock);
        Assert.Equal(40, draft.View.SecondsByState["notready"]);
        Assert.Equal(["login", "away"], draft.View.SecondsByReason.Keys);

        var view = AgentViewBuilder.Finish(draft, T0.AddSeconds(100), Clock)!;
        Assert.Equal(100, view.SecondsByState["notready"]);
        Assert.Equal(["login", "away", "lunch"], view.SecondsByReason.Keys);
        Assert.Equal(60, view.SecondsByReason["lunch"]);
    }

    [Fact]
    public void A_draft_is_not_finished_for_another_business_day()
    {
        var agent = new AgentProjection("A1");
        var draft = AgentViewBuilder.Draft(agent, T0, Clock);

        Assert.Null(AgentViewBuilder.Finish(draft, T0.AddDays(1), Clock));
        Assert.NotNull(AgentViewBuilder.Finish(draft, T0.AddHours(15.9), Clock));
    }
}
