using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace FloorWatch.Server.Tests;

/// <summary>A server started with no users prints a generated admin password once, and that password signs in.</summary>
public partial class FirstStartTests
{
    [Fact]
    public async Task With_no_users_configured_the_printed_admin_password_signs_in()
    {
        await using var server = await ServerProcess.StartAsync(withUsers: false);

        var match = PrintedPassword().Match(server.Output);
        Assert.True(match.Success, server.Output);
        var ok = await server.Http.PostAsJsonAsync("/api/auth/token", new { user = "admin", password = match.Groups[1].Value });
        var wrong = await server.Http.PostAsJsonAsync("/api/auth/token", new { user = "admin", password = "admin" });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Directory.Delete(server.DataPath, recursive: true);
    }

    [GeneratedRegex("Sign in as 'admin' with password (\\S+) ")]
    private static partial Regex PrintedPassword();
}
