namespace FloorWatch.Server.Tests;

/// <summary>A server for the command tests: the usual users, a quality inspector of acme, and quality staff limited to listening.</summary>
public sealed class CommandServerFixture : IAsyncLifetime
{
    public ServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ServerProcess.StartAsync(settings: new Dictionary<string, string>
    {
        ["FloorWatch__Users__5__Name"] = "qa-acme",
        ["FloorWatch__Users__5__Password"] = "qa-acme-pw",
        ["FloorWatch__Users__5__Roles__0"] = "quality",
        ["FloorWatch__Users__5__Centers__0"] = "acme",
        ["FloorWatch__Monitor__Modes__quality__0"] = "listen",
    });

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(Server.DataPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
