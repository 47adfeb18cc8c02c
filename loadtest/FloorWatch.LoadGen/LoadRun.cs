using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using FloorWatch.LoadGen.Bare;
using FloorWatch.LoadGen.Checks;
using FloorWatch.LoadGen.Feeding;
using FloorWatch.LoadGen.Options;
using FloorWatch.LoadGen.Province;
using FloorWatch.LoadGen.Report;
using FloorWatch.LoadGen.Target;
using FloorWatch.LoadGen.Timing;
using FloorWatch.LoadGen.Viewers;

namespace FloorWatch.LoadGen;

/// <summary>
/// One run, in order: the bare limits (before the server starts), the server, the feeds (generated
/// before the clock starts, so the model's CPU is not taken from the server), each center's first
/// event, the viewers, the load on schedule, the drain, the count check, the report.
/// </summary>
internal sealed class LoadRun(LoadOptions o)
{
    private static readonly TimeSpan LastDeltaPatience = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions JsonOut = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<int> RunAsync(CancellationToken ct)
    {
        Log.Info($"FloorWatch load generator: {Fmt.Count(o.Centers, "center")}, {Fmt.Count(o.Agents, "agent")}, {Fmt.Count(o.Queues, "queue")}, {o.Rate} events/s for {o.DurationSeconds} s over {o.Transport.ToString().ToLowerInvariant()}, {Fmt.Count(o.Clients, "client")}; {Environment.ProcessorCount} cores, load average {MachineCpu.LoadAverage()}");
        var bare = await MeasureBareAsync(ct);

        await using var spawned = o.SpawnsServer ? await StartServerAsync(ct) : null;
        var target = spawned?.Target ?? new TargetServer(o.Url!, o.Url!.Host, o.CtiPort, o.CtiKey!, o.User, o.Password!, o.ServerPid)
        {
            WallboardUser = o.WallboardUser ?? o.User,
            SupervisorUser = o.SupervisorUser ?? o.User,
        };
        try
        {
            var result = await LoadAsync(target, bare, ct);
            Console.WriteLine();
            Console.Write(ResultTable.Format(result));
            if (o.Out is { } outPath)
            {
                await File.WriteAllTextAsync(outPath, JsonSerializer.Serialize(result, JsonOut), ct);
                Log.Info($"results written to {Path.GetFullPath(outPath)}");
            }

            return result.Check.MismatchCount == 0 && result.Feed.AllAckedAfterSeconds is not null ? 0 : 1;
        }
        catch (LoadException) when (spawned is not null)
        {
            Log.Info($"the server's last lines:\n{spawned.Tail(15)}");
            throw;
        }
    }

    private async Task<RunResult> LoadAsync(TargetServer target, BareResult bare, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadAverage = MachineCpu.LoadAverage();
        using var http = new HttpClient { BaseAddress = target.Http, Timeout = TimeSpan.FromMinutes(10) };
        var api = new ServerApi(http);
        var token = await api.TokenAsync(target.User, target.Password, ct);
        await using var serverSampler = target.Pid is { } pid ? new ProcessSampler(pid) : null;
        await using var selfSampler = new ProcessSampler(Environment.ProcessId);
        var idleRss = serverSampler?.RssBytes;

        var (feeds, generation) = Generate();
        foreach (var feed in feeds)
        {
            if (await api.ExistsAsync(token, feed.Center, ct))
            {
                throw new LoadException($"center {feed.Center} already exists on this server, so its counts could not be checked: give a new --center-prefix");
            }
        }

        // Every ts at or before now: each feed ends where the run's clock starts.
        var t0 = DateTimeOffset.UtcNow;
        t0 = new DateTimeOffset(t0.Ticks - (t0.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        feeds.ForEach(f => f.StampTimes(t0 - f.Span));

        var ackLatency = new LatencyRecorder();
        var senders = feeds.Select(f => o.Transport == Transport.Tcp
            ? (IFeedSender)new CtiLinkSender(f, target.CtiHost, target.CtiPort, target.CtiKey, ackLatency)
            : new HttpSender(f, http, target.CtiKey, ackLatency)).ToList();
        try
        {
            await Task.WhenAll(senders.Select(s => s.OpenAsync(ct)));
            Log.Info($"{Fmt.Count(feeds.Count, "center")} known to the server (first event of each acknowledged)");

            var warps = new TimeWarp?[feeds.Count];
            var index = feeds.Select((f, i) => (f.Center, i)).ToDictionary(x => x.Center, x => x.i, StringComparer.Ordinal);
            var stats = new ViewerStats();
            await using var viewers = await ViewerPool.StartAsync(o.Clients, [.. feeds.Select(f => f.Center)], target, api, o.FullParse, o.Rows, stats, c => Volatile.Read(ref warps[index[c]]), ct);
            var progress = senders.Select(s => s.Progress).ToList();
            Moment Now() => Moment.Take(progress, stats, serverSampler, selfSampler);

            // The load: every center on its own fast clock from the same instant.
            var realStart = DateTimeOffset.UtcNow.AddMilliseconds(200);
            var duration = TimeSpan.FromSeconds(o.DurationSeconds);
            for (var i = 0; i < feeds.Count; i++)
            {
                Volatile.Write(ref warps[i], new TimeWarp(feeds[i].SimStart, realStart, TimeWarp.SpeedUpFor(feeds[i].Span, duration)));
            }

            using var stopProgress = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var reporting = new ProgressReporter(progress, stats, serverSampler, selfSampler, realStart).RunAsync(stopProgress.Token);
            await Task.Delay(realStart - DateTimeOffset.UtcNow, ct);
            var start = Now();
            var othersAtStart = OtherProcesses.Look();
            var sending = Task.WhenAll(senders.Select((s, i) => s.RunAsync(warps[i]!, stopSending.Token)));
            var settling = Task.WhenAll(progress.Select(p => p.SettledAll));

            var warmUp = TimeSpan.FromSeconds(Math.Min(10, o.DurationSeconds / 3));
            await Task.Delay(realStart + warmUp - DateTimeOffset.UtcNow, ct);
            var warm = stats.Latency.Count;
            await Task.Delay(realStart + duration - DateTimeOffset.UtcNow, ct);
            var end = Now();
            var othersAtEnd = OtherProcesses.Look();
            var peakInRun = serverSampler?.PeakRssBytes;
            var unsettled = feeds.Sum(f => (long)f.Count) - end.Settled;
            Log.Info($"load sent for {o.DurationSeconds} s; waiting up to {o.DrainSeconds} s for the server to acknowledge the rest ({Fmt.N(unsettled)} events, {Fmt.N(end.Written - end.Settled)} of them written)");

            var drained = await Task.WhenAny(settling, Task.Delay(TimeSpan.FromSeconds(o.DrainSeconds), ct)) == settling;
            var drain = Now();
            if (!drained)
            {
                Log.Warn($"the server had not acknowledged {Fmt.N(feeds.Sum(f => (long)f.Count) - drain.Settled)} events after {o.DrainSeconds} s; stopping the feeds");
                await stopSending.CancelAsync();
                foreach (var s in senders)
                {
                    await s.DisposeAsync();
                }
            }

            await sending;
            var checks = await ProvinceCheck.RunAsync(api, token, feeds, progress, drained, ct);
            var applied = DateTimeOffset.UtcNow;
            Log.Info($"the server had applied everything {Fmt.Seconds((applied - drain.At).TotalSeconds)} after {(drained ? "the last acknowledgement" : "the feeds were stopped")}");

            // Only when every center has a viewer and was sent its whole feed can the viewers see its last event.
            double? lastDelta = drained && o.Clients >= feeds.Count ? await WaitLastDeltaAsync(feeds, stats, drain.At, ct) : null;
            var lastDeltaNote = lastDelta is not null ? null
                : !drained ? "not measured: the feeds were stopped before their end"
                : o.Clients < feeds.Count ? "not measured: some centers had no viewer"
                : $"not every center's viewers held its last event {LastDeltaPatience.TotalSeconds} s after the last acknowledgement";
            await stopProgress.CancelAsync();
            await reporting;

            var run = end.SecondsSince(start);
            return new RunResult
            {
                StartedAt = startedAt,
                Cores = Environment.ProcessorCount,
                Settings = new RunSettings(o.Centers, o.Agents, o.Queues, o.Rate, o.DurationSeconds, o.Transport.ToString().ToLowerInvariant(), o.Clients,
                    o.SpawnsServer ? o.PushMs : null, o.ServerDll ?? o.Url!.ToString(), o.Rows.ToString().ToLowerInvariant()),
                Feed = new FeedResult
                {
                    Events = feeds.Sum(f => (long)f.Count),
                    Bytes = feeds.Sum(f => f.Bytes),
                    GenerationSeconds = generation.TotalSeconds,
                    SimulatedHours = feeds.Average(f => f.Span.TotalHours),
                    SpeedUp = warps.Average(w => w!.SpeedUp),
                    FirstTs = feeds.Min(f => f.SimStart),
                    LastTs = feeds.Max(f => f.SimStart + f.Span),
                    Offered = end.Written - start.Written,
                    OfferedPerSecond = (end.Written - start.Written) / run,
                    AckedDuringRun = end.Acked - start.Acked,
                    AckedPerSecond = (end.Acked - start.Acked) / run,
                    Acked = drain.Acked,
                    Refused = progress.Sum(p => p.Refused),
                    Duplicates = progress.Sum(p => p.Duplicates),
                    AllAckedAfterSeconds = drained ? Math.Max(0, drain.SecondsSince(end)) : null,
                    SustainedAckedPerSecond = drained ? (drain.Acked - start.Acked) / drain.SecondsSince(start) : null,
                    SenderMaxLagSeconds = progress.Max(p => p.MaxLag).TotalSeconds,
                },
                EndToEndLatency = LatencyOf(stats.Latency.All()),
                SteadyLatency = LatencyOf(stats.Latency.Since(warm)),
                WarmUpSeconds = warmUp.TotalSeconds,
                WallboardLatency = LatencyOf(stats.WallboardLatency.All()),
                SupervisorLatency = LatencyOf(stats.SupervisorLatency.All()),
                AckLatency = LatencyOf(ackLatency.All()),
                Viewers = new ViewerResult
                {
                    Clients = o.Clients,
                    Wallboards = viewers.Viewers.Count(v => v.Kind == "wallboard"),
                    Supervisors = viewers.Viewers.Count(v => v.Kind == "supervisor"),
                    DeltasDuringRun = end.Deltas - start.Deltas,
                    DeltasPerSecond = (end.Deltas - start.Deltas) / run,
                    DeltasPerClientPerSecond = o.Clients == 0 ? 0 : (end.Deltas - start.Deltas) / run / o.Clients,
                    Deltas = stats.Deltas,
                    Snapshots = stats.Snapshots,
                    Gaps = stats.Gaps,
                    MissedSeqs = stats.MissedSeqs,
                    Duplicates = stats.Duplicates,
                    Rejoins = stats.Rejoins,
                    Errors = stats.ErrorCount,
                    LastDeltaAfterSeconds = lastDelta,
                    LastDeltaNote = lastDeltaNote,
                    WallboardDeltaBytes = o.FullParse || stats.Bytes.WallboardDeltas == 0 ? null : (double)stats.Bytes.Wallboard / stats.Bytes.WallboardDeltas,
                    SupervisorDeltaBytes = o.FullParse || stats.Bytes.SupervisorDeltas == 0 ? null : (double)stats.Bytes.Supervisor / stats.Bytes.SupervisorDeltas,
                    DeltaBytesPerSecond = o.FullParse ? null : (end.DeltaBytes - start.DeltaBytes) / run,
                },
                Server = new ServerResult
                {
                    Pid = target.Pid,
                    Sampled = serverSampler is { Available: true },
                    CpuPercentDuringRun = end.ServerCpuSince(start),
                    CpuPercentDuringDrain = drain.ServerCpuSince(end),
                    IdleRssBytes = idleRss,
                    PeakRssBytes = serverSampler?.PeakRssBytes ?? peakInRun,
                    EndRssBytes = serverSampler?.RssBytes,
                },
                LoadGeneratorCpuPercent = end.SelfCpuSince(start),
                Machine = new MachineResult(loadAverage, end.MachineCpuSince(start), end.InterruptCpuSince(start), end.OthersCpuSince(start), drain.OthersCpuSince(end),
                    OtherProcesses.Top(othersAtStart, othersAtEnd, run, new HashSet<int> { Environment.ProcessId, target.Pid ?? -1 })),
                Check = ProvinceCheck.Summary(checks, drained),
                Bare = bare with
                {
                    EventsShareOfOrleans = bare.OrleansCallsPerSecond is { } calls ? (end.Acked - start.Acked) / run / calls * 100 : null,
                    DeltasShareOfSignalR = bare.SignalRMessagesPerSecond is { } messages ? (end.Deltas - start.Deltas) / run / messages * 100 : null,
                    DeltaBytesShareOfSignalR = bare.SignalRMessagesPerSecond is { } m && !o.FullParse
                        ? (end.DeltaBytes - start.DeltaBytes) / run / (m * bare.SignalRMessageBytes) * 100 : null,
                },
                Errors = [.. progress.SelectMany(p => p.Errors), .. stats.Errors],
                ErrorCount = progress.Sum(p => p.ErrorCount) + stats.ErrorCount + stats.Duplicates,
            };
        }
        finally
        {
            foreach (var s in senders)
            {
                await s.DisposeAsync();
            }
        }
    }

    /// <summary>The bare limits, measured before the server starts so they compete with nothing of this run.</summary>
    private async Task<BareResult> MeasureBareAsync(CancellationToken ct)
    {
        if (o.BareSeconds <= 0)
        {
            return new BareResult(null, null, o.Clients, null, null, null);
        }

        var length = TimeSpan.FromSeconds(o.BareSeconds);
        var (machine, self) = (MachineCpu.Now(), ProcessSampler.SelfNow());
        var orleans = await OrleansBaseline.MeasureAsync(length, ct);
        Log.Info($"bare limit: {Fmt.N(orleans)} Orleans grain calls/s (in-process silo, trivial grain)");
        double? signalR = null;
        if (o.Clients > 0)
        {
            signalR = await SignalRBaseline.MeasureAsync(o.Clients, length, ct);
            Log.Info($"bare limit: {Fmt.N(signalR.Value)} SignalR messages/s received by {o.Clients} local clients (tiny hub, small message)");
        }

        var now = MachineCpu.Now();
        var others = Math.Max(0, MachineCpu.BusyPercent(machine, now) - MachineCpu.InterruptPercent(machine, now) - ProcessSampler.CpuPercent(self, ProcessSampler.SelfNow()));
        if (others > 10)
        {
            Log.Warn($"other processes used {Fmt.Pct(others)} of the machine's CPU while the bare limits were measured: they are lower than this machine can do");
        }

        return new BareResult(orleans, signalR, o.Clients, null, null, others) { SignalRMessageBytes = SignalRBaseline.MessageBytes };
    }

    private async Task<ServerProcess> StartServerAsync(CancellationToken ct)
    {
        Log.Info($"starting the server {o.ServerDll} (push every {o.PushMs} ms)");
        var server = await ServerProcess.StartAsync(o, ct);
        Log.Info($"server started: pid {server.Target.Pid}, {server.Target.Http}, CTI link port {server.Target.CtiPort}, data {server.DataPath}");
        return server;
    }

    /// <summary>Makes every center's feed, the centers side by side on all cores.</summary>
    private (List<CenterFeed> Feeds, TimeSpan Took) Generate()
    {
        var runId = "lg" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
        var plans = ProvincePlan.Of(o);
        Log.Info($"generating {Fmt.N(plans.Sum(p => (long)p.Events))} events for {Fmt.Count(plans.Count, "center")} ({Fmt.Count(plans[0].Agents, "agent")}, {Fmt.Count(plans[0].Queues.Count, "queue")}, {Fmt.N(plans[0].CallsPerHour)} calls/h each; run {runId})");
        var watch = Stopwatch.StartNew();
        var feeds = new CenterFeed[plans.Count];
        Parallel.For(0, plans.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => feeds[i] = FeedGenerator.Generate(plans[i], runId));
        var took = watch.Elapsed;
        var span = feeds.Average(f => f.Span.TotalSeconds);
        Log.Info($"generated in {Fmt.Seconds(took.TotalSeconds)}: {Fmt.Bytes(feeds.Sum(f => f.Bytes))}, {span / 3600:0.00} simulated hours per center, so a speed-up of ×{span / o.DurationSeconds:0.0}");
        return ([.. feeds], took);
    }

    /// <summary>Waits until, for every center, some viewer holds a delta with the feed's last event; answers how long after <paramref name="from"/> that was.</summary>
    private static async Task<double?> WaitLastDeltaAsync(List<CenterFeed> feeds, ViewerStats stats, DateTimeOffset from, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + LastDeltaPatience;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (feeds.All(f => stats.NewestHeld.TryGetValue(f.Center, out var held) && held >= f.SimStart + f.Span))
            {
                return Math.Max(0, (DateTimeOffset.UtcNow - from).TotalSeconds);
            }

            await Task.Delay(50, ct);
        }

        return null;
    }

    private static LatencyResult LatencyOf(Percentiles p) =>
        p.Count == 0 ? new LatencyResult(0, null, null, null, null) : new LatencyResult(p.Count, p.P50, p.P95, p.P99, p.Max);
}
