using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using FloorWatch.Contracts.Grains;
using FloorWatch.Server.Audit;
using FloorWatch.Server.Auth;
using FloorWatch.Server.Centers;
using FloorWatch.Server.Ingest;
using FloorWatch.Server.Journal;
using FloorWatch.Server.Push;

namespace FloorWatch.Server.Api;

/// <summary>The read API of contract section 3. Each read first waits for what was journaled before it to be applied.</summary>
public static class ReadEndpoints
{
    public static void MapReadEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/centers").RequireAuthorization();

        api.MapGet("", async (ClaimsPrincipal user, CenterRegistry centers, CenterDispatcher dispatcher, IGrainFactory grains, TimeProvider time, CancellationToken ct) =>
        {
            var asOf = time.GetUtcNow();
            var list = new List<object>();
            foreach (var id in centers.Ids)
            {
                if (user.May(id, Roles.FloorReaders))
                {
                    await dispatcher.WaitAppliedAsync(id, ct);
                    var totals = await grains.GetGrain<ICenterGrain>(id).Totals(asOf);
                    list.Add(new { id, name = centers.Settings(id).Name ?? id, asOf, headline = (object?)ApiJson.Queue(totals) });
                }
                else if (user.May(id, [Roles.Agent]))
                {
                    // An agent scoped to every center picks theirs from this list; the floor's figures are not theirs to read.
                    list.Add(new { id, name = centers.Settings(id).Name ?? id, asOf, headline = (object?)null });
                }
            }

            return Results.Ok(new { centers = list });
        });

        api.MapGet("/{center}/snapshot", async (string center, ClaimsPrincipal user, CenterReader reader, FeedStatus feed, CancellationToken ct) =>
        {
            var (read, refusal) = await reader.Open(user, center, Roles.FloorReaders, ct);
            if (read is null)
            {
                return refusal!;
            }

            var snapshot = await read.Grain.Snapshot(read.AsOf);
            return Results.Json(ApiJson.Snapshot(snapshot, feed.For(center, snapshot.Feed), snapshot.Alerts.Where(a => AlertAudience.May(user, a)).ToArray()), JournalJson.Options);
        });

        api.MapGet("/{center}/intervals", async (string center, string? date, string? queue, string? format, ClaimsPrincipal user, CenterReader reader, CancellationToken ct) =>
        {
            var (read, refusal) = await reader.OpenDay(user, center, date, Roles.FloorReaders, ct);
            if (read is null)
            {
                return refusal!;
            }

            var rows = await read.Grain.Intervals(read.Day, queue, read.AsOf);
            if (rows is null)
            {
                return ApiErrors.NotFound($"queue: '{queue}' is not a queue of center '{center}'");
            }

            var json = rows.Select(r => ApiJson.Interval(r.Start, r.End, r.Figures)).ToList();
            return Format(format, json, () => new { center, date = DateText(read.Day), queue, intervals = json });
        });

        api.MapGet("/{center}/agents/{agent}/intervals", async (string center, string agent, string? date, string? format, ClaimsPrincipal user, CenterReader reader, CancellationToken ct) =>
        {
            var (read, refusal) = await reader.OpenDay(user, center, date, [Roles.Supervisor, Roles.Quality, Roles.Admin], ct);
            if (read is null)
            {
                return refusal!;
            }

            var rows = await read.Grain.AgentIntervals(agent, read.Day, read.AsOf);
            if (rows is null)
            {
                return ApiErrors.NotFound($"agent: '{agent}' is not known in center '{center}'");
            }

            var json = rows.Select(ApiJson.AgentInterval).ToList();
            return Format(format, json, () => new { center, agent, date = DateText(read.Day), intervals = json });
        });

        api.MapGet("/{center}/audit", (string center, ClaimsPrincipal user, CenterRegistry centers, AuditLog audit) =>
            Check(user, center, centers, [Roles.Supervisor, Roles.Admin]) ?? Results.Ok(new { center, entries = audit.For(center, 1000) }));
    }

    /// <summary>403 outside the user's roles or centers (before anything about the center is said), 404 for a center never seen.</summary>
    public static IResult? Check(ClaimsPrincipal user, string center, CenterRegistry centers, IEnumerable<string> roles)
    {
        if (!user.May(center, roles))
        {
            return ApiErrors.Forbidden();
        }

        return centers.Exists(center) ? null : ApiErrors.NotFound($"center: '{center}' is not known here (no event or setting has named it)");
    }

    private static string DateText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IResult Format(string? format, List<JsonObject> rows, Func<object> json) => format switch
    {
        null or "json" => Results.Json(json(), JournalJson.Options),
        "csv" => Results.Text(Csv.Write(rows), "text/csv; charset=utf-8"),
        _ => ApiErrors.BadRequest($"format: '{format}' must be json or csv"),
    };
}
