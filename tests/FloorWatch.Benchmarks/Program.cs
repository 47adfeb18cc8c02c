using System.Reflection;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace FloorWatch.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/FloorWatch.Benchmarks -- --filter '*' [--job short]
/// Every option is BenchmarkDotNet's own (--filter, --job, --list flat, --help …).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        // BenchmarkDotNet rebuilds this project and the server in a child `dotnet build`, which reads
        // environment variables as MSBuild properties: the benchmarks need no web client (npm).
        Environment.SetEnvironmentVariable("SkipClientBuild", "true");

        // Results beside this project (git-ignored there), not in whatever folder the command was started from.
        var artifacts = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ArtifactsPath").Value!;
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.WithArtifactsPath(artifacts));
    }
}
