using FloorWatch.LoadGen.Target;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FloorWatch.LoadGen.Bare;

/// <summary>
/// This machine's raw Orleans grain calls per second: a silo in this process (localhost clustering,
/// as FloorWatch's embedded default), a thousand <see cref="BareGrain"/>s and many concurrent callers.
/// No FloorWatch code is involved, so FloorWatch's rate can be read against it.
/// </summary>
internal static class OrleansBaseline
{
    private const int Grains = 1000;
    private const int Callers = 64;

    public static async Task<double> MeasureAsync(TimeSpan length, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePorts.Next(), FreePorts.Next()));
        using var host = builder.Build();
        await host.StartAsync(ct);
        try
        {
            var factory = host.Services.GetRequiredService<IGrainFactory>();
            var grains = Enumerable.Range(0, Grains).Select(i => factory.GetGrain<IBareGrain>(i)).ToArray();
            // A long warm-up: until the JIT has compiled the call path at its top tier, the first second runs at half speed.
            return await Throughput.MeasureAsync(Callers, TimeSpan.FromSeconds(1.5), length, (w, i) => grains[(int)((w * 7919 + i) % Grains)].Ping((int)i));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
