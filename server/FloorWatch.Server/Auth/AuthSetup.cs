using System.Security.Claims;
using System.Text.Json.Serialization;
using FloorWatch.Server.Options;
using Microsoft.AspNetCore.Authentication.JwtBearer;
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
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
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
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = ctx =>
                {
                    if (string.IsNullOrEmpty(ctx.Token) && ctx.Request.Query.TryGetValue("access_token", out var token))
                    {
                        ctx.Token = token;
                    }

                    return Task.CompletedTask;
                },
            };
        });
        return builder;
    }

    public sealed record TokenRequest([property: JsonPropertyName("user")] string? User, [property: JsonPropertyName("password")] string? Password);

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/token", (TokenRequest? body, UserStore users, TokenService tokens) =>
        {
            if (body?.User is not { Length: > 0 } name || body.Password is not { } password)
            {
                return Results.BadRequest(new { error = "send {\"user\":\"...\",\"password\":\"...\"}" });
            }

            return users.Verify(name, password) is { } user
                ? Results.Ok(new { token = tokens.Issue(user) })
                : Results.Json(new { error = "sign-in refused" }, statusCode: StatusCodes.Status401Unauthorized);
        }).AllowAnonymous();
}
