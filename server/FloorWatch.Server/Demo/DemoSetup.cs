using System.Security.Cryptography;
using FloorWatch.Server.Options;
using FloorWatch.Simulator;

namespace FloorWatch.Server.Demo;

/// <summary>
/// Registers the demo switch. With no CTI key configured the demo makes one for this run, and
/// unless configuration says otherwise the demo center and its queues get readable names.
/// </summary>
public static class DemoSetup
{
    public static IHostApplicationBuilder AddFloorWatchDemo(this IHostApplicationBuilder builder, FloorWatchOptions options)
    {
        if (!options.Demo)
        {
            return builder;
        }

        if (string.IsNullOrEmpty(options.Cti.ApiKey))
        {
            var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
            builder.Services.PostConfigure<FloorWatchOptions>(o => o.Cti.ApiKey = string.IsNullOrEmpty(o.Cti.ApiKey) ? key : o.Cti.ApiKey);
        }

        builder.Services.PostConfigure<FloorWatchOptions>(o => o.Centers.TryAdd(DemoSwitch.Center, new CenterSettingsOptions
        {
            Name = "Demo center",
            TimeZone = TimeZoneInfo.Local.Id,
            Queues = QueueProfile.Defaults.ToDictionary(q => q.Id, q => new QueueSettingsOptions { Name = q.Name }, StringComparer.Ordinal),
        }));
        builder.Services.AddHostedService<DemoSwitch>();
        return builder;
    }
}
