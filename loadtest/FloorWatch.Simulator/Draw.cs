namespace FloorWatch.Simulator;

/// <summary>The distributions the model draws from, all from the one seeded <see cref="Random"/> so a seed replays a run.</summary>
internal static class Draw
{
    public static double Uniform(this Random r, double min, double max) => min + (r.NextDouble() * (max - min));

    public static bool Chance(this Random r, double p) => r.NextDouble() < p;

    /// <summary>Gaps between Poisson arrivals.</summary>
    public static double Exponential(this Random r, double mean) => -mean * Math.Log(1 - r.NextDouble());

    /// <summary>Right-skewed durations (talk, patience, hold) with the given median: most near it, a long tail.</summary>
    public static double LogNormal(this Random r, double median, double sigma) => median * Math.Exp(sigma * r.Normal());

    public static double Clamp(double value, double min, double max) => Math.Min(Math.Max(value, min), max);

    public static T Pick<T>(this Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    public static T Weighted<T>(this Random r, IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var x = r.NextDouble() * total;
        foreach (var item in items)
        {
            x -= weight(item);
            if (x < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    /// <summary>Box–Muller: one standard normal from two uniforms.</summary>
    private static double Normal(this Random r)
    {
        var u1 = 1 - r.NextDouble();
        var u2 = r.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
