using FloorWatch.Domain.QueueLog;
using FloorWatch.Server.Centers;
using FloorWatch.Server.Journal;
using FloorWatch.Server.Options;
using Microsoft.Extensions.Options;

namespace FloorWatch.Server.Ingest;

/// <summary>
/// Takes in what lines of a queue_log became, imported or followed: each event validated as a CTI
/// line is (its error named by the file's line), journaled, and counted.
/// </summary>
public sealed class QueueLogIntake(IngestPipeline pipeline, FeedStatus feed, CenterRegistry centers, IOptions<FloorWatchOptions> options, TimeProvider time)
{
    public sealed record Outcome(int Accepted, int Duplicates, IReadOnlyList<RejectedLine> Rejected);

    /// <summary>A translator for <paramref name="center"/>, with its queues' wrap-up as the center's settings have it at each call's end.</summary>
    public QueueLogTranslator Translator(string center) => new(center, q => centers.Settings(center).Queue(q).WrapUpSeconds);

    public async Task<Outcome> SubmitAsync(string center, QueueLogBatch batch, CancellationToken ct)
    {
        var reader = new EventBatchReader(options.Value.MaxLineBytes);
        var read = new EventBatchReader.Result([], []);
        var now = time.GetUtcNow();
        foreach (var (line, json) in batch.Events)
        {
            reader.Add(json, line, now, null, read);
        }

        var outcomes = read.Events.Count == 0 ? [] : await pipeline.SubmitAsync(read.Events, ct);
        if (read.Events.Count > 0)
        {
            feed.Heard(center);
        }

        // A line whose events were refused is named once, with the first reason.
        var rejected = batch.Rejected.Select(r => new RejectedLine(r.Line, r.Error)).Concat(read.Rejected)
            .GroupBy(r => r.Line).Select(g => g.First()).OrderBy(r => r.Line).ToList();
        return new Outcome(outcomes.Count(x => x == IngestOutcome.Accepted), outcomes.Count(x => x == IngestOutcome.Duplicate), rejected);
    }
}
