using FloorWatch.LoadGen.Province;
using FloorWatch.LoadGen.Target;

namespace FloorWatch.LoadGen.Checks;

/// <summary>
/// Compares what a center was sent with what the server counted: per queue, calls offered, answered
/// and abandoned, and the events applied against the events acknowledged. The server's reads wait
/// until everything journaled before them is applied, so the figures are final. Today's figures of
/// the snapshot serve when every event of the feed falls in the server's current business day;
/// otherwise each day's intervals are summed, per queue, over the days the feed spans.
/// </summary>
internal static class CountCheck
{
    /// <summary>
    /// Checks the events of <paramref name="feed"/> the server says it applied (a prefix of the feed:
    /// one link, in order), against its counts; the prefix must hold every event it acknowledged
    /// (<paramref name="acked"/>) and none that was not sent (<paramref name="written"/>).
    /// </summary>
    public static async Task<CenterCheck> RunAsync(ServerApi api, string token, CenterFeed feed, long written, long acked, CancellationToken ct)
    {
        var clock = await api.ClockAsync(token, feed.Center, ct);
        var days = new BusinessDays(clock.TimeZone, clock.DayStartsAt);
        var snapshot = await api.SnapshotAsync(token, feed.Center, ct);
        var applied = snapshot.EventsApplied;
        var expected = feed.Tally.ByDay(applied, rel => days.DayOf(feed.SimStart.AddMilliseconds(rel)));
        var today = days.DayOf(snapshot.AsOf);
        var spanned = Enumerable.Range(0, int.MaxValue)
            .Select(i => days.DayOf(feed.SimStart).AddDays(i))
            .TakeWhile(d => d <= days.DayOf(feed.SimStart + feed.Span))
            .ToList();

        var mismatches = new List<CountMismatch>();
        var queues = snapshot.Today.Keys.Union(feed.Tally.Queues).Order(StringComparer.Ordinal).ToList();
        string method;
        if (spanned.All(d => d == today))
        {
            method = $"today ({today:yyyy-MM-dd})";
            foreach (var q in queues)
            {
                Compare(feed.Center, q, today, expected.GetValueOrDefault((today, q)), snapshot.Today.GetValueOrDefault(q), mismatches);
            }
        }
        else
        {
            method = $"intervals of {string.Join(", ", spanned.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}";
            foreach (var d in spanned)
            {
                foreach (var q in queues)
                {
                    var server = await api.DayAsync(token, feed.Center, q, d, ct);
                    Compare(feed.Center, q, d, expected.GetValueOrDefault((d, q)), server, mismatches);
                }
            }
        }

        if (applied < acked)
        {
            mismatches.Add(new CountMismatch(feed.Center, "*", "*", "eventsApplied (fewer than acknowledged)", acked, applied));
        }

        if (applied > written)
        {
            mismatches.Add(new CountMismatch(feed.Center, "*", "*", "eventsApplied (more than sent)", written, applied));
        }

        var total = expected.Values.Aggregate(default(QueueCounts), QueueCounts.Add);
        return new CenterCheck(feed.Center, method, queues.Count, acked, applied, snapshot.Anomalies, total.Offered, total.Answered, total.Abandoned, mismatches);
    }

    private static void Compare(string center, string queue, DateOnly day, QueueCounts sent, QueueCounts server, List<CountMismatch> into)
    {
        var d = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (sent.Offered != server.Offered)
        {
            into.Add(new CountMismatch(center, queue, d, "offered", sent.Offered, server.Offered));
        }

        if (sent.Answered != server.Answered)
        {
            into.Add(new CountMismatch(center, queue, d, "answered", sent.Answered, server.Answered));
        }

        if (sent.Abandoned != server.Abandoned)
        {
            into.Add(new CountMismatch(center, queue, d, "abandoned", sent.Abandoned, server.Abandoned));
        }
    }
}
