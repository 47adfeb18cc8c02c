using FloorWatch.Grains.Push;
using FloorWatch.Server.Journal;
using FloorWatch.Server.Options;

namespace FloorWatch.Server.Push;

/// <summary>Live push: the SignalR hub, this node's observer of the centers, and the centers' push cadence.</summary>
public static class PushSetup
{
    public static IHostApplicationBuilder AddFloorWatchPush(this IHostApplicationBuilder builder, FloorWatchOptions options)
    {
        builder.Services.AddSignalR().AddJsonProtocol(o => JournalJson.Configure(o.PayloadSerializerOptions));
        builder.Services.AddSingleton<Microsoft.AspNetCore.SignalR.IUserIdProvider, NameUserIdProvider>();
        builder.Services.Configure<PushOptions>(o => o.Interval = TimeSpan.FromMilliseconds(options.PushIntervalMs));
        builder.Services.AddSingleton<FloorPublisher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FloorPublisher>());
        builder.Services.AddSingleton<FloorViewers>();
        return builder;
    }

    public static void MapFloorWatchPush(this IEndpointRouteBuilder app) => app.MapHub<FloorHub>(FloorHub.Path);
}
