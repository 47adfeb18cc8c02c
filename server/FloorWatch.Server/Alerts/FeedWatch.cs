using FloorWatch.Contracts.Views;
using FloorWatch.Server.Centers;
using FloorWatch.Server.Ingest;
using FloorWatch.Server.Journal;

namespace FloorWatch.Server.Alerts;

/// <summary>
/// Raises <c>feed.down</c> when a center's switch has sent no event nor heartbeat for its
/// <c>feedSilenceSeconds</c>, and resolves it when the switch is heard again. Both are journaled
/// floor actions, so the alert and its end hold across restarts. Looks once a second at the
/// centers (a handful), never at agents.
/// </summary>
public sealed class FeedWatch(FeedStatus feed, CenterRegistry centers, IngestPipeline pipeline, TimeProvider time, ILogger<FeedWatch> log) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, bool> _down = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await Look(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One look at every center heard from since start.</summary>
    public async Task Look(CancellationToken ct)
    {
        foreach (var center in centers.Ids)
        {
            if (feed.LastHeard(center) is not { } last)
            {
                continue;
            }

            var silence = centers.Settings(center).Rules.FeedSilenceSeconds;
            var down = (time.GetUtcNow() - last).TotalSeconds > silence;
            var was = _down.GetValueOrDefault(center);

            // The first look after start also tells the center it is heard, ending a silence from before a restart.
            if (down == was && _down.ContainsKey(center))
            {
                continue;
            }

            _down[center] = down;
            var action = down
                ? new FloorAction { Kind = FloorAction.FeedSilent, By = "feed watch", At = last.AddSeconds(silence), Why = $"no event nor heartbeat from the switch for {silence} s (last heard {last:HH:mm:ss} UTC)" }
                : new FloorAction { Kind = FloorAction.FeedHeard, By = "feed watch", At = time.GetUtcNow() };
            if (down)
            {
                log.LogWarning("Center {Center}: the feed is silent since {Last:O}", center, last);
            }

            try
            {
                await pipeline.SubmitActionAsync(center, action, ct);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
                log.LogError(ex, "Center {Center}: the feed's state could not be journaled; trying again", center);
                _down.Remove(center);
            }
        }
    }
}
