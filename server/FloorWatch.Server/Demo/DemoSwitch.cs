using System.Net;
using FloorWatch.Server.Options;
using FloorWatch.Simulator;
using Microsoft.Extensions.Options;

namespace FloorWatch.Server.Demo;

/// <summary>
/// <c>FloorWatch__Demo=true</c>: the switch simulator of <c>loadtest/</c> runs a center against this
/// server's own TCP CTI link, as any switch would, so a newcomer sees a moving floor at once. It is
/// stopped before the link, so it can end its calls and log its agents out.
/// </summary>
public sealed class DemoSwitch(IOptions<FloorWatchOptions> options, IHostApplicationLifetime lifetime, TimeProvider time, ILoggerFactory logs) : BackgroundService
{
    public const string Center = "demo";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Demo)
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var simulator = new SwitchSimulator(
            new SimulatorOptions { Host = LinkHost(o.Cti.TcpAddress), Port = o.Cti.TcpPort, ApiKey = o.Cti.ApiKey!, Center = Center },
            time,
            logs.CreateLogger("FloorWatch.Demo"));
        await simulator.RunAsync(stoppingToken);
    }

    /// <summary>A link bound to every address is reached on loopback.</summary>
    private static string LinkHost(string address) =>
        IPAddress.TryParse(address, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)) ? "127.0.0.1" : address;
}
