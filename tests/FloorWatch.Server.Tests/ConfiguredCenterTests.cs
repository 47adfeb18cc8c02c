using System.Text.Json.Nodes;

namespace FloorWatch.Server.Tests;

/// <summary>A center given in configuration is there as configured from the start, before its switch has sent anything.</summary>
public class ConfiguredCenterTests
{
    [Fact]
    public async Task Before_any_event_its_snapshot_has_its_configured_name_and_queues()
    {
        await using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["FloorWatch__Centers__north__Name"] = "North floor",
            ["FloorWatch__Centers__north__Queues__care__Name"] = "Customer care",
        });

        await using var viewer = await HubViewer.ConnectAsync(server, await server.Token("admin"));
        var snapshot = await viewer.JoinAsync("north");
        using var api = await server.SignIn("admin");
        var read = JsonNode.Parse(await api.GetStringAsync("/api/centers/north/snapshot"))!;

        Assert.Equal("North floor", snapshot["name"]!.GetValue<string>());
        Assert.Equal("Customer care", viewer.Queues["care"]["name"]!.GetValue<string>());
        Assert.Equal("North floor", read["name"]!.GetValue<string>());
    }
}
