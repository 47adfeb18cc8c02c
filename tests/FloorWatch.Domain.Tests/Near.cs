namespace FloorWatch.Domain.Tests;

/// <summary>Figure assertions: values are unrounded, compared to 1e-6 as the contract's checks do.</summary>
public static class Near
{
    public static void Equal(double expected, double? actual)
    {
        Assert.True(actual.HasValue, $"expected {expected}, got null");
        Assert.True(Math.Abs(expected - actual.Value) <= 1e-6, $"expected {expected}, got {actual.Value}");
    }
}
