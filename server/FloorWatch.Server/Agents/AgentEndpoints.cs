using System.Security.Claims;
using FloorWatch.Server.Api;
using FloorWatch.Server.Auth;
using FloorWatch.Server.Journal;

namespace FloorWatch.Server.Agents;

/// <summary><c>GET /api/me</c> and an agent's own view, <c>GET /api/centers/{c}/agents/{agent}</c> (an agent reads only their own).</summary>
public static class AgentEndpoints
{
    public static void MapAgentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (ClaimsPrincipal user) => Results.Ok(new
        {
            user = user.Identity?.Name,
            // Each identity names its own role claim: ClaimTypes.Role in local tokens, the configured one in an authority's.
            roles = user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).ToArray(),
            centers = user.FindAll(TokenService.CenterClaim).Select(c => c.Value).ToArray(),
        })).RequireAuthorization();

        app.MapGet("/api/centers/{center}/agents/{agent}", async (string center, string agent, ClaimsPrincipal user, CenterReader reader, AgentSelf self, CancellationToken ct) =>
        {
            var own = user.IsInRole(Roles.Agent) && user.Identity?.Name == agent;
            var staff = user.HasAnyRole([Roles.Supervisor, Roles.Quality, Roles.Admin]);
            if (!own && !staff)
            {
                return ApiErrors.Forbidden();
            }

            var (read, refusal) = await reader.Open(user, center, [Roles.Agent, Roles.Supervisor, Roles.Quality, Roles.Admin], ct);
            if (read is null)
            {
                return refusal!;
            }

            return await self.Build(center, agent) is { } view
                ? Results.Json(view, JournalJson.Options)
                : ApiErrors.NotFound($"agent: '{agent}' is not known in center '{center}'");
        }).RequireAuthorization();
    }
}
