using System.Security.Claims;
using FloorWatch.Server.Api;
using FloorWatch.Server.Auth;
using FloorWatch.Server.Journal;

namespace FloorWatch.Server.Breaks;

/// <summary><c>GET /api/centers/{c}/breaks?state=pending|all</c>: the approval queue for duty managers; an agent sees only their own requests.</summary>
public static class BreakEndpoints
{
    public static void MapBreakEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/centers/{center}/breaks", async (string center, string? state, ClaimsPrincipal user, CenterReader reader, CancellationToken ct) =>
        {
            var (read, refusal) = await reader.Open(user, center, [Roles.Supervisor, Roles.Admin, Roles.Agent], ct);
            if (read is null)
            {
                return refusal!;
            }

            if (state is not (null or "pending" or "all"))
            {
                return ApiErrors.BadRequest($"state: '{state}' must be pending or all");
            }

            var requests = await read.Grain.Breaks(all: state == "all");
            if (!user.HasAnyRole([Roles.Supervisor, Roles.Admin]))
            {
                requests = requests.Where(r => r.Agent == user.Identity?.Name).ToArray();
            }

            return Results.Json(new { center, state = state ?? "pending", requests }, JournalJson.Options);
        }).RequireAuthorization();
    }
}
