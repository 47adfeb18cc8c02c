using FloorWatch.LoadGen.Feeding;
using FloorWatch.LoadGen.Province;
using FloorWatch.LoadGen.Report;
using FloorWatch.LoadGen.Target;

namespace FloorWatch.LoadGen.Checks;

/// <summary>The count check over all centers, once the server has caught up (or the run stopped waiting for it).</summary>
internal static class ProvinceCheck
{
    /// <summary>
    /// The count check of every center. After a drain that gave up, the feeds were stopped: the
    /// server may still take what it had read, so its count of applied events is first let settle.
    /// </summary>
    public static async Task<List<CenterCheck>> RunAsync(ServerApi api, string token, List<CenterFeed> feeds, List<FeedProgress> progress, bool drained, CancellationToken ct)
    {
        if (!drained)
        {
            await SettleAsync(api, token, feeds, ct);
        }

        Log.Info("checking the server's counts against what was sent (its reads wait until it has applied everything)");
        var checks = new List<CenterCheck>();
        foreach (var (feed, p) in feeds.Zip(progress))
        {
            checks.Add(await CountCheck.RunAsync(api, token, feed, p.Written, p.Acked, ct));
        }

        return checks;
    }

    private static async Task SettleAsync(ServerApi api, string token, List<CenterFeed> feeds, CancellationToken ct)
    {
        long previous = -1;
        for (var i = 0; i < 60; i++)
        {
            long applied = 0;
            foreach (var f in feeds)
            {
                applied += (await api.SnapshotAsync(token, f.Center, ct)).EventsApplied;
            }

            if (applied == previous)
            {
                return;
            }

            previous = applied;
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }

    /// <summary>The checks of every center in one result.</summary>
    public static CheckResult Summary(List<CenterCheck> checks, bool drained)
    {
        var mismatches = checks.SelectMany(c => c.Mismatches).ToList();
        return new CheckResult(
            true,
            checks.Count,
            checks.Sum(c => c.QueuesCompared),
            checks.Sum(c => c.Offered),
            checks.Sum(c => c.Answered),
            checks.Sum(c => c.Abandoned),
            mismatches.Count,
            [.. mismatches.Take(50)],
            [.. checks.Select(c => c.Method)],
            drained ? null : $"the drain gave up: compared the {Fmt.N(checks.Sum(c => c.EventsApplied))} events the server applied");
    }
}
