using FloorWatch.Server.Demo;
using FloorWatch.Server.Options;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace FloorWatch.Server.Hosting;

/// <summary>Once listening, says where to point a browser, so a newcomer need not guess the pages.</summary>
public static class StartupBanner
{
    public static void LogWhereToLook(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (address is null)
            {
                return;
            }

            var options = app.Services.GetRequiredService<IOptions<FloorWatchOptions>>().Value;
            if (options.Demo)
            {
                app.Logger.LogInformation(
                    "FloorWatch is running with the demo switch: open {Address}/ and sign in; the demo floor is {Address}/wallboard/{Center}, {Address}/supervisor/{Center} and {Address}/quality/{Center}",
                    address, address, DemoSwitch.Center, address, DemoSwitch.Center, address, DemoSwitch.Center);
            }
            else
            {
                app.Logger.LogInformation("FloorWatch is running: open {Address}/ and sign in; switches send events to {Address}/api/cti/events or the TCP CTI link", address, address);
            }
        });
    }
}
