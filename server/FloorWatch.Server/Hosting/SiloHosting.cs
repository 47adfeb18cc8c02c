using FloorWatch.Contracts.Serialization;
using FloorWatch.Grains.Archive;
using FloorWatch.Server.Options;
using Orleans.Serialization;

namespace FloorWatch.Server.Hosting;

/// <summary>The embedded default: a silo in this process with localhost clustering.</summary>
public static class SiloHosting
{
    public static IHostApplicationBuilder AddFloorWatchSilo(this IHostApplicationBuilder builder, FloorWatchOptions options)
    {
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.Silo.Port, options.Silo.GatewayPort);
            silo.Services.AddSerializer(s => s.AddFloorWatchDomainTypes());
            silo.Services.AddIntervalArchive(Path.Combine(options.DataPath, "intervals"));
        });
        return builder;
    }
}
