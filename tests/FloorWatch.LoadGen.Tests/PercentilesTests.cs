using FloorWatch.LoadGen.Timing;

namespace FloorWatch.LoadGen.Tests;

public class PercentilesTests
{
    [Fact]
    public void Nearest_rank_of_one_to_a_hundred()
    {
        var p = Percentiles.Of(Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToList());

        Assert.Equal(100, p.Count);
        Assert.Equal(50, p.P50);
        Assert.Equal(95, p.P95);
        Assert.Equal(99, p.P99);
        Assert.Equal(100, p.Max);
    }

    [Fact]
    public void A_percentile_is_always_a_measured_value()
    {
        var p = Percentiles.Of([0.2, 0.4, 10]);

        Assert.Equal(0.4, p.P50);
        Assert.Equal(10, p.P95);
        Assert.Equal(10, p.P99);
    }

    [Fact]
    public void One_sample_is_every_percentile()
    {
        var p = Percentiles.Of([1.5]);

        Assert.Equal((1.5, 1.5, 1.5, 1.5), (p.P50, p.P95, p.P99, p.Max));
    }

    [Fact]
    public void No_samples_give_no_numbers()
    {
        var p = Percentiles.Of([]);

        Assert.Equal(0, p.Count);
        Assert.True(double.IsNaN(p.P99));
    }
}
