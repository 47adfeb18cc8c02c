using System.Security.Claims;
using FloorWatch.Contracts.Views;
using FloorWatch.Server.Api;
using FloorWatch.Server.Audit;
using FloorWatch.Server.Auth;
using FloorWatch.Server.Journal;
using FloorWatch.Server.Push;

namespace FloorWatch.Server.Alerts;

/// <summary>The alerts of contract section 5: listed per center for those who may see each kind, acknowledged by a person.</summary>
public static class AlertEndpoints
{
    private static readonly string[] Viewers = [Roles.Supervisor, Roles.Quality, Roles.Admin, Roles.Wallboard];

    public static void MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/centers/{center}/alerts").RequireAuthorization();

        api.MapGet("", async (string center, string? state, ClaimsPrincipal user, CenterReader reader, CancellationToken ct) =>
        {
            var (read, refusal) = await reader.Open(user, center, Viewers, ct);
            if (read is null)
            {
                return refusal!;
            }

            if (state is not (null or "open" or "all"))
            {
                return ApiErrors.BadRequest($"state: '{state}' must be open or all");
            }

            var alerts = (await read.Grain.Alerts(all: state == "all")).Where(a => AlertAudience.May(user, a)).ToArray();
            return Results.Json(new { center, state = state ?? "open", alerts }, JournalJson.Options);
        });

        api.MapPost("/{id}/acknowledge", async (string center, string id, ClaimsPrincipal user, CenterReader reader, IngestPipeline pipeline, CenterDispatcher dispatcher, AuditLog audit, TimeProvider time, CancellationToken ct) =>
        {
            var (read, refusal) = await reader.Open(user, center, [Roles.Supervisor, Roles.Quality, Roles.Admin], ct);
            if (read is null)
            {
                return refusal!;
            }

            var alert = await read.Grain.Alert(id);
            if (alert is null || !AlertAudience.May(user, alert))
            {
                // An alert the caller may not see is answered as one that does not exist.
                return ApiErrors.NotFound($"alert: '{id}' is not an alert of center '{center}'");
            }

            if (alert.ResolvedAt is not null)
            {
                return Results.Json(new { error = $"alert {id} is already resolved ({alert.ResolvedAt:O}); nothing to acknowledge" }, statusCode: StatusCodes.Status409Conflict);
            }

            var by = user.Identity?.Name ?? "?";
            var at = time.GetUtcNow();
            await pipeline.SubmitActionAsync(center, new FloorAction { Kind = FloorAction.AcknowledgeAlert, Id = id, By = by, At = at }, ct);
            await dispatcher.WaitAppliedAsync(center, ct);
            var after = await read.Grain.Alert(id);
            audit.Write(new AuditEntry(at, by, center, FloorAction.AcknowledgeAlert, id, alert.State, after?.State, "done"));
            return Results.Json(after, JournalJson.Options);
        });
    }
}
