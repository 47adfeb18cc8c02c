using FloorWatch.Domain.Events;
using FloorWatch.Domain.Floor;
using static FloorWatch.Domain.Tests.Ev;

namespace FloorWatch.Domain.Tests;

/// <summary>An agent's own view: state, seat, call, and seconds per state and per not-ready reason per interval, handled and AHT.</summary>
public class AgentProjectionTests
{
    private static readonly DateTimeOffset I1 = T0.AddMinutes(15);

    private static AgentInterval Window(TestFloor floor, DateTimeOffset start, DateTimeOffset asOf) =>
        floor.Agents["A1"].Sum(start.UtcTicks, start.UtcTicks + Domain.Time.CenterClock.IntervalTicks, asOf);

    /// <summary>
    /// A1: login 0 (not ready "login" 0–60), ready 60, rung 100, answers 105, talk ends 400, ready 460,
    /// away 600–660, break 660–1000, ready 1000, second call rung 1100, answers 1102, ends 1200, lunch 1300, logout 1400.
    /// </summary>
    private static TestFloor Day() => new TestFloor().Apply(
        Login(0, "A1", "q"), Ready(60, "A1"),
        Queued(90, "c1", "q"), Ringing(100, "c1", "A1"), Answered(105, "c1", "A1"), Ended(400, "c1"), Ready(460, "A1"),
        NotReady(600, "A1", "away"), NotReady(660, "A1", "break"), Ready(1000, "A1"),
        Queued(1100, "c2", "q"), Ringing(1100, "c2", "A1"), Answered(1102, "c2", "A1"), Ended(1200, "c2"),
        NotReady(1300, "A1", "lunch"), Logout(1400, "A1"));

    [Fact]
    public void Seconds_per_state_in_the_first_interval()
    {
        var i0 = Window(Day(), T0, T0.AddHours(1));

        // not ready: login 0–60 + away 600–660 + break 660–900 = 60 + 60 + 240 = 360
        Assert.Equal(360, i0.SecondsByPhase[(int)AgentPhase.NotReady]);
        Assert.Equal(60, i0.SecondsByReason["login"]);
        Assert.Equal(60, i0.SecondsByReason["away"]);
        Assert.Equal(240, i0.SecondsByReason["break"]);

        // available 60–100 + 460–600 = 40 + 140 = 180; ringing 100–105; on call 105–400; wrap-up 400–460
        Assert.Equal(180, i0.SecondsByPhase[(int)AgentPhase.Available]);
        Assert.Equal(5, i0.SecondsByPhase[(int)AgentPhase.Ringing]);
        Assert.Equal(295, i0.SecondsByPhase[(int)AgentPhase.OnCall]);
        Assert.Equal(60, i0.SecondsByPhase[(int)AgentPhase.WrapUp]);
        Assert.Equal(0, i0.SecondsByPhase[(int)AgentPhase.LoggedOut]);
        Assert.Equal(900, i0.SecondsByPhase.ToArray().Sum());

        // leg 105 → 460 = 355 s
        Assert.Equal(1, i0.Handled);
        Assert.Equal(355, i0.HandleTimeSum);
    }

    [Fact]
    public void Seconds_per_state_in_the_second_interval()
    {
        var i1 = Window(Day(), I1, T0.AddHours(1));

        // break 900–1000 (100), available 1000–1100 (100), ringing 1100–1102 (2), on call 1102–1200 (98),
        // wrap-up 1200–1300 (100), lunch 1300–1400 (100), then logged out: counted nowhere.
        Assert.Equal(100, i1.SecondsByReason["break"]);
        Assert.Equal(100, i1.SecondsByReason["lunch"]);
        Assert.False(i1.SecondsByReason.ContainsKey("login"));
        Assert.Equal(200, i1.SecondsByPhase[(int)AgentPhase.NotReady]);
        Assert.Equal(100, i1.SecondsByPhase[(int)AgentPhase.Available]);
        Assert.Equal(2, i1.SecondsByPhase[(int)AgentPhase.Ringing]);
        Assert.Equal(98, i1.SecondsByPhase[(int)AgentPhase.OnCall]);
        Assert.Equal(100, i1.SecondsByPhase[(int)AgentPhase.WrapUp]);
        Assert.Equal(0, i1.SecondsByPhase[(int)AgentPhase.LoggedOut]);
        Assert.Equal(500, i1.SecondsByPhase.ToArray().Sum());

        // leg 1102 → 1300 (the lunch ends the wrap-up) = 198 s
        Assert.Equal(1, i1.Handled);
        Assert.Equal(198, i1.HandleTimeSum);
    }

    [Fact]
    public void Today_sums_every_interval_and_gives_handled_and_AHT()
    {
        var floor = Day();
        var today = floor.Agents["A1"].Sum(T0.UtcTicks, T0.AddDays(1).UtcTicks, T0.AddDays(1));

        Assert.Equal(2, today.Handled);

        // AHT (355 + 198) / 2 = 276.5
        Assert.Equal(276.5, today.HandleTimeSum / today.Handled);
        Assert.Equal(1400, today.SecondsByPhase.ToArray().Sum());
        Assert.Equal(AgentPhase.LoggedOut, floor.Agents["A1"].Phase);
        Assert.Null(floor.Agents["A1"].LoggedInAt);
    }

    [Fact]
    public void The_open_state_counts_up_to_asOf()
    {
        var floor = new TestFloor().Apply(Login(0, "A1", "q"), NotReady(100, "A1", "training"));
        var projection = floor.Agents["A1"];

        Assert.Equal(AgentPhase.NotReady, projection.Phase);
        Assert.Equal("training", projection.Reason);
        Assert.Equal(T0.AddSeconds(100), projection.Since);

        // asOf 08:05:00: training 100–300.
        var sum = Window(floor, T0, T0.AddSeconds(300));
        Assert.Equal(200, sum.SecondsByReason["training"]);
        Assert.Equal(100, sum.SecondsByReason["login"]);

        // asOf 08:20:00: clipped to the window's end in 08:00 (800 s), 300 s in 08:15.
        Assert.Equal(800, Window(floor, T0, T0.AddMinutes(20)).SecondsByReason["training"]);
        Assert.Equal(300, Window(floor, I1, T0.AddMinutes(20)).SecondsByReason["training"]);
    }

    [Fact]
    public void Login_sets_seat_name_queues_and_not_ready_login()
    {
        var login = Login(30, "A1", "q1", "q2") with { Name = "Li Na" };
        var floor = new TestFloor().Apply(login);
        var a = floor.Agents["A1"];

        Assert.Equal("S-A1", a.Seat);
        Assert.Equal("Li Na", a.Name);
        Assert.Equal(["q1", "q2"], a.Queues);
        Assert.Equal(AgentPhase.NotReady, a.Phase);
        Assert.Equal("login", a.Reason);
        Assert.Equal(T0.AddSeconds(30), a.LoggedInAt);

        floor.Apply(Skills(40, "A1", "q3"));
        Assert.Equal(["q3"], floor.Agents["A1"].Queues);
    }

    [Fact]
    public void The_current_call_shows_queue_vip_hold_and_tags()
    {
        var queued = Queued(0, "c1", "vip") with { Vip = true };
        var tagged = new CtiEvent { Id = "t1", Ts = T0.AddSeconds(20), Center = "c", Type = EventType.CallTagged, Call = "c1", Tags = ["complaint"] };
        var held = new CtiEvent { Id = "h1", Ts = T0.AddSeconds(30), Center = "c", Type = EventType.CallHeld, Call = "c1" };
        var floor = new TestFloor().Apply(queued, Answered(10, "c1", "A1"), tagged, held);
        var call = floor.Agents["A1"].Call!;

        Assert.Equal("c1", call.Call);
        Assert.Equal("vip", call.Queue);
        Assert.Equal(T0.AddSeconds(10), call.Since);
        Assert.True(call.Vip);
        Assert.True(call.Held);
        Assert.Equal(["complaint"], call.Tags);

        floor.Apply(Ended(90, "c1"));
        Assert.Null(floor.Agents["A1"].Call);
        Assert.Equal(AgentPhase.WrapUp, floor.Agents["A1"].Phase);
    }

    [Fact]
    public void Handled_counts_per_interval_of_wrap_up_end_for_the_agent()
    {
        // c1: answered 800, ends 850, ready 950 → leg 150 s handled in 08:15 although talked in 08:00.
        var floor = new TestFloor().Apply(Queued(800, "c1", "q"), Answered(800, "c1", "A1"), Ended(850, "c1"), Ready(950, "A1"));

        Assert.Equal(0, Window(floor, T0, T0.AddHours(1)).Handled);
        Assert.Equal(1, Window(floor, I1, T0.AddHours(1)).Handled);
        Assert.Equal(150, Window(floor, I1, T0.AddHours(1)).HandleTimeSum);
    }

    [Fact]
    public void A_missed_offer_is_counted_for_the_agent()
    {
        var floor = new TestFloor().Apply(
            Login(0, "A1", "q"), Ready(0, "A1"), Queued(10, "c1", "q"), Ringing(10, "c1", "A1"), Rona(25, "c1", "A1"),
            Ringing(30, "c1", "A1"), Rona(45, "c1", "A1"));

        Assert.Equal(2, floor.Agents["A1"].MissedOffers);

        // ringing 10–25 and 30–45 = 30 s; available 0–10, 25–30, 45–60 = 30 s (asOf 60).
        var sum = Window(floor, T0, T0.AddSeconds(60));
        Assert.Equal(30, sum.SecondsByPhase[(int)AgentPhase.Ringing]);
        Assert.Equal(30, sum.SecondsByPhase[(int)AgentPhase.Available]);
    }
}
