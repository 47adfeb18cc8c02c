namespace FloorWatch.LoadGen.Bare;

/// <summary>
/// Rates of a loop kept busy: a warm-up, then <see cref="Windows"/> measured windows of which the best
/// counts. A bare limit is what the machine can do; the JIT's background tiering and a neighbour's
/// burst only ever make a window slower, so the best window is the fairest reading.
/// </summary>
internal static class Throughput
{
    public const int Windows = 2;

    /// <summary>Runs <paramref name="workers"/> loops of <paramref name="operation"/>; answers the best operations per second over a window of <paramref name="length"/>.</summary>
    public static async Task<double> MeasureAsync(int workers, TimeSpan warmUp, TimeSpan length, Func<int, long, Task> operation)
    {
        long count = 0;
        using var stop = new CancellationTokenSource();
        var loops = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (long i = 0; !stop.IsCancellationRequested; i++)
            {
                await operation(w, i);
                Interlocked.Increment(ref count);
            }
        })).ToArray();

        var best = await BestAsync(() => Interlocked.Read(ref count), warmUp, length, CancellationToken.None);
        await stop.CancelAsync();
        await Task.WhenAll(loops);
        return best;
    }

    /// <summary>After <paramref name="warmUp"/>, the best rate at which <paramref name="counter"/> grew over <see cref="Windows"/> windows of <paramref name="length"/>.</summary>
    public static async Task<double> BestAsync(Func<long> counter, TimeSpan warmUp, TimeSpan length, CancellationToken ct)
    {
        await Task.Delay(warmUp, ct);
        var best = 0.0;
        for (var w = 0; w < Windows; w++)
        {
            var (from, at) = (counter(), DateTimeOffset.UtcNow);
            await Task.Delay(length, ct);
            best = Math.Max(best, (counter() - from) / (DateTimeOffset.UtcNow - at).TotalSeconds);
        }

        return best;
    }
}
