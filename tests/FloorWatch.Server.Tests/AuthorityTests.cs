using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace FloorWatch.Server.Tests;

/// <summary>The authority's server: local users too, so both kinds of token are in play.</summary>
public sealed class AuthorityFixture : IAsyncLifetime
{
    public const string Audience = "floorwatch-api";

    public TestAuthority Authority { get; private set; } = null!;
    public ServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Authority = await TestAuthority.StartAsync();
        Server = await ServerProcess.StartAsync(settings: AuthorityTests.Settings(Authority));
        await Server.PostEvents("""{"id":"oidc-1","ts":"2026-11-21T09:00:00Z","center":"acme","type":"call.queued","call":"oidc-1","queue":"oidc-q"}""");
        await Server.PostEvents("""{"id":"oidc-2","ts":"2026-11-21T09:00:00Z","center":"oidc-other","type":"call.queued","call":"oidc-2","queue":"oidc-q"}""");
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Authority.DisposeAsync();
    }
}

/// <summary>
/// Contract section 7: an external OpenID Connect authority can replace the local issuer. Its
/// tokens open the API and the hub with the roles and centers they carry, and nothing else does.
/// </summary>
public class AuthorityTests(AuthorityFixture fixture) : IClassFixture<AuthorityFixture>
{
    public static Dictionary<string, string> Settings(TestAuthority authority) => new()
    {
        ["FloorWatch__Auth__Authority"] = authority.Issuer,
        ["FloorWatch__Auth__Audience"] = AuthorityFixture.Audience,
        ["FloorWatch__Auth__RequireHttpsMetadata"] = "false",
        ["FloorWatch__Auth__ClientId"] = "floorwatch-pages",
    };

    private string Supervisor(string center = "acme", TimeSpan? lifetime = null) =>
        fixture.Authority.Issue("li.na", AuthorityFixture.Audience, ["supervisor"], [center], lifetime);

    private async Task<HttpStatusCode> Snapshot(string token, string center = "acme")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/centers/{center}/snapshot");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await fixture.Server.Http.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task The_authority_s_token_reads_its_centers_and_is_refused_the_others()
    {
        Assert.Equal(HttpStatusCode.OK, await Snapshot(Supervisor()));
        Assert.Equal(HttpStatusCode.Forbidden, await Snapshot(Supervisor(), "oidc-other"));
        Assert.Equal(HttpStatusCode.OK, await Snapshot(fixture.Authority.Issue("ops", AuthorityFixture.Audience, ["supervisor"], ["*"]), "oidc-other"));
    }

    [Fact]
    public async Task The_authority_s_roles_decide_what_its_token_may_do()
    {
        var wallboard = fixture.Authority.Issue("wall-3", AuthorityFixture.Audience, ["wallboard"], ["acme"]);
        Assert.Equal(HttpStatusCode.OK, await Snapshot(wallboard));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/centers/acme/audit");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", wallboard);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Server.Http.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await Snapshot(fixture.Authority.Issue("nobody", AuthorityFixture.Audience, [], ["acme"])));
    }

    [Fact]
    public async Task Me_says_who_the_authority_s_token_is()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Authority.Issue("li.na", AuthorityFixture.Audience, ["supervisor", "quality"], ["acme"]));

        var me = await (await fixture.Server.Http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("li.na", me.GetProperty("user").GetString());
        Assert.Equal(["supervisor", "quality"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["acme"], me.GetProperty("centers").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task The_hub_takes_the_authority_s_token()
    {
        await using var viewer = await HubViewer.ConnectAsync(fixture.Server, Supervisor());

        var snapshot = await viewer.JoinAsync("acme");

        Assert.Equal("acme", snapshot["center"]!.GetValue<string>());
        Assert.Contains("oidc-q", viewer.Queues.Keys);
    }

    [Fact]
    public async Task Tokens_the_authority_did_not_sign_for_this_server_now_are_401()
    {
        using var otherKey = RSA.Create(2048);
        var cases = new Dictionary<string, string>
        {
            ["another audience"] = fixture.Authority.Issue("li.na", "some-other-api", ["supervisor"], ["acme"]),
            ["another key"] = fixture.Authority.Issue("li.na", AuthorityFixture.Audience, ["supervisor"], ["acme"], signedBy: new RsaSecurityKey(otherKey) { KeyId = "test-key-1" }),
            ["expired"] = Supervisor(lifetime: TimeSpan.FromMinutes(-5)),
            ["another issuer"] = fixture.Authority.Issue("li.na", AuthorityFixture.Audience, ["supervisor"], ["acme"], issuer: "https://elsewhere.example.com"),
        };

        foreach (var (what, token) in cases)
        {
            Assert.True(await Snapshot(token) == HttpStatusCode.Unauthorized, what);
        }
    }

    [Fact]
    public async Task Only_the_configured_claim_gives_centers()
    {
        // A claim named as the local tokens' centers claim, set by the authority for its own ends, grants nothing.
        var token = fixture.Authority.Issue("li.na", AuthorityFixture.Audience, ["supervisor"], ["acme"], extra: new Dictionary<string, object> { ["center"] = "*" });

        Assert.Equal(HttpStatusCode.Forbidden, await Snapshot(token, "oidc-other"));
    }

    [Fact]
    public async Task Local_users_sign_in_beside_the_authority_and_the_pages_are_told_of_both()
    {
        using var local = await fixture.Server.SignIn("sup-acme");
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("/api/centers/acme/snapshot")).StatusCode);

        var config = await fixture.Server.Http.GetFromJsonAsync<JsonElement>("/api/auth/config");

        Assert.True(config.GetProperty("local").GetBoolean());
        Assert.Equal(fixture.Authority.Issuer, config.GetProperty("authority").GetString());
        Assert.Equal("floorwatch-pages", config.GetProperty("clientId").GetString());
        Assert.Equal("openid profile", config.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task With_no_local_users_the_server_issues_no_tokens_and_prints_no_password()
    {
        await using var server = await ServerProcess.StartAsync(withUsers: false, settings: Settings(fixture.Authority));

        var answer = await server.Http.PostAsJsonAsync("/api/auth/token", new { user = "admin", password = "x" });
        var config = await server.Http.GetFromJsonAsync<JsonElement>("/api/auth/config");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains($"sign in through the OpenID Connect authority {fixture.Authority.Issuer}", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sign in as 'admin'", server.Output, StringComparison.Ordinal);
        Assert.False(config.GetProperty("local").GetBoolean());
    }
}
