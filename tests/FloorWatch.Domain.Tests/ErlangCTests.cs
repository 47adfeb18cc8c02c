using System.Diagnostics;
using FloorWatch.Domain.Staffing;

namespace FloorWatch.Domain.Tests;

/// <summary>Erlang C: requiredAgents = the least N with 1 − C(N, A)·e^(−(N−A)·T/AHT) ≥ target, A = λ·AHT.</summary>
public class ErlangCTests
{
    /// <summary>C(N, A) by the textbook sum: (A^N/N!)·N/(N−A) / (Σ_{k<N} A^k/k! + (A^N/N!)·N/(N−A)).</summary>
    private static double TextbookC(int n, double a)
    {
        double term = 1, sum = 0;
        for (var k = 0; k < n; k++)
        {
            sum += term;
            term *= a / (k + 1);
        }

        var top = term * n / (n - a);
        return top / (sum + top);
    }

    [Fact]
    public void Three_hundred_calls_an_hour_of_100_seconds_at_95_in_10_needs_14_agents()
    {
        // A = 300 · 100 / 3600 = 8.333 erlangs.
        var r = ErlangC.Required(300, 100, 10, 0.95);

        Assert.Equal(14, r.Agents);

        // C(14, 8.333) = 0.052638; SL = 1 − 0.052638 · e^(−(14 − 8.333) · 10 / 100) = 0.970133
        Assert.Equal(0.0526378838, r.ProbabilityOfWait, 1e-9);
        Assert.Equal(0.9701325452, r.ServiceLevel, 1e-9);

        // ASA = C · AHT / (N − A) = 0.928904 s; occupancy A / N = 0.595238
        Assert.Equal(0.9289038314, r.AsaSeconds, 1e-9);
        Assert.Equal(8.333333333 / 14, r.Occupancy, 1e-9);

        // 13 agents fall short: 0.938170 < 0.95.
        Assert.True(ErlangC.Evaluate(13, 300, 100, 10).ServiceLevel < 0.95);
        Assert.Equal(0.9381696189, ErlangC.Evaluate(13, 300, 100, 10).ServiceLevel, 1e-9);
    }

    [Theory]
    [InlineData(100, 7)]
    [InlineData(200, 10)]
    [InlineData(300, 14)]
    [InlineData(400, 17)]
    public void Required_agents_grow_with_the_calls(double callsPerHour, int agents)
    {
        var r = ErlangC.Required(callsPerHour, 100, 10, 0.95);

        Assert.Equal(agents, r.Agents);
        Assert.True(r.ServiceLevel >= 0.95);
        Assert.True(ErlangC.Evaluate(agents - 1, callsPerHour, 100, 10).ServiceLevel < 0.95);
    }

    [Theory]
    [InlineData(0, 180)]
    [InlineData(100, 0)]
    [InlineData(0, 0)]
    [InlineData(-5, 180)]
    public void No_traffic_needs_no_agents(double callsPerHour, double aht)
    {
        var r = ErlangC.Required(callsPerHour, aht, 20, 0.8);

        Assert.Equal(0, r.Agents);
        Assert.Equal(1, r.ServiceLevel);
        Assert.Equal(0, r.ProbabilityOfWait);
    }

    [Fact]
    public void Service_level_rises_with_agents()
    {
        // A = 8.333: from 9 agents up, every extra agent raises the service level and lowers the wait.
        var previous = ErlangC.Evaluate(9, 300, 100, 10);
        for (var n = 10; n <= 40; n++)
        {
            var r = ErlangC.Evaluate(n, 300, 100, 10);
            Assert.True(r.ServiceLevel > previous.ServiceLevel, $"SL({n}) = {r.ServiceLevel} ≤ SL({n - 1}) = {previous.ServiceLevel}");
            Assert.True(r.ProbabilityOfWait < previous.ProbabilityOfWait);
            Assert.True(r.AsaSeconds < previous.AsaSeconds);
            Assert.InRange(r.ServiceLevel, 0, 1);
            previous = r;
        }
    }

    [Fact]
    public void At_or_below_the_traffic_every_caller_waits()
    {
        // 8 agents for 8.333 erlangs: the queue grows without bound.
        var r = ErlangC.Evaluate(8, 300, 100, 10);

        Assert.Equal(0, r.ServiceLevel);
        Assert.Equal(1, r.ProbabilityOfWait);
        Assert.True(double.IsPositiveInfinity(r.AsaSeconds));
        Assert.Equal(1, ErlangC.ProbabilityOfWait(0, 5));
        Assert.Equal(1, ErlangC.ProbabilityOfWait(5, 5));
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(2, 1.0)]
    [InlineData(5, 3.2)]
    [InlineData(10, 8.3333333)]
    [InlineData(14, 8.3333333)]
    [InlineData(30, 25.0)]
    [InlineData(60, 50.5)]
    public void Probability_of_wait_matches_the_textbook_formula(int agents, double erlangs)
    {
        Assert.Equal(TextbookC(agents, erlangs), ErlangC.ProbabilityOfWait(agents, erlangs), 1e-12);
    }

    [Fact]
    public void One_agent_one_half_erlang_waits_half_the_time()
    {
        // M/M/1: C = ρ = 0.5; ASA = ρ · AHT / (1 − ρ) = 180 s at AHT 180; SL at T = 0 is 1 − 0.5.
        var r = ErlangC.Evaluate(1, 10, 180, 0);

        Assert.Equal(0.5, r.ProbabilityOfWait, 1e-12);
        Assert.Equal(180, r.AsaSeconds, 1e-9);
        Assert.Equal(0.5, r.ServiceLevel, 1e-12);
        Assert.Equal(0.5, r.Occupancy, 1e-12);
    }

    [Fact]
    public void A_higher_target_or_shorter_threshold_never_needs_fewer_agents()
    {
        var baseline = ErlangC.Required(300, 180, 20, 0.8).Agents;

        Assert.True(ErlangC.Required(300, 180, 20, 0.9).Agents >= baseline);
        Assert.True(ErlangC.Required(300, 180, 5, 0.8).Agents >= baseline);
        Assert.True(ErlangC.Required(600, 180, 20, 0.8).Agents > baseline);
    }

    [Theory]
    [InlineData(1_000_000, 300, 20, 0.8)]
    [InlineData(1_000_000, 300, 20, 0.999999)]
    [InlineData(10_000_000, 3600, 20, 0.8)]
    [InlineData(1e12, 1e6, 20, 0.8)]
    [InlineData(double.MaxValue, 1e6, 20, 0.8)]
    [InlineData(50_000, 180, 0, 0.999)]
    [InlineData(1_000_000, 86_400, 3600, 0.999999)]
    public void Huge_inputs_finish(double callsPerHour, double aht, double threshold, double target)
    {
        var watch = Stopwatch.StartNew();
        var r = ErlangC.Required(callsPerHour, aht, threshold, target);
        watch.Stop();

        Assert.InRange(r.Agents, 1, ErlangC.MaxAgents);
        Assert.False(double.IsNaN(r.ServiceLevel));
        Assert.True(r.ServiceLevel >= target || r.Agents == ErlangC.MaxAgents);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Large_traffic_needs_a_little_more_than_its_erlangs()
    {
        // 1 000 000 calls an hour of 300 s = 83 333.3 erlangs: square-root staffing puts the answer a few hundred above.
        var r = ErlangC.Required(1_000_000, 300, 20, 0.8);

        Assert.InRange(r.Agents, 83_334, 83_334 + 1_000);
        Assert.True(ErlangC.Evaluate(r.Agents - 1, 1_000_000, 300, 20).ServiceLevel < 0.8);
    }

    [Theory]
    [InlineData(0, 3, 2, 180, 0)]
    [InlineData(2, 3, 2, 180, 0)]
    [InlineData(3, 3, 2, 180, 90)]
    [InlineData(5, 1, 4, 180, 225)]
    public void Estimated_wait_is_the_place_in_line_times_the_time_to_free_a_seat(int waiting, int available, int serving, double aht, double expected)
    {
        // e.g. 5 waiting, 1 free, 4 serving: place 5 − 1 + 1 = 5, one seat frees every 180 / 4 = 45 s → 225 s.
        Near.Equal(expected, ErlangC.EstimatedWaitSeconds(waiting, available, serving, aht));
    }

    [Fact]
    public void No_estimated_wait_when_nobody_serves_and_nobody_is_free()
    {
        Assert.Null(ErlangC.EstimatedWaitSeconds(4, 0, 0, 180));
        Near.Equal(0, ErlangC.EstimatedWaitSeconds(0, 1, 0, 180));
    }
}
