using FloorWatch.Domain.Settings;
using static FloorWatch.Domain.Tests.Ev;

namespace FloorWatch.Domain.Tests;

/// <summary>Service level, ASA and abandon rate by hand, under the three slFormula values and the threshold settings.</summary>
public class ServiceLevelTests
{
    private static CenterSettings With(QueueSettings q) => new() { Queues = new Dictionary<string, QueueSettings> { ["q"] = q } };

    /// <summary>
    /// Six calls in the 08:00 interval of queue q (threshold 20 s, short abandon 5 s):
    ///   c1 queued 10, answered 25   wait 15  within
    ///   c2 queued 20, answered 40   wait 20  within (≤ 20)
    ///   c3 queued 30, answered 60   wait 30  not within
    ///   c4 queued 40, abandoned 43  wait 3   short abandon
    ///   c5 queued 50, abandoned 62  wait 12  abandon
    ///   c6 queued 60, overflowed 120
    /// answered 3, within 2, abandoned 2, short 1, overflowed 1.
    /// </summary>
    private static TestFloor SixCalls(CenterSettings settings) => new TestFloor(settings).Apply(
        Login(0, "A1", "q"), Ready(0, "A1"),
        Login(0, "A2", "q"), Ready(0, "A2"),
        Login(0, "A3", "q"), Ready(0, "A3"),
        Queued(10, "c1", "q"), Answered(25, "c1", "A1"),
        Queued(20, "c2", "q"), Answered(40, "c2", "A2"),
        Queued(30, "c3", "q"), Answered(60, "c3", "A3"),
        Queued(40, "c4", "q"), Abandoned(43, "c4"),
        Queued(50, "c5", "q"), Abandoned(62, "c5"),
        Queued(60, "c6", "q"), Overflowed(120, "c6"));

    [Fact]
    public void Counts_are_the_same_under_every_formula()
    {
        foreach (var formula in Enum.GetValues<SlFormula>())
        {
            var f = SixCalls(With(new QueueSettings { SlFormula = formula })).Interval("q", T0);

            Assert.Equal(6, f.Offered);
            Assert.Equal(3, f.Answered);
            Assert.Equal(2, f.AnsweredWithinThreshold);
            Assert.Equal(2, f.Abandoned);
            Assert.Equal(1, f.ShortAbandoned);
            Assert.Equal(1, f.Overflowed);
            Assert.Equal(0, f.TransferredOut);

            // ASA = (15 + 20 + 30) / 3 = 21.666…
            Near.Equal(65.0 / 3, f.AsaSeconds);

            // abandonRate = (2 − 1) / (3 + 2 − 1) = 0.25
            Near.Equal(0.25, f.AbandonRate);
        }
    }

    [Fact]
    public void AbandonsCount_is_the_default_formula()
    {
        var f = SixCalls(CenterSettings.Default).Interval("q", T0);

        // 2 / (3 + 2 − 1) = 0.5
        Near.Equal(0.5, f.ServiceLevel);
    }

    [Fact]
    public void AbandonsCount_divides_by_answered_plus_abandoned_minus_short()
    {
        var f = SixCalls(With(new QueueSettings { SlFormula = SlFormula.AbandonsCount })).Interval("q", T0);

        // 2 / (3 + 2 − 1) = 0.5
        Near.Equal(0.5, f.ServiceLevel);
    }

    [Fact]
    public void AnsweredOnly_divides_by_answered()
    {
        var f = SixCalls(With(new QueueSettings { SlFormula = SlFormula.AnsweredOnly })).Interval("q", T0);

        // 2 / 3
        Near.Equal(2.0 / 3, f.ServiceLevel);
    }

    [Fact]
    public void WithOverflow_adds_the_overflowed_calls_to_the_denominator()
    {
        var f = SixCalls(With(new QueueSettings { SlFormula = SlFormula.WithOverflow })).Interval("q", T0);

        // 2 / (3 + 2 − 1 + 1) = 0.4
        Near.Equal(0.4, f.ServiceLevel);
    }

    [Fact]
    public void The_threshold_and_short_abandon_settings_of_the_queue_are_used()
    {
        // Threshold 15 s: only c1 (15) is within. Short abandon 2 s: c4 (3) is no longer short.
        var f = SixCalls(With(new QueueSettings { SlThresholdSeconds = 15, ShortAbandonSeconds = 2 })).Interval("q", T0);

        Assert.Equal(1, f.AnsweredWithinThreshold);
        Assert.Equal(0, f.ShortAbandoned);

        // 1 / (3 + 2 − 0) = 0.2; abandonRate 2 / 5 = 0.4
        Near.Equal(0.2, f.ServiceLevel);
        Near.Equal(0.4, f.AbandonRate);
    }

    [Fact]
    public void Settings_of_one_queue_do_not_apply_to_another()
    {
        var settings = new CenterSettings
        {
            Queues = new Dictionary<string, QueueSettings> { ["other"] = new() { SlThresholdSeconds = 1, ShortAbandonSeconds = 60 } },
        };

        var f = SixCalls(settings).Interval("q", T0);

        Assert.Equal(2, f.AnsweredWithinThreshold);
        Assert.Equal(1, f.ShortAbandoned);
    }

    [Fact]
    public void A_wait_of_exactly_the_threshold_is_within_and_a_millisecond_more_is_not()
    {
        var f = new TestFloor().Apply(
            Queued(0, "c1", "q"), Answered(20, "c1", "A1"),
            Queued(100, "c2", "q"), Answered(120.001, "c2", "A2"),
            Queued(200, "c3", "q"), Answered(219.999, "c3", "A3")).Interval("q", T0);

        Assert.Equal(3, f.Answered);
        Assert.Equal(2, f.AnsweredWithinThreshold);

        // 2 / 3; ASA (20 + 20.001 + 19.999) / 3 = 20
        Near.Equal(2.0 / 3, f.ServiceLevel);
        Near.Equal(20, f.AsaSeconds);
    }

    [Fact]
    public void An_abandon_after_exactly_5_seconds_is_not_short_and_after_4_999_is()
    {
        var f = new TestFloor().Apply(
            Queued(0, "c1", "q"), Abandoned(5, "c1"),
            Queued(10, "c2", "q"), Abandoned(14.999, "c2"),
            Queued(20, "c3", "q"), Abandoned(20, "c3")).Interval("q", T0);

        Assert.Equal(3, f.Abandoned);
        Assert.Equal(2, f.ShortAbandoned);

        // abandonRate = (3 − 2) / (0 + 3 − 2) = 1; SL = 0 / 1 = 0
        Near.Equal(1, f.AbandonRate);
        Near.Equal(0, f.ServiceLevel);
    }

    [Fact]
    public void Ratios_are_null_when_their_denominator_is_0()
    {
        var floor = new TestFloor().Apply(Queued(0, "c1", "q"));
        var f = floor.Interval("q", T0);

        Assert.Equal(1, f.Offered);
        Assert.Null(f.ServiceLevel);
        Assert.Null(f.AsaSeconds);
        Assert.Null(f.AbandonRate);
        Assert.Null(f.AhtSeconds);
        Assert.Null(f.Occupancy);
    }

    [Fact]
    public void Only_short_abandons_give_a_null_service_level_except_with_an_overflow_under_withOverflow()
    {
        var events = new[] { Queued(0, "c1", "q"), Abandoned(2, "c1"), Queued(10, "c2", "q"), Overflowed(40, "c2") };

        var byAbandons = new TestFloor(With(new QueueSettings { SlFormula = SlFormula.AbandonsCount })).Apply(events).Interval("q", T0);
        var byAnswered = new TestFloor(With(new QueueSettings { SlFormula = SlFormula.AnsweredOnly })).Apply(events).Interval("q", T0);
        var byOverflow = new TestFloor(With(new QueueSettings { SlFormula = SlFormula.WithOverflow })).Apply(events).Interval("q", T0);

        // (0 + 1 − 1) = 0 → null; answered 0 → null; (0 + 1 − 1 + 1) = 1 → 0 / 1 = 0
        Assert.Null(byAbandons.ServiceLevel);
        Assert.Null(byAbandons.AbandonRate);
        Assert.Null(byAnswered.ServiceLevel);
        Near.Equal(0, byOverflow.ServiceLevel);
    }

    [Fact]
    public void Each_figure_counts_in_the_interval_of_its_own_event()
    {
        // c1 queued 08:14:50, answered 08:15:05 (wait 15): offered in 08:00, answered in 08:15.
        // c2 queued 08:14:58, abandoned 08:15:30 (wait 32).
        var floor = new TestFloor().Apply(
            Queued(890, "c1", "q"), Answered(905, "c1", "A1"),
            Queued(898, "c2", "q"), Abandoned(930, "c2"));

        var first = floor.Interval("q", T0);
        var second = floor.Interval("q", T0.AddMinutes(15));

        Assert.Equal(2, first.Offered);
        Assert.Equal(0, first.Answered);
        Assert.Equal(0, first.Abandoned);
        Assert.Null(first.ServiceLevel);

        Assert.Equal(0, second.Offered);
        Assert.Equal(1, second.Answered);
        Assert.Equal(1, second.Abandoned);

        // 1 / (1 + 1 − 0) = 0.5, ASA 15
        Near.Equal(0.5, second.ServiceLevel);
        Near.Equal(15, second.AsaSeconds);
    }

    [Fact]
    public void An_event_exactly_on_the_boundary_counts_in_the_interval_it_starts()
    {
        var floor = new TestFloor().Apply(Queued(899.9999999, "c1", "q"), Queued(900, "c2", "q"));

        Assert.Equal(1, floor.Interval("q", T0).Offered);
        Assert.Equal(1, floor.Interval("q", T0.AddMinutes(15)).Offered);
    }
}
