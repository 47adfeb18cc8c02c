namespace FloorWatch.Server.Tests;

/// <summary><c>FloorWatch__Demo=true</c>: the built-in switch runs a center over the server's own CTI link.</summary>
public class DemoSwitchTests
{
    [Fact]
    public async Task With_the_demo_switch_a_viewer_sees_a_floor_that_moves()
    {
        await using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string> { ["FloorWatch__Demo"] = "true" });
        using var api = await server.SignIn("admin");

        // The demo center exists from configuration at once; its agents log in over the first seconds.
        await using var viewer = await HubViewer.ConnectAsync(server, await server.Token("admin"));
        var snapshot = await viewer.JoinAsync("demo");
        Assert.Equal("Demo center", snapshot["name"]!.GetValue<string>());
        await viewer.UntilAsync(v => v.Agents.Values.Count(a => a["state"]!.GetValue<string>() != "loggedout") >= 10 && v.Applied.Any(d => d["newestEventTs"] is not null));

        Assert.Equal(["billing", "sales", "tech", "vip"], viewer.Queues.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Billing", viewer.Queues["billing"]["name"]!.GetValue<string>());
        Assert.Equal("up", viewer.Feed!["status"]!.GetValue<string>());
        Assert.Contains("FloorWatch is running with the demo switch", server.Output, StringComparison.Ordinal);
    }
}
