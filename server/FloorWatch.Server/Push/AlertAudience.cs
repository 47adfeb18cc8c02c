using System.Security.Claims;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Rules;
using FloorWatch.Server.Auth;

namespace FloorWatch.Server.Push;

/// <summary>
/// Who is told of which alert (contract section 5): supervisors and admins of every kind, quality
/// staff of the <c>qa.*</c> kinds, a wallboard of the floor-wide kinds (service level, breaks at
/// once, the feed).
/// </summary>
public static class AlertAudience
{
    public static bool May(ClaimsPrincipal user, AlertView alert) =>
        user.HasAnyRole([Roles.Supervisor, Roles.Admin])
        || (user.IsInRole(Roles.Quality) && AlertKinds.IsQuality(alert.Kind))
        || (user.IsInRole(Roles.Wallboard) && AlertKinds.IsFloorWide(alert.Kind));

    /// <summary>The one alert group a viewer of <paramref name="center"/> joins.</summary>
    public static string GroupOf(ClaimsPrincipal user, string center) =>
        user.HasAnyRole([Roles.Supervisor, Roles.Admin]) ? All(center)
        : user.IsInRole(Roles.Quality) ? Quality(center)
        : FloorWide(center);

    /// <summary>The groups an alert goes to.</summary>
    public static IReadOnlyList<string> GroupsFor(AlertView alert) =>
        AlertKinds.IsQuality(alert.Kind) ? [All(alert.Center), Quality(alert.Center)]
        : AlertKinds.IsFloorWide(alert.Kind) ? [All(alert.Center), FloorWide(alert.Center)]
        : [All(alert.Center)];

    /// <summary>Supervisors and admins: every alert, and break requests.</summary>
    public static string All(string center) => "alerts:" + center;

    private static string Quality(string center) => "alerts-qa:" + center;

    private static string FloorWide(string center) => "alerts-floor:" + center;

    /// <summary>An agent's own page.</summary>
    public static string Agent(string center, string agent) => $"agent:{center}:{agent}";
}
