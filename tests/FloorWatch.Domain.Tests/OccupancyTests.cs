using static FloorWatch.Domain.Tests.Ev;

namespace FloorWatch.Domain.Tests;

/// <summary>
/// Occupancy = Σ busy / Σ (busy + available) of the queue's members, clipped to the window: each second of an agent
/// counts in every queue it is a member of at that instant; not-ready and logged-out seconds count in neither part.
/// </summary>
public class OccupancyTests
{
    private static readonly DateTimeOffset I1 = T0.AddMinutes(15);

    /// <summary>
    /// A1 (q1, q2): logs in 600 (not ready 600–700), ready 700, rung by a q2 call 850, answers 860, talk ends 1000,
    /// ready 1060, lunch 1200, logs out 1500. A2 (q1 only): available from 0 throughout.
    /// </summary>
    private static TestFloor AcrossTheBoundary() => new TestFloor().Apply(
        Login(0, "A2", "q1"), Ready(0, "A2"),
        Login(600, "A1", "q1", "q2"), Ready(700, "A1"),
        Queued(840, "c1", "q2"), Ringing(850, "c1", "A1"), Answered(860, "c1", "A1"), Ended(1000, "c1"),
        Ready(1060, "A1"), NotReady(1200, "A1", "lunch"), Logout(1500, "A1"));

    [Fact]
    public void Time_is_split_at_the_interval_boundary()
    {
        var floor = AcrossTheBoundary();

        // 08:00: A1 available 700–850 (150 s), busy 850–900 (50 s). q2 has only A1: 50 / 200 = 0.25.
        Near.Equal(0.25, floor.Interval("q2", T0).Occupancy);

        // 08:15: A1 busy 900–1060 (160 s), available 1060–1200 (140 s); lunch and logged out count in neither: 160 / 300.
        Near.Equal(160.0 / 300, floor.Interval("q2", I1).Occupancy);
    }

    [Fact]
    public void An_agent_in_two_queues_counts_in_both_whatever_queue_the_call_came_from()
    {
        var floor = AcrossTheBoundary();

        // q1 (A1 and A2), though the call came from q2. 08:00: busy 50; available 150 + 900 → 50 / 1100.
        Near.Equal(50.0 / 1100, floor.Interval("q1", T0).Occupancy);

        // 08:15: busy 160; available 140 + 900 → 160 / 1200.
        Near.Equal(160.0 / 1200, floor.Interval("q1", I1).Occupancy);
    }

    [Fact]
    public void Not_ready_and_logged_out_time_counts_in_neither_part()
    {
        // A1 not ready 0–300, available 300–400, busy 400–500, not ready 500–700, logged out from 700.
        var floor = new TestFloor().Apply(
            Login(0, "A1", "q"), Ready(300, "A1"), Queued(400, "c1", "q"), Answered(400, "c1", "A1"),
            NotReady(500, "A1", "away"), Logout(700, "A1"));

        // 100 / (100 + 100) = 0.5
        Near.Equal(0.5, floor.Interval("q", T0).Occupancy);
    }

    [Fact]
    public void A_window_with_only_not_ready_time_has_no_occupancy()
    {
        var floor = new TestFloor().Apply(Login(0, "A1", "q"), NotReady(10, "A1", "meeting"));

        Assert.Null(floor.Interval("q", T0).Occupancy);
    }

    [Fact]
    public void Ringing_on_call_and_wrap_up_are_all_busy()
    {
        // available 0–100, ringing 100–110, on call 110–200, wrap-up 200–300, available 300–900.
        var floor = new TestFloor().Apply(
            Login(0, "A1", "q"), Ready(0, "A1"), Queued(100, "c1", "q"), Ringing(100, "c1", "A1"),
            Answered(110, "c1", "A1"), Ended(200, "c1"), Ready(300, "A1"));

        // busy 200 of 900
        Near.Equal(200.0 / 900, floor.Interval("q", T0).Occupancy);
    }

    [Fact]
    public void Re_skilling_mid_interval_moves_the_agents_seconds_to_the_new_queue_from_that_instant()
    {
        // A1 in q1: available 0–100, answers a q1 call at 100; moved to q2 at 300; talk ends 400, ready 500, available to 900.
        var floor = new TestFloor().Apply(
            Login(0, "A1", "q1"), Ready(0, "A1"), Queued(100, "c1", "q1"), Answered(100, "c1", "A1"),
            Skills(300, "A1", "q2"), Ended(400, "c1"), Ready(500, "A1"));

        // q1: available 100, busy 100–300 = 200 → 200 / 300.
        Near.Equal(200.0 / 300, floor.Interval("q1", T0).Occupancy);

        // q2: busy 300–500 = 200, available 500–900 = 400 → 200 / 600.
        Near.Equal(200.0 / 600, floor.Interval("q2", T0).Occupancy);

        // The leg 100 → 500 stays in q1, the queue it was answered from.
        Assert.Equal(1, floor.Interval("q1", T0).Handled);
        Near.Equal(400, floor.Interval("q1", T0).AhtSeconds);
        Assert.Equal(0, floor.Interval("q2", T0).Handled);

        // The center counts the agent throughout: busy 400, available 100 + 400 → 400 / 900.
        Near.Equal(400.0 / 900, floor.Interval("*", T0).Occupancy);

        Assert.Equal(0, floor.Queues["q1"].Now(T0.AddSeconds(600)).Staffed);
        Assert.Equal(1, floor.Queues["q2"].Now(T0.AddSeconds(600)).Staffed);
    }

    [Fact]
    public void Adding_a_queue_keeps_the_agent_counting_in_the_queue_it_kept()
    {
        // A1 available in q1 from 0; at 450 also in q2; busy from 600.
        var floor = new TestFloor().Apply(
            Login(0, "A1", "q1"), Ready(0, "A1"), Skills(450, "A1", "q1", "q2"), Queued(600, "c1", "q2"), Answered(600, "c1", "A1"));

        // q1: available 600, busy 300 → 1/3. q2: available 450–600 = 150, busy 300 → 300 / 450.
        Near.Equal(300.0 / 900, floor.Interval("q1", T0).Occupancy);
        Near.Equal(300.0 / 450, floor.Interval("q2", T0).Occupancy);
    }

    [Fact]
    public void Open_states_count_up_to_asOf_and_no_further_than_the_window()
    {
        // A1 available 0–100, on call from 100 and still talking.
        var floor = new TestFloor().Apply(Login(0, "A1", "q"), Ready(0, "A1"), Queued(100, "c1", "q"), Answered(100, "c1", "A1"));

        // asOf 08:06:40: busy 300 of 400.
        Near.Equal(0.75, floor.Interval("q", T0, T0.AddSeconds(400)).Occupancy);

        // asOf 08:00:50: available 50, busy 0.
        Near.Equal(0, floor.Interval("q", T0, T0.AddSeconds(50)).Occupancy);

        // asOf 08:16:40: 08:00 is clipped to its end, busy 800 of 900; 08:15 has 100 busy seconds so far.
        Near.Equal(800.0 / 900, floor.Interval("q", T0, T0.AddSeconds(1000)).Occupancy);
        Near.Equal(1, floor.Interval("q", I1, T0.AddSeconds(1000)).Occupancy);

        // asOf before 08:15: nothing counted there yet.
        Assert.Null(floor.Interval("q", I1, T0.AddSeconds(800)).Occupancy);
    }

    [Fact]
    public void A_whole_day_window_sums_its_intervals()
    {
        var floor = AcrossTheBoundary();
        var day = floor.Queues["q2"].Figures(T0.UtcTicks, T0.AddDays(1).UtcTicks, T0.AddDays(1), Domain.Settings.SlFormula.AbandonsCount);

        // busy 50 + 160, available 150 + 140 → 210 / 500.
        Near.Equal(210.0 / 500, day.Occupancy);
        Assert.Equal(1, day.Offered);
        Assert.Equal(1, day.Answered);
        Assert.Equal(1, day.Handled);

        // leg 860 → 1060 = 200 s
        Near.Equal(200, day.AhtSeconds);
    }
}
