using System.Text;

namespace FloorWatch.LoadGen.Report;

/// <summary>The run's results as a table on the console.</summary>
internal static class ResultTable
{
    public static string Format(RunResult r)
    {
        var s = r.Settings;
        var f = r.Feed;
        var v = r.Viewers;
        var sv = r.Server;
        var rows = new List<(string Name, string Value)>
        {
            ("load", $"{Fmt.Count(s.Centers, "center")}, {Fmt.Count(s.Agents, "agent")}, {Fmt.Count(s.Queues, "queue")}, {Fmt.N(s.RequestedRate)} events/s requested for {s.DurationSeconds} s over {s.Transport}, {Fmt.Count(s.Clients, "client")} ({s.Rows} rows)" + (s.PushMs is { } p ? $", push every {p} ms" : "")),
            ("feed", $"{Fmt.N(f.Events)} events ({Fmt.Bytes(f.Bytes)}), {f.SimulatedHours:0.00} simulated hours at ×{f.SpeedUp:0.0}, ts {f.FirstTs:yyyy-MM-dd HH:mm} → {f.LastTs:HH:mm} UTC, generated in {Fmt.Seconds(f.GenerationSeconds)}"),
            ("events offered", $"{Fmt.N(f.OfferedPerSecond)} /s  ({Fmt.N(f.Offered)} written in the run; sender lag max {Fmt.Seconds(f.SenderMaxLagSeconds)})"),
            ("events acknowledged", $"{Fmt.N(f.AckedPerSecond)} /s during the run ({Fmt.N(f.AckedDuringRun)}); "
                + (f.AllAckedAfterSeconds is { } after ? $"all {Fmt.N(f.Acked)} by {Fmt.Seconds(after)} after the end = {Fmt.N(f.SustainedAckedPerSecond ?? double.NaN)} /s sustained" : $"only {Fmt.N(f.Acked)} of {Fmt.N(f.Events)} when the drain gave up")
                + (f.Refused + f.Duplicates > 0 ? $"; {Fmt.N(f.Refused)} refused, {Fmt.N(f.Duplicates)} duplicates" : "")),
            ("ack latency", Fmt.Latency(r.AckLatency)),
            ("end-to-end latency", Fmt.Latency(r.EndToEndLatency)),
            ($"  after {r.WarmUpSeconds:0} s", Fmt.Latency(r.SteadyLatency)),
            ("  wallboards", Fmt.Latency(r.WallboardLatency)),
            ("  supervisors", Fmt.Latency(r.SupervisorLatency)),
            ("deltas delivered", $"{Fmt.N(v.DeltasPerSecond)} /s  ({v.DeltasPerClientPerSecond:0.00} /s per client; {Fmt.N(v.Deltas)} in all, {Fmt.N(v.Snapshots)} snapshots)"),
            ("delta size", v.WallboardDeltaBytes is null && v.SupervisorDeltaBytes is null ? "not measured (--full-parse)"
                : $"mean {Fmt.Bytes((long?)v.WallboardDeltaBytes, kib: true)} to a wallboard, {Fmt.Bytes((long?)v.SupervisorDeltaBytes, kib: true)} to a supervisor; {Fmt.Bytes((long?)v.DeltaBytesPerSecond)}/s to all clients"),
            ("seq gaps / duplicates", $"{Fmt.N(v.Gaps)} gaps ({Fmt.N(v.MissedSeqs)} seqs missed, {Fmt.N(v.Rejoins)} rejoins) / {Fmt.N(v.Duplicates)} duplicates"),
            ("last delta", v.LastDeltaAfterSeconds is { } last ? $"every center's viewers held the last event {Fmt.Seconds(last)} after it was acknowledged" : v.LastDeltaNote ?? "–"),
            ("server CPU", sv.Sampled ? $"{Fmt.Pct(sv.CpuPercentDuringRun)} of {r.Cores} cores during the run, {Fmt.Pct(sv.CpuPercentDuringDrain)} during the drain" : "not sampled (give --server-pid)"),
            ("server memory", sv.Sampled ? $"peak RSS {Fmt.Bytes(sv.PeakRssBytes)} (idle {Fmt.Bytes(sv.IdleRssBytes)}, at the end {Fmt.Bytes(sv.EndRssBytes)})" : "not sampled"),
            ("load generator CPU", $"{Fmt.Pct(r.LoadGeneratorCpuPercent)} of {r.Cores} cores during the run (shares the machine with the server)"),
            ("machine", $"{Fmt.Pct(r.Machine.BusyPercentDuringRun)} of all cores busy during the run ({Fmt.Pct(r.Machine.InterruptPercentDuringRun)} in interrupts); other processes took {Fmt.Pct(r.Machine.OthersCpuPercentDuringRun)} during the run, {Fmt.Pct(r.Machine.OthersCpuPercentDuringDrain)} during the drain (load average {r.Machine.LoadAverageAtStart:0.0} at the start)"
                + (r.Machine.TopOthersDuringRun.Count > 0 ? $"; most: {string.Join(", ", r.Machine.TopOthersDuringRun)}" : "")),
            ("errors", r.ErrorCount == 0 ? "0" : $"{Fmt.N(r.ErrorCount)}: {string.Join("; ", r.Errors.Take(3))}"),
            ("counts check", CheckText(r.Check)),
            ("bare Orleans calls", r.Bare.OrleansCallsPerSecond is { } o ? $"{Fmt.N(o)} /s; FloorWatch's acknowledged events/s are {Fmt.Pct(r.Bare.EventsShareOfOrleans)} of it (other processes took {Fmt.Pct(r.Bare.OthersCpuPercent)} meanwhile)" : "not measured"),
            ("bare SignalR messages", r.Bare.SignalRMessagesPerSecond is { } messages ? $"{Fmt.N(messages)} /s of {r.Bare.SignalRMessageBytes} bytes to {r.Bare.SignalRClients} clients ({Fmt.Bytes((long)(messages * r.Bare.SignalRMessageBytes))}/s); FloorWatch's deltas/s are {Fmt.Pct(r.Bare.DeltasShareOfSignalR)} of it, its delta bytes/s {Fmt.Pct(r.Bare.DeltaBytesShareOfSignalR)}" : "not measured"),
        };

        var width = rows.Max(x => x.Name.Length) + 2;
        var text = new StringBuilder();
        text.AppendLine(new string('─', 100));
        foreach (var (name, value) in rows)
        {
            text.Append(name.PadRight(width)).AppendLine(value);
        }

        text.AppendLine(new string('─', 100));
        foreach (var m in r.Check.Mismatches.Take(10))
        {
            text.AppendLine($"  mismatch {m.Center}/{m.Queue} {m.Day} {m.Figure}: sent {Fmt.N(m.Sent)}, server {Fmt.N(m.Server)}");
        }

        return text.ToString();
    }

    private static string CheckText(CheckResult? c) => c switch
    {
        null or { Done: false } => "not done" + (c?.Note is { } n ? $": {n}" : ""),
        { MismatchCount: 0 } => $"all match: {Fmt.Count(c.Centers, "center")}, {Fmt.Count(c.QueuesCompared, "queue")}, offered {Fmt.N(c.Offered)}, answered {Fmt.N(c.Answered)}, abandoned {Fmt.N(c.Abandoned)} ({string.Join("; ", c.Methods.Distinct())})" + (c.Note is { } n2 ? $"; {n2}" : ""),
        _ => $"{Fmt.N(c.MismatchCount)} MISMATCHES over {Fmt.Count(c.Centers, "center")} ({string.Join("; ", c.Methods.Distinct())})" + (c.Note is { } n3 ? $"; {n3}" : ""),
    };
}
