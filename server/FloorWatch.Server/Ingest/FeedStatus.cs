using System.Collections.Concurrent;
using FloorWatch.Contracts.Views;
using FloorWatch.Server.Centers;

namespace FloorWatch.Server.Ingest;

/// <summary>When each center's switch was last heard from (events or heartbeats), by this server's clock.</summary>
public sealed class FeedStatus(TimeProvider time, CenterRegistry centers)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastHeard = new(StringComparer.Ordinal);

    public void Heard(string center) => _lastHeard[center] = time.GetUtcNow();

    public DateTimeOffset? LastHeard(string center) => _lastHeard.TryGetValue(center, out var t) ? t : null;

    /// <summary>"up", "down" (silent for longer than feedSilenceSeconds) or "none" (not heard since start).</summary>
    public string State(string center)
    {
        if (LastHeard(center) is not { } last)
        {
            return "none";
        }

        var silence = (time.GetUtcNow() - last).TotalSeconds;
        return silence > centers.Settings(center).Rules.FeedSilenceSeconds ? "down" : "up";
    }

    public object For(string center, FeedView view) => new
    {
        status = State(center),
        lastHeardAt = LastHeard(center),
        lastEventTs = view.LastEventTs,
        eventsApplied = view.EventsApplied,
        journalSeq = view.JournalSeq,
        anomalies = view.Anomalies,
        recentAnomalies = view.RecentAnomalies,
    };
}
