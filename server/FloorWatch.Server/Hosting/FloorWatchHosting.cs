using FloorWatch.Server.Agents;
using FloorWatch.Server.Alerts;
using FloorWatch.Server.Api;
using FloorWatch.Server.Audit;
using FloorWatch.Server.Auth;
using FloorWatch.Server.Breaks;
using FloorWatch.Server.Centers;
using FloorWatch.Server.Commands;
using FloorWatch.Server.Demo;
using FloorWatch.Server.Health;
using FloorWatch.Server.Ingest;
using FloorWatch.Server.Journal;
using FloorWatch.Server.Options;
using FloorWatch.Server.Pages;
using FloorWatch.Server.Push;
using FloorWatch.Server.Staffing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FloorWatch.Server.Hosting;

/// <summary>Registers every part of the server and maps its endpoints.</summary>
public static class FloorWatchHosting
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Settings files and the web client are found beside the server, whatever the working directory; the data folder stays relative to it.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory, WebRootPath = ClientPages.WebRoot });

    public static WebApplicationBuilder AddFloorWatch(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        else
        {
            CheckUrls(builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"]!);
        }

        builder.Services.AddOptions<FloorWatchOptions>()
            .Bind(builder.Configuration.GetSection(FloorWatchOptions.Section));
        // Checked again once resolved, as the demo adds its center's settings after binding.
        builder.Services.AddSingleton<IValidateOptions<FloorWatchOptions>, FloorWatchOptionsValidator>();
        var options = BindOptions(builder.Configuration);
        DataFolder.Prepare(options.DataPath);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxIngestBytes);

        builder.Services.AddSingleton(TimeProvider.System);
        // Before the journal: hosted services start in this order, and the replay at start applies to the silo's grains.
        builder.AddFloorWatchSilo(options);
        builder.Services.AddSingleton<CenterRegistry>();
        builder.Services.AddSingleton<CenterDispatcher>();
        builder.Services.AddSingleton<IngestPipeline>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IngestPipeline>());
        builder.Services.AddSingleton<FeedStatus>();
        builder.Services.AddSingleton<CtiKey>();
        builder.Services.AddSingleton<CtiLinks>();
        builder.Services.AddSingleton<QueueLogIntake>();
        builder.Services.AddHostedService<QueueLogFollower>();
        builder.Services.AddHostedService<CtiLinkServer>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<CenterReader>();
        builder.Services.AddSingleton<IBreakDesk, BreakDesk>();
        builder.Services.AddSingleton<AgentMessages>();
        builder.Services.AddSingleton<AgentSelf>();
        builder.Services.AddHostedService<FeedWatch>();
        builder.Services.ConfigureHttpJsonOptions(o => JournalJson.Configure(o.SerializerOptions));
        builder.AddFloorWatchAuth(options);
        builder.AddFloorWatchPush(options);
        builder.AddFloorWatchCommands();

        // Last, so it stops first: the demo ends its calls over the link before the link closes.
        builder.AddFloorWatchDemo(options);
        return builder;
    }

    /// <summary>Kestrel would refuse a malformed address only once the silo had started, with a stack trace.</summary>
    private static void CheckUrls(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                throw new OptionsValidationException("urls", typeof(string), [$"--urls: '{url}' is not an address to listen on (e.g. http://127.0.0.1:5080; several are separated by ;)"]);
            }
        }
    }

    /// <summary>
    /// The settings as given, checked before any part is built from them (the silo takes its ports
    /// here): a value out of range or not of its setting's type is a configuration error, not a crash.
    /// </summary>
    private static FloorWatchOptions BindOptions(ConfigurationManager configuration)
    {
        FloorWatchOptions options;
        try
        {
            options = configuration.GetSection(FloorWatchOptions.Section).Get<FloorWatchOptions>() ?? new FloorWatchOptions();
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key and the type: "Failed to convert configuration value at 'FloorWatch:PushIntervalMs' to type 'System.Int32'."
            throw new OptionsValidationException(FloorWatchOptions.Section, typeof(FloorWatchOptions), [ex.Message]);
        }

        var result = new FloorWatchOptionsValidator().Validate(null, options);
        return result.Failed ? throw new OptionsValidationException(FloorWatchOptions.Section, typeof(FloorWatchOptions), result.Failures) : options;
    }

    public static WebApplication MapFloorWatch(this WebApplication app)
    {
        // Built now, not at the first sign-in, so a generated admin password is printed at start.
        app.Services.GetRequiredService<UserStore>();
        app.UseClientFiles();
        app.UseReplayGate();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthEndpoints();
        app.MapAuthEndpoints();
        app.MapIngestEndpoints();
        app.MapQueueLogEndpoints();
        app.MapReadEndpoints();
        app.MapSettingsEndpoints();
        app.MapAlertEndpoints();
        app.MapBreakEndpoints();
        app.MapAgentEndpoints();
        app.MapCommandEndpoints();
        app.MapStaffingEndpoints();
        app.MapFloorWatchPush();
        app.MapClientPages();
        app.LogWhereToLook();
        return app;
    }
}
