using System.Security.Claims;
using FloorWatch.Server.Options;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace FloorWatch.Server.Auth;

/// <summary>
/// An authority's token says a user's centers in its own claim; the access checks read
/// <see cref="TokenService.CenterClaim"/>, so the centers are carried over, and only they: a claim
/// of that name the authority set for some other purpose grants nothing.
/// </summary>
public static class AuthorityClaims
{
    public static Task MapCenters(TokenValidatedContext context, AuthOptions auth)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || auth.CenterClaim == TokenService.CenterClaim)
        {
            return Task.CompletedTask;
        }

        var centers = identity.FindAll(auth.CenterClaim).Select(c => c.Value).ToList();
        foreach (var stray in identity.FindAll(TokenService.CenterClaim).ToList())
        {
            identity.RemoveClaim(stray);
        }

        foreach (var center in centers)
        {
            identity.AddClaim(new Claim(TokenService.CenterClaim, center));
        }

        return Task.CompletedTask;
    }
}
