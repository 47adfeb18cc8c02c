using FloorWatch.Contracts.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace FloorWatch.Grains.Tests;

/// <summary>One in-process Orleans silo with FloorWatch's grains and serialization, shared by the grain tests.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly TestSilo _silo = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public string ArchiveFolder => _silo.ArchiveFolder;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) => _silo.AddTo(silo.Services));
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddFloorWatchDomainTypes()));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _silo.DeleteArchive();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedCluster : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
