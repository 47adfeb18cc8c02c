using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FloorWatch.Server.Auth;

/// <summary>
/// The bearer scheme every endpoint and the hub use is a choice between two: this server's own
/// tokens, or an OpenID Connect authority's, told apart by the issuer the token names (read before
/// it is validated; the chosen scheme then validates it whole).
/// </summary>
public static class BearerSchemes
{
    /// <summary>The scheme endpoints ask for: it forwards to one of the two below.</summary>
    public const string Default = JwtBearerDefaults.AuthenticationScheme;

    public const string Local = "LocalBearer";
    public const string Authority = "AuthorityBearer";

    // Reads a token's issuer, without validating it; safe to share.
    private static readonly JsonWebTokenHandler Reader = new();

    /// <summary>The token of a request: its Authorization header, or the <c>access_token</c> parameter (the hub, display pages).</summary>
    public static string? Token(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return request.Query.TryGetValue("access_token", out var token) ? token.ToString() : null;
    }

    /// <summary>The authority's scheme for a token another issuer signed; this server's for its own and for anything unreadable, which it refuses.</summary>
    public static string For(HttpContext context)
    {
        var token = Token(context.Request);
        return token is { Length: > 0 } && Reader.CanReadToken(token) && Reader.ReadJsonWebToken(token).Issuer != TokenService.Issuer
            ? Authority
            : Local;
    }

    /// <summary>Gives the bearer check the request's token as <see cref="Token"/> finds it, so <c>access_token</c> counts when there is no Authorization header.</summary>
    public static Task FromQuery(MessageReceivedContext context)
    {
        context.Token ??= Token(context.Request);
        return Task.CompletedTask;
    }
}
