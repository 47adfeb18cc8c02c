using FloorWatch.Contracts.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace FloorWatch.Grains.Tests;

/// <summary>A silo whose clock (grain timers included) is a <see cref="FakeTimeProvider"/> the push tests move by hand.</summary>
public sealed class PushClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-11-26T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private readonly TestSilo _silo = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            _silo.AddTo(silo.Services);
            silo.Services.AddSingleton<TimeProvider>(Time);
        });
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
public sealed class PushCluster : ICollectionFixture<PushClusterFixture>
{
    public const string Name = "push-cluster";
}
