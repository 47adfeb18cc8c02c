using Microsoft.Extensions.DependencyInjection;

namespace FloorWatch.Grains.Archive;

public static class ArchiveSetup
{
    /// <summary>Past intervals go to files under <paramref name="folder"/>, which is emptied at start.</summary>
    public static IServiceCollection AddIntervalArchive(this IServiceCollection services, string folder)
    {
        services.Configure<IntervalArchiveOptions>(o => o.Folder = folder);
        services.AddSingleton<IIntervalArchive, FileIntervalArchive>();
        return services;
    }
}
