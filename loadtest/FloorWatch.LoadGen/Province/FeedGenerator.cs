using FloorWatch.Simulator;

namespace FloorWatch.LoadGen.Province;

/// <summary>
/// Runs a center's model on a <see cref="ManualClock"/>, from one due step to the next, until it has
/// made the planned number of events, and keeps them as a <see cref="CenterFeed"/>. The model's own
/// behaviour depends only on time differences, so the feed is made from a fixed start and its ts
/// are stamped later, when the run knows where its clock starts.
/// </summary>
internal static class FeedGenerator
{
    /// <summary>Any whole-millisecond UTC instant serves as the placeholder start.</summary>
    private static readonly DateTimeOffset Placeholder = new(2000, 1, 3, 0, 0, 0, TimeSpan.Zero);

    private static readonly byte[] TsKey = "\"ts\":\""u8.ToArray();

    public static CenterFeed Generate(CenterPlan plan, string runId)
    {
        var clock = new ManualClock(Placeholder);
        var model = new CenterModel(plan.ModelOptions(runId), clock);
        var target = plan.Events;
        var bytes = new byte[Math.Max(1024, (long)target * 140)];
        var lineStarts = new int[target + 1];
        var tsAt = new int[target];
        var relMs = new int[target];
        var tally = new CallTally();
        var batch = new List<SwitchEvent>(256);
        var n = 0;
        var length = 0;
        while (n < target)
        {
            model.Advance(batch);
            foreach (var e in batch)
            {
                if (n == target)
                {
                    break;
                }

                var line = SwitchEventJson.ToLine(e);
                if (length + line.Length > bytes.Length)
                {
                    Array.Resize(ref bytes, checked((int)Math.Min(Array.MaxLength, (long)bytes.Length * 3 / 2 + line.Length)));
                }

                var rel = checked((int)(e.Ts - Placeholder).TotalMilliseconds);
                line.CopyTo(bytes, length);
                lineStarts[n] = length;
                tsAt[n] = length + line.AsSpan().IndexOf(TsKey) + TsKey.Length;
                relMs[n] = rel;
                tally.Add(e, n, rel);
                length += line.Length;
                n++;
            }

            batch.Clear();
            if (model.NextDueAt is not { } next)
            {
                break;
            }

            clock.Now = next;
        }

        lineStarts[n] = length;
        if (n < target)
        {
            throw new InvalidOperationException($"center {plan.Id}: the model stopped after {n} of {target} events");
        }

        return new CenterFeed(plan.Id, runId, bytes, lineStarts, tsAt, relMs, tally);
    }
}
