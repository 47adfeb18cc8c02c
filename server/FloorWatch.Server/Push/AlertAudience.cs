using System.Security.Claims;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Rules;
using FloorWatch.Server.Auth;

namespace FloorWatch.Server.Push;

/// <summary>
/// Who is told of which alert (contract section 5): supervisors of the floor's and the agents'
/// kinds, quality staff of the <c>qa.*</c> kinds (which call to listen to is their work, not the
/// duty manager's), admins of all, a wallboard of the floor-wide kinds (service level, breaks at
/// once, the feed).
/// </summary>
public static class AlertAudience
{
    public static bool May(ClaimsPrincipal user, AlertView alert) =>
        user.IsInRole(Roles.Admin)
        || (AlertKinds.IsQuality(alert.Kind) ? user.IsInRole(Roles.Quality) : user.IsInRole(Roles.Supervisor))
        || (user.IsInRole(Roles.Wallboard) && AlertKinds.IsFloorWide(alert.Kind));

    /// <summary>The alert groups a viewer of <paramref name="center"/> joins.</summary>
    public static IReadOnlyList<string> GroupsOf(ClaimsPrincipal user, string center)
    {
        var groups = new List<string>(2);
        if (user.HasAnyRole([Roles.Supervisor, Roles.Admin]))
        {
            groups.Add(Supervisors(center));
        }

        if (user.HasAnyRole([Roles.Quality, Roles.Admin]))
        {
            groups.Add(Quality(center));
        }

        if (groups.Count == 0)
        {
            groups.Add(FloorWide(center));
        }

        return groups;
    }

    /// <summary>The groups an alert goes to.</summary>
    public static IReadOnlyList<string> GroupsFor(AlertView alert) =>
        AlertKinds.IsQuality(alert.Kind) ? [Quality(alert.Center)]
        : AlertKinds.IsFloorWide(alert.Kind) ? [Supervisors(alert.Center), FloorWide(alert.Center)]
        : [Supervisors(alert.Center)];

    /// <summary>Supervisors and admins: their alerts, and break requests.</summary>
    public static string Supervisors(string center) => "alerts:" + center;

    private static string Quality(string center) => "alerts-qa:" + center;

    private static string FloorWide(string center) => "alerts-floor:" + center;

    /// <summary>An agent's own page.</summary>
    public static string Agent(string center, string agent) => $"agent:{center}:{agent}";
}
