using FloorWatch.Server.Hosting;

namespace FloorWatch.Server.Tests;

/// <summary>The server sizes the shared array pool for its viewers' pipes, unless the operator already did.</summary>
public class SharedArrayPoolSizeTests
{
    [Fact]
    public void The_pool_is_sized_unless_the_environment_already_sizes_it()
    {
        var before = Environment.GetEnvironmentVariable(SharedArrayPoolSize.Variable);
        try
        {
            Environment.SetEnvironmentVariable(SharedArrayPoolSize.Variable, null);
            SharedArrayPoolSize.Apply();
            Assert.Equal("4096", Environment.GetEnvironmentVariable(SharedArrayPoolSize.Variable));

            Environment.SetEnvironmentVariable(SharedArrayPoolSize.Variable, "64");
            SharedArrayPoolSize.Apply();
            Assert.Equal("64", Environment.GetEnvironmentVariable(SharedArrayPoolSize.Variable));
        }
        finally
        {
            Environment.SetEnvironmentVariable(SharedArrayPoolSize.Variable, before);
        }
    }
}
