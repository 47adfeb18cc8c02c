using FloorWatch.LoadGen.Options;
using FloorWatch.LoadGen.Target;
using FloorWatch.LoadGen.Timing;

namespace FloorWatch.LoadGen.Viewers;

/// <summary>
/// The run's SignalR clients: each signs in with its own token (as each browser would), connects,
/// and joins its center, the centers dealt out in turn. Sign-ins are few at a time: each costs the
/// server a password hash, and the load has not started yet.
/// </summary>
internal sealed class ViewerPool : IAsyncDisposable
{
    private const int SignInsAtOnce = 4;
    private const int JoinsAtOnce = 16;
    private readonly List<FloorViewer> _viewers = [];

    private ViewerPool()
    {
    }

    public IReadOnlyList<FloorViewer> Viewers => _viewers;

    public static async Task<ViewerPool> StartAsync(
        int count, IReadOnlyList<string> centers, TargetServer target, ServerApi api, bool fullParse, DeltaRows rows, ViewerStats stats, Func<string, TimeWarp?> warpOf, CancellationToken ct)
    {
        var pool = new ViewerPool();
        if (count == 0)
        {
            return pool;
        }

        var tokens = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = SignInsAtOnce, CancellationToken = ct }, async (i, c) =>
            tokens[i] = await api.TokenAsync(FloorViewer.IsWallboard(i, centers.Count) ? target.WallboardUser : target.SupervisorUser, target.Password, c));
        Log.Info($"{count} clients signed in (wallboards as '{target.WallboardUser}', supervisors as '{target.SupervisorUser}'); joining their centers");

        var viewers = Enumerable.Range(0, count).Select(i =>
        {
            var center = centers[i % centers.Count];
            return new FloorViewer(i, center, centers.Count, target.Http, tokens[i], fullParse, rows, stats, () => warpOf(center));
        }).ToList();
        pool._viewers.AddRange(viewers);
        var joined = 0;
        await Parallel.ForEachAsync(viewers, new ParallelOptions { MaxDegreeOfParallelism = JoinsAtOnce, CancellationToken = ct }, async (v, c) =>
        {
            try
            {
                await v.StartAsync(c);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !c.IsCancellationRequested)
            {
                throw new LoadException($"client {v.Index} could not join center {v.Center}: {ex.Message}", ex);
            }

            if (Interlocked.Increment(ref joined) % 50 == 0 && joined < count)
            {
                Log.Info($"{joined} of {count} clients joined");
            }
        });
        Log.Info($"{count} clients joined ({viewers.Count(v => v.Kind == "wallboard")} wallboards, {viewers.Count(v => v.Kind == "supervisor")} supervisors) and hold their snapshots");
        return pool;
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_viewers, async (v, _) => await v.DisposeAsync());
    }
}
