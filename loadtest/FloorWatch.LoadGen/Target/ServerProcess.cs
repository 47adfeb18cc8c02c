using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using FloorWatch.LoadGen.Options;

namespace FloorWatch.LoadGen.Target;

/// <summary>
/// A FloorWatch server build started as a child process, as a user would run it: free ports, a
/// temporary data folder, its own CTI key and one user who may do everything, the push cadence of
/// the run. Its output goes to a log file in the data folder; the start is awaited on its
/// "Application started" and "Ready" (journal replayed) lines.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly bool _keepData;

    private ServerProcess(Process process, StreamWriter log, string dataPath, bool keepData, TargetServer target)
    {
        _process = process;
        _log = log;
        DataPath = dataPath;
        _keepData = keepData;
        Target = target;
    }

    public TargetServer Target { get; }

    public string DataPath { get; }

    public string LogPath => Path.Combine(DataPath, "server.log");

    public static async Task<ServerProcess> StartAsync(LoadOptions o, CancellationToken ct)
    {
        var dll = o.ServerDll!;
        var dataPath = Path.Combine(Path.GetTempPath(), "floorwatch-loadgen-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataPath);
        var (http, tcp, silo, gateway) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        var key = o.CtiKey ?? "loadgen-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var password = o.Password ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var url = new Uri($"http://127.0.0.1:{http}");

        var psi = new ProcessStartInfo("dotnet", [dll, "--urls", url.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        var env = new Dictionary<string, string>
        {
            ["FloorWatch__DataPath"] = dataPath,
            ["FloorWatch__Cti__ApiKey"] = key,
            ["FloorWatch__Cti__TcpPort"] = Text(tcp),
            ["FloorWatch__Silo__Port"] = Text(silo),
            ["FloorWatch__Silo__GatewayPort"] = Text(gateway),
            ["FloorWatch__PushIntervalMs"] = Text(o.PushMs),
            ["FloorWatch__Users__0__Name"] = o.User,
            ["FloorWatch__Users__0__Password"] = password,
            ["FloorWatch__Users__0__Roles__0"] = "admin",
            ["FloorWatch__Users__0__Roles__1"] = "supervisor",
            ["FloorWatch__Users__0__Roles__2"] = "wallboard",
            ["FloorWatch__Users__0__Centers__0"] = "*",

            // The viewers sign in as what they stand for, so the server sends each the deltas its role gets.
            ["FloorWatch__Users__1__Name"] = o.WallboardUser ?? o.User + "-wallboard",
            ["FloorWatch__Users__1__Password"] = password,
            ["FloorWatch__Users__1__Roles__0"] = "wallboard",
            ["FloorWatch__Users__1__Centers__0"] = "*",
            ["FloorWatch__Users__2__Name"] = o.SupervisorUser ?? o.User + "-supervisor",
            ["FloorWatch__Users__2__Password"] = password,
            ["FloorWatch__Users__2__Roles__0"] = "supervisor",
            ["FloorWatch__Users__2__Centers__0"] = "*",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        var log = new StreamWriter(Path.Combine(dataPath, "server.log")) { AutoFlush = true };
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hostStarted = false;
        var replayed = false;
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (log)
            {
                log.WriteLine(line);

                // Listening, and the journal replayed: the order of the two depends on the journal's length.
                hostStarted |= line.Contains("Application started", StringComparison.Ordinal);
                replayed |= line.Contains("Ready: the journal is replayed", StringComparison.Ordinal);
                if (hostStarted && replayed)
                {
                    started.TrySetResult();
                }
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => started.TrySetException(new LoadException($"the server exited during start (code {process.ExitCode}); its output is in {Path.Combine(dataPath, "server.log")}"));
        if (!process.Start())
        {
            throw new LoadException($"could not start 'dotnet {dll}'");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, log, dataPath, o.KeepData, new TargetServer(url, "127.0.0.1", tcp, key, o.User, password, process.Id)
        {
            WallboardUser = o.WallboardUser ?? o.User + "-wallboard",
            SupervisorUser = o.SupervisorUser ?? o.User + "-supervisor",
        });
        try
        {
            await started.Task.WaitAsync(StartTimeout, ct);
        }
        catch (TimeoutException)
        {
            await server.DisposeAsync();
            throw new LoadException($"the server did not say \"Application started\" and \"Ready\" within {StartTimeout.TotalSeconds} s; its output is in {server.LogPath}");
        }

        return server;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the server wrote, to show why it failed.</summary>
    public string Tail(int lines)
    {
        lock (_log)
        {
            _log.Flush();
            using var read = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(read);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
        }
    }

    /// <summary>Stops the server as a service manager would (SIGTERM, then a kill after a grace period) and removes its data unless kept.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", Text(_process.Id)]))
            {
                await term.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(StopGrace);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }

        if (!_keepData)
        {
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is no failure of the run.
            }
        }
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
