using FloorWatch.Server.Journal;
using FloorWatch.Server.Options;
using Microsoft.Extensions.Options;

namespace FloorWatch.Server.Ingest;

/// <summary><c>POST /api/cti/events</c>: NDJSON or a JSON array, with the CTI key or a token of role cti.</summary>
public static class IngestEndpoints
{
    public static void MapIngestEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/cti/events", async (HttpContext http, CtiKey key, IngestPipeline pipeline, FeedStatus feed, IOptions<FloorWatchOptions> options, TimeProvider time, CancellationToken ct) =>
        {
            var (allowed, refusal) = await IngestRequest.Authorize(http, key);
            if (refusal is not null)
            {
                return refusal;
            }

            var o = options.Value;
            var body = await IngestRequest.ReadBody(http, o.MaxIngestBytes, ct);
            if (body is null)
            {
                return IngestRequest.TooLarge(o.MaxIngestBytes);
            }

            var read = new EventBatchReader(o.MaxLineBytes, allowed).Read(body.Value, time.GetUtcNow());
            var events = read.Events;
            var outcomes = await pipeline.SubmitAsync(events, ct);
            foreach (var center in events.Select(e => e.Event.Center).Distinct(StringComparer.Ordinal))
            {
                feed.Heard(center);
            }

            return Results.Ok(new
            {
                accepted = outcomes.Count(x => x == IngestOutcome.Accepted),
                duplicates = outcomes.Count(x => x == IngestOutcome.Duplicate),
                rejected = read.Rejected.OrderBy(r => r.Line).Select(r => new { line = r.Line, error = r.Error }),
            });
        }).AllowAnonymous().DisableAntiforgery();
}
