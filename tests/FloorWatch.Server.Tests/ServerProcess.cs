using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FloorWatch.Tests.Support;

namespace FloorWatch.Server.Tests;

/// <summary>
/// The real server, run as its own process on Kestrel with free ports and its own data folder, as a
/// user would run it. Start-up is awaited on the server's own "Application started" line.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string CtiKey = "test-cti-key";
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _replayed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process, string dataPath, int httpPort, int tcpPort)
    {
        _process = process;
        DataPath = dataPath;
        TcpPort = tcpPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
    }

    public string DataPath { get; }
    public int TcpPort { get; }
    public HttpClient Http { get; }
    public string Output { get { lock (_output) { return _output.ToString(); } } }

    /// <summary>Completes once the server said its journal is replayed and new events are taken.</summary>
    public Task Replayed => _replayed.Task;

    public static string NewDataPath() => Path.Combine(Path.GetTempPath(), "floorwatch-test-" + Guid.NewGuid().ToString("N"));

    /// <summary>Starts the server; completes once it listens and, unless <paramref name="untilReplayed"/> is false, has replayed its journal.</summary>
    public static async Task<ServerProcess> StartAsync(string? dataPath = null, bool withUsers = true, IReadOnlyDictionary<string, string>? settings = null, bool untilReplayed = true)
    {
        dataPath ??= NewDataPath();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(dataPath, withUsers, settings, untilReplayed);
            }
            catch (PortTakenException) when (attempt < 3)
            {
                // Another process took a port between its choice and the server's bind: choose again.
            }
        }
    }

    private static async Task<ServerProcess> StartOnceAsync(string dataPath, bool withUsers, IReadOnlyDictionary<string, string>? settings, bool untilReplayed)
    {
        var ports = FreePorts(4);
        var (http, tcp) = (ports[0], ports[1]);
        var psi = StartInfo(dataPath, $"http://127.0.0.1:{http}", ports, withUsers, settings);
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var server = new ServerProcess(process, dataPath, http, tcp);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hostStarted = false;
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (server._output)
            {
                server._output.AppendLine(line);

                // Listening, and the journal replayed: the order of the two depends on the journal's length.
                hostStarted |= line.Contains("Application started", StringComparison.Ordinal);
                if (line.Contains("Ready: the journal is replayed", StringComparison.Ordinal))
                {
                    server._replayed.TrySetResult();
                }

                if (hostStarted && (server.Replayed.IsCompleted || !untilReplayed))
                {
                    started.TrySetResult();
                }
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => started.TrySetException(server.Output.Contains("address already in use", StringComparison.Ordinal)
            ? new PortTakenException("the server could not bind its ports:\n" + server.Output)
            : new InvalidOperationException("the server exited during start:\n" + server.Output));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(90));
        return server;
    }

    /// <summary>Runs the server until it exits by itself, as it does when it refuses to start: its exit code and what it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(IReadOnlyDictionary<string, string> settings, string? urls = null)
    {
        var ports = FreePorts(4);
        var psi = StartInfo(NewDataPath(), urls ?? $"http://127.0.0.1:{ports[0]}", ports, withUsers: true, settings);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The server's command line and environment: free ports, its own data folder, the test users, then <paramref name="settings"/> over them.</summary>
    private static ProcessStartInfo StartInfo(string dataPath, string urls, int[] ports, bool withUsers, IReadOnlyDictionary<string, string>? settings)
    {
        var (tcp, silo, gateway) = (ports[1], ports[2], ports[3]);
        var dll = ServerDll();
        var psi = new ProcessStartInfo("dotnet", [dll, "--urls", urls])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        var env = new Dictionary<string, string>
        {
            ["FloorWatch__DataPath"] = dataPath,
            ["FloorWatch__Cti__ApiKey"] = CtiKey,
            ["FloorWatch__Cti__TcpPort"] = tcp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FloorWatch__Silo__Port"] = silo.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FloorWatch__Silo__GatewayPort"] = gateway.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        if (withUsers)
        {
            AddUser(env, 0, "admin", Roles("admin", "supervisor"), "*");
            AddUser(env, 1, "wall-acme", Roles("wallboard"), "acme");
            AddUser(env, 2, "sup-acme", Roles("supervisor"), "acme");
            AddUser(env, 3, "cti-acme", Roles("cti"), "acme");
            AddUser(env, 4, "agent-acme", Roles("agent"), "acme");
        }

        foreach (var (k, v) in settings ?? new Dictionary<string, string>())
        {
            env[k] = v;
        }

        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        return psi;
    }

    private static string[] Roles(params string[] roles) => roles;

    private static void AddUser(Dictionary<string, string> env, int i, string name, string[] roles, string center)
    {
        env[$"FloorWatch__Users__{i}__Name"] = name;
        env[$"FloorWatch__Users__{i}__Password"] = name + "-pw";
        for (var r = 0; r < roles.Length; r++)
        {
            env[$"FloorWatch__Users__{i}__Roles__{r}"] = roles[r];
        }

        env[$"FloorWatch__Users__{i}__Centers__0"] = center;
    }

    /// <summary>
    /// Distinct free ports below the kernel's range of ephemeral ports (32768 and up on Linux), from
    /// which a port 0 listener would get one: the outgoing connections of tests running beside this one
    /// draw from that range, and one took such a port before the server could bind it.
    /// </summary>
    private static int[] FreePorts(int count)
    {
        var held = new List<TcpListener>();
        try
        {
            while (held.Count < count)
            {
                var listener = new TcpListener(IPAddress.Loopback, Random.Shared.Next(20_000, 32_000));
                try
                {
                    listener.Start();
                    held.Add(listener);
                }
                catch (SocketException)
                {
                    listener.Dispose();
                }
            }

            return [.. held.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in held)
            {
                listener.Dispose();
            }
        }
    }

    private sealed class PortTakenException(string message) : Exception(message);

    private static string ServerDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(ExpectedFigures.RepositoryRoot(), "server", "FloorWatch.Server", "bin", configuration, "net10.0", "FloorWatch.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build the server first", dll);
    }

    /// <summary>A client signed in as <paramref name="user"/> (password: user + "-pw").</summary>
    public async Task<HttpClient> SignIn(string user)
    {
        var token = await Token(user);
        var client = new HttpClient { BaseAddress = Http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A bearer token for <paramref name="user"/> (password: user + "-pw").</summary>
    public async Task<string> Token(string user)
    {
        var answer = await Http.PostAsJsonAsync("/api/auth/token", new { user, password = user + "-pw" });
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>Posts CTI events with the key; answers the parsed reply.</summary>
    public async Task<JsonElement> PostEvents(string body, string contentType = "application/x-ndjson")
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cti/events") { Content = content };
        request.Headers.Add("X-Api-Key", CtiKey);
        var answer = await Http.SendAsync(request);
        Assert.True(answer.IsSuccessStatusCode, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Posts a queue_log file's text to the import, with the CTI key; the answer as it came.</summary>
    public async Task<HttpResponseMessage> PostQueueLog(string query, string text)
    {
        using var content = new StringContent(text, Encoding.UTF8, "text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cti/queue-log" + query) { Content = content };
        request.Headers.Add("X-Api-Key", CtiKey);
        return await Http.SendAsync(request);
    }

    /// <summary>Ends the process at once, as kill -9 would: nothing is flushed or shut down.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
