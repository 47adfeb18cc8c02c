using FloorWatch.Contracts.Serialization;
using FloorWatch.Grains.Archive;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace FloorWatch.Grains.Tests;

/// <summary>What every test silo holds, as the server's silo does: the domain's serialization and an interval archive in a folder of its own.</summary>
public sealed class TestSilo
{
    public string ArchiveFolder { get; } = Path.Combine(Path.GetTempPath(), "floorwatch-grain-tests-" + Guid.NewGuid().ToString("N"));

    public void AddTo(IServiceCollection services)
    {
        services.AddSerializer(s => s.AddFloorWatchDomainTypes());
        services.AddIntervalArchive(ArchiveFolder);
    }

    public void DeleteArchive()
    {
        if (Directory.Exists(ArchiveFolder))
        {
            Directory.Delete(ArchiveFolder, recursive: true);
        }
    }
}
