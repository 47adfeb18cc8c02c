using System.Security.Claims;
using System.Text.Json.Serialization;
using FloorWatch.Server.Options;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace FloorWatch.Server.Auth;

/// <summary>Local users, tokens and bearer authentication (also from <c>access_token</c> for the hub and display pages).</summary>
public static class AuthSetup
{
    public static IHostApplicationBuilder AddFloorWatchAuth(this IHostApplicationBuilder builder, FloorWatchOptions options)
    {
        var key = SigningKey.LoadOrCreate(options);
        builder.Services.AddSingleton(key);
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddAuthorization();
        var authentication = builder.Services.AddAuthentication(BearerSchemes.Default)
            .AddPolicyScheme(BearerSchemes.Default, "this server's or the authority's bearer token", o => o.ForwardDefaultSelector = options.Auth.HasAuthority ? BearerSchemes.For : _ => BearerSchemes.Local)
            .AddJwtBearer(BearerSchemes.Local, o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenService.Issuer,
                    ValidAudience = TokenService.Issuer,
                    IssuerSigningKey = key,
                    NameClaimType = ClaimTypes.Name,
                    RoleClaimType = ClaimTypes.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                o.Events = new JwtBearerEvents { OnMessageReceived = BearerSchemes.FromQuery };
            });
        if (options.Auth is { HasAuthority: true } auth)
        {
            // The issuer, its signing keys and their rotation come from the authority's metadata.
            authentication.AddJwtBearer(BearerSchemes.Authority, o =>
            {
                o.Authority = auth.Authority;
                o.Audience = auth.Audience;
                o.RequireHttpsMetadata = auth.RequireHttpsMetadata;
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAudience = auth.Audience,
                    NameClaimType = auth.NameClaim,
                    RoleClaimType = auth.RoleClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                o.Events = new JwtBearerEvents
                {
                    OnMessageReceived = BearerSchemes.FromQuery,
                    OnTokenValidated = ctx => AuthorityClaims.MapCenters(ctx, auth),
                };
            });
        }

        return builder;
    }

    public sealed record TokenRequest([property: JsonPropertyName("user")] string? User, [property: JsonPropertyName("password")] string? Password);

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", (TokenRequest? body, UserStore users, TokenService tokens, IOptions<FloorWatchOptions> options) =>
        {
            if (!users.Any)
            {
                return Results.Json(new { error = $"this server issues no tokens: sign in through the OpenID Connect authority {options.Value.Auth.Authority}" }, statusCode: StatusCodes.Status404NotFound);
            }

            if (body?.User is not { Length: > 0 } name || body.Password is not { } password)
            {
                return Results.BadRequest(new { error = "send {\"user\":\"...\",\"password\":\"...\"}" });
            }

            return users.Verify(name, password) is { } user
                ? Results.Ok(new { token = tokens.Issue(user) })
                : Results.Json(new { error = "sign-in refused" }, statusCode: StatusCodes.Status401Unauthorized);
        }).AllowAnonymous();

        // What the sign-in page offers: the local form, the authority, or both.
        app.MapGet("/api/auth/config", (UserStore users, IOptions<FloorWatchOptions> options) =>
        {
            var auth = options.Value.Auth;
            var pages = auth.HasAuthority && !string.IsNullOrEmpty(auth.ClientId);
            return Results.Ok(new { local = users.Any, authority = auth.HasAuthority ? auth.Authority : null, clientId = pages ? auth.ClientId : null, scope = pages ? auth.Scope : null });
        }).AllowAnonymous();
    }
}
