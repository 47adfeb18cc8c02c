using System.Net;
using System.Net.Sockets;

namespace FloorWatch.Server.Tests;

/// <summary>
/// A start the server refuses ends with exit code 2 and a message that names the setting or the
/// address and says what to do, never an unhandled exception (the real process, as a user runs it).
/// </summary>
public class StartupErrorTests
{
    public static TheoryData<string, string, string> Settings => new()
    {
        { "FloorWatch__Demo", "true", "FloorWatch:Demo needs the TCP CTI link" },
        { "FloorWatch__Redis", "127.0.0.1:6379", "FloorWatch:Redis: this version runs on its embedded default only" },
        { "FloorWatch__PushIntervalMs", "fast", "Failed to convert configuration value 'fast' at 'FloorWatch:PushIntervalMs'" },
        { "FloorWatch__PushIntervalMs", "5", "FloorWatch:PushIntervalMs: The field PushIntervalMs must be between 10 and 60000." },
        { "FloorWatch__Silo__Port", "70000", "FloorWatch:Silo:Port: The field Port must be between 1 and 65535." },
        { "FloorWatch__Cti__TcpAddress", "localhost", "FloorWatch:Cti:TcpAddress: 'localhost' is not an IP address" },
        { "FloorWatch__DataPath", " ", "FloorWatch:DataPath: The DataPath field is required." },
        { "FloorWatch__Auth__Authority", "http://127.0.0.1:9/realms/floor", "FloorWatch:Auth:Authority: 'http://127.0.0.1:9/realms/floor' is not https" },
        { "FloorWatch__Auth__Authority", "sso.example.com", "FloorWatch:Auth:Authority: 'sso.example.com' is not an http(s) URL" },
        { "FloorWatch__Auth__ClientId", "pages", "FloorWatch:Auth:Audience and FloorWatch:Auth:ClientId belong to an OpenID Connect authority" },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task A_setting_that_cannot_be_used_is_named_and_the_start_refused(string key, string value, string message)
    {
        var settings = new Dictionary<string, string> { [key] = value };
        if (key == "FloorWatch__Demo")
        {
            settings["FloorWatch__Cti__TcpPort"] = "0";
        }

        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(settings);

        Assert.Equal(2, exitCode);
        Assert.Contains("FloorWatch cannot start: its configuration is not valid.", output, StringComparison.Ordinal);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_folder_that_is_a_file_is_named()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (exitCode, output) = await ServerProcess.RunUntilExitAsync(new Dictionary<string, string> { ["FloorWatch__DataPath"] = file });

            Assert.Equal(2, exitCode);
            Assert.Contains($"FloorWatch:DataPath: '{file}' cannot be the data folder", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_http_address_in_use_is_named()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";

        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(new Dictionary<string, string>(), url);

        Assert.Equal(2, exitCode);
        Assert.Contains($"FloorWatch cannot start: Failed to bind to address {url}: address already in use.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_port_in_use_is_named()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(new Dictionary<string, string> { ["FloorWatch__Silo__Port"] = port });

        Assert.Equal(2, exitCode);
        Assert.Contains("a port of its embedded silo is taken (address already in use)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_address_is_named()
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(new Dictionary<string, string>(), "127.0.0.1;5080");

        Assert.Equal(2, exitCode);
        Assert.Contains("--urls: '127.0.0.1' is not an address to listen on", output, StringComparison.Ordinal);
    }
}
