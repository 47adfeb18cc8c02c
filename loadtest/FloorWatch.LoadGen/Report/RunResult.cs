using FloorWatch.LoadGen.Checks;

namespace FloorWatch.LoadGen.Report;

/// <summary>Everything a run measured, as written to <c>--out</c> (times in seconds, rates per second, memory in bytes).</summary>
internal sealed record RunResult
{
    public required DateTimeOffset StartedAt { get; init; }
    public required int Cores { get; init; }
    public required RunSettings Settings { get; init; }
    public required FeedResult Feed { get; init; }
    public required LatencyResult EndToEndLatency { get; init; }

    /// <summary>End-to-end latency of the deltas after the warm-up (the first third of the run, at most 10 s): logins, JIT, first subscriptions.</summary>
    public required LatencyResult SteadyLatency { get; init; }
    public required double WarmUpSeconds { get; init; }
    public required LatencyResult WallboardLatency { get; init; }
    public required LatencyResult SupervisorLatency { get; init; }
    public required LatencyResult AckLatency { get; init; }
    public required ViewerResult Viewers { get; init; }
    public required ServerResult Server { get; init; }
    public double? LoadGeneratorCpuPercent { get; init; }
    public required MachineResult Machine { get; init; }
    public required CheckResult Check { get; init; }
    public required BareResult Bare { get; init; }
    public required IReadOnlyList<string> Errors { get; init; }
    public required long ErrorCount { get; init; }
}

internal sealed record RunSettings(
    int Centers, int Agents, int Queues, double RequestedRate, double DurationSeconds, string Transport, int Clients, int? PushMs, string Server, string Rows);

internal sealed record FeedResult
{
    public long Events { get; init; }
    public long Bytes { get; init; }
    public double GenerationSeconds { get; init; }
    public double SimulatedHours { get; init; }
    public double SpeedUp { get; init; }
    public DateTimeOffset FirstTs { get; init; }
    public DateTimeOffset LastTs { get; init; }

    /// <summary>Events written to the server within the run's duration, per second.</summary>
    public double OfferedPerSecond { get; init; }

    /// <summary>Events acknowledged within the run's duration, per second.</summary>
    public double AckedPerSecond { get; init; }

    public long Offered { get; init; }
    public long AckedDuringRun { get; init; }
    public long Acked { get; init; }
    public long Refused { get; init; }
    public long Duplicates { get; init; }

    /// <summary>Seconds after the run's end until the server had acknowledged every event; null when the drain timed out.</summary>
    public double? AllAckedAfterSeconds { get; init; }

    /// <summary>Events acknowledged per second from the start until the last acknowledgement (the server's sustained ingest).</summary>
    public double? SustainedAckedPerSecond { get; init; }

    public double SenderMaxLagSeconds { get; init; }
}

internal sealed record LatencyResult(long Count, double? P50, double? P95, double? P99, double? Max);

internal sealed record ViewerResult
{
    public int Clients { get; init; }
    public int Wallboards { get; init; }
    public int Supervisors { get; init; }
    public long DeltasDuringRun { get; init; }
    public double DeltasPerSecond { get; init; }
    public double DeltasPerClientPerSecond { get; init; }
    public long Deltas { get; init; }
    public long Snapshots { get; init; }
    public long Gaps { get; init; }
    public long MissedSeqs { get; init; }
    public long Duplicates { get; init; }
    public long Rejoins { get; init; }
    public long Errors { get; init; }

    /// <summary>Mean size of a delta as sent to a wallboard and to a supervisor, and bytes of deltas per second over all viewers during the run; null when viewers parsed whole messages.</summary>
    public double? WallboardDeltaBytes { get; init; }
    public double? SupervisorDeltaBytes { get; init; }
    public double? DeltaBytesPerSecond { get; init; }

    /// <summary>Seconds after the last event was acknowledged until every center's viewers held a delta with it; null if they never did.</summary>
    public double? LastDeltaAfterSeconds { get; init; }

    /// <summary>Why <see cref="LastDeltaAfterSeconds"/> is missing.</summary>
    public string? LastDeltaNote { get; init; }
}

internal sealed record ServerResult
{
    public int? Pid { get; init; }
    public bool Sampled { get; init; }
    public double? CpuPercentDuringRun { get; init; }
    public double? CpuPercentDuringDrain { get; init; }
    public long? IdleRssBytes { get; init; }
    public long? PeakRssBytes { get; init; }
    public long? EndRssBytes { get; init; }
}

internal sealed record CheckResult(
    bool Done, int Centers, int QueuesCompared, long Offered, long Answered, long Abandoned, long MismatchCount, IReadOnlyList<CountMismatch> Mismatches, IReadOnlyList<string> Methods, string? Note);

internal sealed record BareResult(
    double? OrleansCallsPerSecond, double? SignalRMessagesPerSecond, int SignalRClients, double? EventsShareOfOrleans, double? DeltasShareOfSignalR, double? OthersCpuPercent)
{
    /// <summary>Size of the bare message, and FloorWatch's delta bytes per second as a share of the bare hub's bytes per second.</summary>
    public int SignalRMessageBytes { get; init; }

    public double? DeltaBytesShareOfSignalR { get; init; }
}

/// <summary>The machine while the run was sending: every core's use, and what processes other than the server and this generator took.</summary>
internal sealed record MachineResult(
    double LoadAverageAtStart, double? BusyPercentDuringRun, double? InterruptPercentDuringRun, double? OthersCpuPercentDuringRun, double? OthersCpuPercentDuringDrain, IReadOnlyList<string> TopOthersDuringRun);
