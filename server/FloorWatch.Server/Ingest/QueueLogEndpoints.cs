using System.Diagnostics.CodeAnalysis;
using FloorWatch.Domain.Events;
using FloorWatch.Domain.QueueLog;
using FloorWatch.Server.Api;
using FloorWatch.Server.Options;
using Microsoft.Extensions.Options;

namespace FloorWatch.Server.Ingest;

/// <summary>
/// <c>POST /api/cti/queue-log?center=C&amp;name=F</c>: an Asterisk <c>queue_log</c> file's text,
/// translated into CTI events and taken in as <c>/api/cti/events</c> takes them. Errors name the
/// line of the file.
/// </summary>
public static class QueueLogEndpoints
{
    public static void MapQueueLogEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/cti/queue-log", async (HttpContext http, string? center, string? name, CtiKey key, QueueLogIntake intake, IOptions<FloorWatchOptions> options, CancellationToken ct) =>
        {
            var (allowed, refusal) = await IngestRequest.Authorize(http, key);
            if (refusal is not null)
            {
                return refusal;
            }

            if (string.IsNullOrEmpty(center) || !Identifiers.IsCenterId(center))
            {
                return ApiErrors.BadRequest("query parameter 'center': required, the center the file is of ([A-Za-z0-9_-], 1 to 64 characters)");
            }

            if (!IsFileName(name))
            {
                return ApiErrors.BadRequest($"query parameter 'name': required, the file's name ([A-Za-z0-9_.-], 1 to {QueueLogTranslator.MaxFileNameLength} characters); event ids are ql:<name>:<byte offset>, so the same name makes a second import change nothing");
            }

            if (allowed is not null && !allowed(center))
            {
                return ApiErrors.Forbidden();
            }

            var o = options.Value;
            var body = await IngestRequest.ReadBody(http, o.MaxIngestBytes, ct);
            if (body is null)
            {
                return IngestRequest.TooLarge(o.MaxIngestBytes);
            }

            var translator = intake.Translator(center);
            var batch = new QueueLogBatch();
            translator.AddText(body.Value.Span, name, batch);
            translator.Finish(batch);
            var outcome = await intake.SubmitAsync(center, batch, ct);
            return Results.Ok(new
            {
                accepted = outcome.Accepted,
                duplicates = outcome.Duplicates,
                rejected = outcome.Rejected.Select(r => new { line = r.Line, error = r.Error }),
                skipped = batch.Skipped,
            });
        }).AllowAnonymous().DisableAntiforgery();

    private static bool IsFileName([NotNullWhen(true)] string? name) =>
        name is { Length: > 0 and <= QueueLogTranslator.MaxFileNameLength } && Identifiers.HasIdCharacters(name);
}
