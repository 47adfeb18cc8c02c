using System.Security.Claims;

namespace FloorWatch.Server.Auth;

/// <summary>Role and center-scope checks of contract section 6.</summary>
public static class Access
{
    public static bool HasAnyRole(this ClaimsPrincipal user, IEnumerable<string> roles) => roles.Any(user.IsInRole);

    public static bool CanSeeCenter(this ClaimsPrincipal user, string center) =>
        user.FindAll(TokenService.CenterClaim).Any(c => c.Value == "*" || c.Value == center);

    public static bool May(this ClaimsPrincipal user, string center, IEnumerable<string> roles) => user.HasAnyRole(roles) && user.CanSeeCenter(center);
}
