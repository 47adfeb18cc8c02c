using FloorWatch.Server.Centers;
using FloorWatch.Server.Ingest;
using FloorWatch.Server.Journal;

namespace FloorWatch.Server.Health;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (silo up, journal replayed and writable, feed per center).</summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "live" })).AllowAnonymous();

        app.MapGet("/readyz", (IHostApplicationLifetime lifetime, IngestPipeline pipeline, CenterDispatcher dispatcher, CenterRegistry centers, FeedStatus feed) =>
        {
            var silo = lifetime.ApplicationStarted.IsCancellationRequested;
            var ready = silo && pipeline.IsReady;
            var body = new
            {
                ready,
                silo = silo ? "joined" : "starting",
                journal = pipeline.IsReady ? "replayed" : "replaying",
                journalReadPercent = Math.Round(pipeline.ReplayPercent, 1),
                journalSeq = pipeline.LastSeq,
                backlog = dispatcher.Backlog,
                feed = centers.Ids.ToDictionary(c => c, c => new { status = feed.State(c), lastHeardAt = feed.LastHeard(c) }),
            };
            return Results.Json(body, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
    }
}
