using FloorWatch.Server.Journal;

namespace FloorWatch.Server.Commands;

/// <summary>Supervisor commands: the desk that carries them out, the tracker that sees them through, and who is told.</summary>
public static class CommandsSetup
{
    public static IHostApplicationBuilder AddFloorWatchCommands(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CommandStore>();
        builder.Services.AddSingleton<CommandTracker>();
        builder.Services.AddSingleton<IEventWatcher>(sp => sp.GetRequiredService<CommandTracker>());
        builder.Services.AddSingleton<CommandDesk>();
        builder.Services.AddHostedService<CommandResults>();
        return builder;
    }
}
