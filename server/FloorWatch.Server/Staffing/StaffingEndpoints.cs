using System.Globalization;
using FloorWatch.Domain.Staffing;
using FloorWatch.Server.Api;

namespace FloorWatch.Server.Staffing;

/// <summary><c>GET /api/staffing/erlangc</c>: the Erlang C calculator.</summary>
public static class StaffingEndpoints
{
    public static void MapStaffingEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/staffing/erlangc", (HttpRequest request) =>
        {
            var q = request.Query;
            if (Number(q["callsPerHour"], "callsPerHour", 0, 1_000_000, out var cph) is { } e1)
            {
                return ApiErrors.BadRequest(e1);
            }

            if (Number(q["ahtSeconds"], "ahtSeconds", 1, 86_400, out var aht) is { } e2)
            {
                return ApiErrors.BadRequest(e2);
            }

            if (Number(q["thresholdSeconds"], "thresholdSeconds", 0, 86_400, out var threshold, 20) is { } e3)
            {
                return ApiErrors.BadRequest(e3);
            }

            if (Number(q["target"], "target", 0, 0.999999, out var target, 0.80) is { } e4)
            {
                return ApiErrors.BadRequest(e4);
            }

            var r = ErlangC.Required(cph, aht, threshold, target);
            if (r.Agents >= ErlangC.MaxAgents)
            {
                return ApiErrors.BadRequest($"callsPerHour: more than {ErlangC.MaxAgents} agents would be needed");
            }

            return Results.Ok(new
            {
                agents = r.Agents,
                serviceLevel = r.ServiceLevel,
                occupancy = r.Occupancy,
                asaSeconds = r.AsaSeconds,
                probabilityOfWait = r.ProbabilityOfWait,
            });
        }).RequireAuthorization();

    private static string? Number(string? text, string name, double min, double max, out double value, double? fallback = null)
    {
        value = fallback ?? 0;
        if (string.IsNullOrEmpty(text))
        {
            return fallback is null ? $"{name}: required" : null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || double.IsNaN(value))
        {
            return $"{name}: '{text}' is not a number";
        }

        return value < min || value > max ? $"{name}: must be from {min} to {max}" : null;
    }
}
