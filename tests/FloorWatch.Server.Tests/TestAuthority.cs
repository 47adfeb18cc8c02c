using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FloorWatch.Server.Tests;

/// <summary>
/// An OpenID Connect authority for tests, as an identity provider publishes itself: its discovery
/// document and signing keys over real HTTP (the server fetches them as it would from one), and
/// access tokens signed with its RSA key. There is no identity provider on this machine to run instead.
/// </summary>
public sealed class TestAuthority : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key-1" };

    private TestAuthority(WebApplication app) => _app = app;

    public string Issuer { get; private set; } = "";

    public static async Task<TestAuthority> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var authority = new TestAuthority(app);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = authority.Issuer,
            ["jwks_uri"] = authority.Issuer + "/jwks",
            ["authorization_endpoint"] = authority.Issuer + "/authorize",
            ["token_endpoint"] = authority.Issuer + "/token",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(authority._key.Rsa.ExportParameters(false)) { KeyId = authority._key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });
        await app.StartAsync();
        authority.Issuer = app.Urls.Single().TrimEnd('/');
        return authority;
    }

    /// <summary>An access token of this authority; <paramref name="signedBy"/> another key forges one.</summary>
    public string Issue(string name, string audience, string[] roles, string[] centers, TimeSpan? lifetime = null, RsaSecurityKey? signedBy = null, string? issuer = null, IReadOnlyDictionary<string, object>? extra = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "sub-" + name,
            ["preferred_username"] = name,
            ["roles"] = roles,
            ["centers"] = centers,
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, object>())
        {
            claims[k] = v;
        }

        var life = lifetime ?? TimeSpan.FromHours(1);

        // A negative lifetime makes a token that expired that long ago, issued as long again before.
        var issued = life < TimeSpan.Zero ? now.Add(life * 2) : now;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = now.Add(life),
            SigningCredentials = new SigningCredentials(signedBy ?? _key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
