using FloorWatch.LoadGen.Feeding;
using FloorWatch.LoadGen.Target;
using FloorWatch.LoadGen.Viewers;

namespace FloorWatch.LoadGen.Report;

/// <summary>Where everything stood at one instant of the run: the counters and the CPU clocks, to take rates between two moments.</summary>
internal sealed record Moment(
    DateTimeOffset At, long Written, long Acked, long Settled, long Deltas, long DeltaBytes, ProcessSampler.Mark? Server, ProcessSampler.Mark Self, MachineCpu.Mark Machine)
{
    public static Moment Take(IReadOnlyList<FeedProgress> feeds, ViewerStats viewers, ProcessSampler? server, ProcessSampler self) => new(
        DateTimeOffset.UtcNow,
        feeds.Sum(f => f.Written),
        feeds.Sum(f => f.Acked),
        feeds.Sum(f => f.Settled),
        viewers.Deltas,
        viewers.Bytes.Wallboard + viewers.Bytes.Supervisor,
        server?.Now(),
        self.Now(),
        MachineCpu.Now());

    public double SecondsSince(Moment from) => (At - from.At).TotalSeconds;

    /// <summary>Average server CPU since <paramref name="from"/>, in percent of all cores; null when not sampled or too short.</summary>
    public double? ServerCpuSince(Moment from) =>
        Server is { } to && from.Server is { } start && SecondsSince(from) > 0.5 ? ProcessSampler.CpuPercent(start, to) : null;

    public double SelfCpuSince(Moment from) => ProcessSampler.CpuPercent(from.Self, Self);

    public double MachineCpuSince(Moment from) => MachineCpu.BusyPercent(from.Machine, Machine);

    public double InterruptCpuSince(Moment from) => MachineCpu.InterruptPercent(from.Machine, Machine);

    /// <summary>CPU the machine spent on neither the server, this generator nor interrupts since <paramref name="from"/>: other processes.</summary>
    public double? OthersCpuSince(Moment from) =>
        ServerCpuSince(from) is { } server ? Math.Max(0, MachineCpuSince(from) - server - SelfCpuSince(from) - InterruptCpuSince(from)) : null;
}
