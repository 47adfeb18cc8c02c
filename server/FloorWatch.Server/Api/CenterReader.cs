using System.Globalization;
using System.Security.Claims;
using FloorWatch.Contracts.Grains;
using FloorWatch.Server.Centers;
using FloorWatch.Server.Journal;

namespace FloorWatch.Server.Api;

/// <summary>What every read of a center does first: check access, wait for what was journaled before it, take the time.</summary>
public sealed class CenterReader(CenterRegistry centers, CenterDispatcher dispatcher, IGrainFactory grains, TimeProvider time)
{
    public sealed record Read(ICenterGrain Grain, DateTimeOffset AsOf, DateOnly Day);

    /// <summary>The center's grain at the current time, or the refusal (403, 404) to answer instead.</summary>
    public async Task<(Read? Read, IResult? Refusal)> Open(ClaimsPrincipal user, string center, IEnumerable<string> roles, CancellationToken ct)
    {
        if (ReadEndpoints.Check(user, center, centers, roles) is { } refused)
        {
            return (null, refused);
        }

        await dispatcher.WaitAppliedAsync(center, ct);
        var grain = grains.GetGrain<ICenterGrain>(center);
        var asOf = time.GetUtcNow();
        return (new Read(grain, asOf, await grain.BusinessDay(asOf)), null);
    }

    /// <summary>As <see cref="Open"/>, for the business day <paramref name="date"/> (default: the current one).</summary>
    public async Task<(Read? Read, IResult? Refusal)> OpenDay(ClaimsPrincipal user, string center, string? date, IEnumerable<string> roles, CancellationToken ct)
    {
        var (read, refusal) = await Open(user, center, roles, ct);
        if (read is null || date is null)
        {
            return (read, refusal);
        }

        // Two days' margin at either end of the calendar: a day's bounds in UTC (any zone, any day start) must exist.
        return DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && d > DateOnly.MinValue.AddDays(1) && d < DateOnly.MaxValue.AddDays(-1)
            ? (read with { Day = d }, null)
            : (null, ApiErrors.BadRequest($"date: '{date}' is not a date as YYYY-MM-DD from 0001-01-03 to 9999-12-29"));
    }
}
