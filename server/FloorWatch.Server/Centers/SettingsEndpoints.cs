using System.Security.Claims;
using System.Text.Json;
using FloorWatch.Domain.Events;
using FloorWatch.Domain.Settings;
using FloorWatch.Server.Api;
using FloorWatch.Server.Audit;
using FloorWatch.Server.Auth;
using FloorWatch.Server.Journal;

namespace FloorWatch.Server.Centers;

/// <summary>Center settings: read by the floor's staff, changed by an admin, journaled so they hold from the change on and across restarts.</summary>
public static class SettingsEndpoints
{
    public static void MapSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/centers/{center}/settings").RequireAuthorization();

        api.MapGet("", (string center, ClaimsPrincipal user, CenterRegistry centers) =>
            ReadEndpoints.Check(user, center, centers, [Roles.Supervisor, Roles.Quality, Roles.Admin, Roles.Wallboard])
            ?? Results.Json(centers.Settings(center), JournalJson.Options));

        api.MapPut("", async (string center, HttpRequest request, ClaimsPrincipal user, CenterRegistry centers, IngestPipeline pipeline, AuditLog audit, TimeProvider time, CancellationToken ct) =>
        {
            if (!user.May(center, [Roles.Admin]))
            {
                return ApiErrors.Forbidden();
            }

            if (!Identifiers.IsCenterId(center))
            {
                return ApiErrors.BadRequest("center: must match [A-Za-z0-9_-]{1,64}");
            }

            SettingsDocument? doc;
            try
            {
                doc = await JsonSerializer.DeserializeAsync<SettingsDocument>(request.Body, JournalJson.Options, ct);
            }
            catch (JsonException ex)
            {
                return ApiErrors.BadRequest($"field '{ex.Path?.TrimStart('$', '.')}': {ex.Message.Split(". ")[0]}");
            }

            if (doc is null)
            {
                return ApiErrors.BadRequest("send the settings as a JSON object");
            }

            var before = centers.Settings(center);
            var shape = doc.ShapeErrors();
            var after = shape.Count == 0 ? doc.ApplyTo(before) : before;
            var errors = shape.Count > 0 ? shape : SettingsValidator.Validate(after);
            if (errors.Count > 0)
            {
                return Results.Json(new { error = "settings not valid", errors }, statusCode: StatusCodes.Status400BadRequest);
            }

            await pipeline.SubmitSettingsAsync(center, after, ct);
            audit.Write(new AuditEntry(time.GetUtcNow(), user.Identity?.Name ?? "?", center, "settings.update", center, before, after, "done"));
            return Results.Json(after, JournalJson.Options);
        });
    }
}
