using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FloorWatch.LoadGen.Bare;

/// <summary>
/// This machine's raw SignalR fan-out: a tiny Kestrel hub in this process broadcasting a small
/// message to K local clients as fast as it can; the answer is messages received per second over
/// all clients — the ceiling FloorWatch's deltas per second are read against.
/// </summary>
internal static class SignalRBaseline
{
    private static readonly string Text = new('x', 40);

    /// <summary>Bytes of one broadcast message on the wire (the JSON hub protocol's framing included).</summary>
    public static int MessageBytes { get; } = new JsonHubProtocol()
        .GetMessageBytes(new InvocationMessage("m", [new BareMessage(123_456, DateTimeOffset.UtcNow, Text)])).Length;

    public static async Task<double> MeasureAsync(int clients, TimeSpan length, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR();
        await using var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<BareHub>("/bare");
        await app.StartAsync(ct);
        var address = new Uri(app.Urls.First());

        long received = 0;
        var connections = new List<HubConnection>();
        try
        {
            foreach (var batch in Enumerable.Range(0, clients).Chunk(32))
            {
                await Task.WhenAll(batch.Select(async _ =>
                {
                    var c = new HubConnectionBuilder()
                        .WithUrl(new Uri(address, "/bare"), o =>
                        {
                            o.Transports = HttpTransportType.WebSockets;
                            o.SkipNegotiation = true;
                        })
                        .Build();
                    c.On<BareMessage>("m", _ => Interlocked.Increment(ref received));
                    await c.StartAsync(ct);
                    lock (connections)
                    {
                        connections.Add(c);
                    }
                }));
            }

            var hub = app.Services.GetRequiredService<IHubContext<BareHub>>();
            using var stop = new CancellationTokenSource();

            // One broadcaster, as FloorWatch sends one delta at a time per center; each send waits while the clients' buffers are full.
            var broadcaster = Task.Run(async () =>
            {
                for (long i = 0; !stop.IsCancellationRequested; i++)
                {
                    await hub.Clients.All.SendAsync("m", new BareMessage(i, DateTimeOffset.UtcNow, Text), CancellationToken.None);
                }
            }, CancellationToken.None);

            // Warm-up: until the JIT has compiled the send and receive paths at their top tier, they run slower.
            var best = await Throughput.BestAsync(() => Interlocked.Read(ref received), TimeSpan.FromSeconds(1.5), length, ct);
            await stop.CancelAsync();
            await broadcaster;
            return best;
        }
        finally
        {
            foreach (var c in connections)
            {
                await c.DisposeAsync();
            }

            await app.StopAsync(CancellationToken.None);
        }
    }
}
