using System.Runtime.InteropServices;
using FloorWatch.Simulator;
using FloorWatch.Switch;

var parsed = SwitchArguments.Parse(args, Environment.GetEnvironmentVariable(SwitchArguments.KeyVariable));
if (parsed.Help || parsed.Error is not null)
{
    (parsed.Help ? Console.Out : Console.Error).WriteLine(parsed.Help ? SwitchArguments.Usage : $"{parsed.Error}\nTry --help.");
    return parsed.Help ? 0 : 2;
}

// Ctrl+C, SIGTERM or the end of --duration stop the switch cleanly: calls ended, agents logged out.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
if (parsed.Duration is { } duration)
{
    stop.CancelAfter(duration);
}

await new SwitchSimulator(parsed.Options!, TimeProvider.System, new ConsoleLogger()).RunAsync(stop.Token);
return 0;
