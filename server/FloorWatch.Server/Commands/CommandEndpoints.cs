using System.Security.Claims;
using System.Text.Json;
using FloorWatch.Server.Api;
using FloorWatch.Server.Auth;
using FloorWatch.Server.Centers;
using FloorWatch.Server.Journal;
using FloorWatch.Server.Options;
using Microsoft.Extensions.Options;

namespace FloorWatch.Server.Commands;

/// <summary><c>POST /api/centers/{center}/commands</c> and <c>GET .../commands/{id}</c> (contract section 5).</summary>
public static class CommandEndpoints
{
    public static void MapCommandEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/centers/{center}/commands").RequireAuthorization();

        api.MapPost("", async (string center, HttpRequest http, ClaimsPrincipal user, CenterRegistry centers, CommandDesk desk, IOptions<FloorWatchOptions> options, CancellationToken ct) =>
        {
            // Nothing about the center, nor whether it exists, is said to someone who may not command it.
            if (!user.May(center, CommandAccess.AnyCommand))
            {
                return ApiErrors.Forbidden();
            }

            CommandRequest? command;
            string? error;
            try
            {
                using var body = await JsonDocument.ParseAsync(http.Body, cancellationToken: ct);
                command = CommandRequest.Read(body.RootElement, out error);
            }
            catch (JsonException ex)
            {
                return ApiErrors.BadRequest("body: not JSON: " + ex.Message.Split(". ")[0]);
            }

            if (command is null)
            {
                return ApiErrors.BadRequest(error!);
            }

            if (CommandValidation.CheckName(command.Command) is { } badName)
            {
                return ApiErrors.BadRequest(badName);
            }

            if (ReadEndpoints.Check(user, center, centers, CommandAccess.RolesFor(command.Command!)) is { } refused)
            {
                return refused;
            }

            if (CommandValidation.CheckFields(command) is { } badField)
            {
                return ApiErrors.BadRequest(badField);
            }

            if (CommandAccess.Refusal(user, command, options.Value.Monitor) is { } refusal)
            {
                return Results.Json(new { error = refusal }, statusCode: StatusCodes.Status403Forbidden);
            }

            var id = await desk.Run(center, command, user.Identity!.Name!, ct);
            return Results.Json(new { id }, statusCode: StatusCodes.Status202Accepted);
        });

        api.MapGet("/{id}", (string center, string id, ClaimsPrincipal user, CenterRegistry centers, CommandStore store) =>
        {
            if (!user.May(center, CommandAccess.AnyCommand))
            {
                return ApiErrors.Forbidden();
            }

            if (!centers.Exists(center))
            {
                return ApiErrors.NotFound($"center: '{center}' is not known here (no event or setting has named it)");
            }

            if (store.Get(center, id) is not { } record)
            {
                return ApiErrors.NotFound($"id: no command '{id}' in center '{center}'");
            }

            return record.By == user.Identity?.Name || user.HasAnyRole(CommandAccess.ReadAll)
                ? Results.Json(record, JournalJson.Options)
                : ApiErrors.Forbidden();
        });
    }
}
