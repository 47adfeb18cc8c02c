using FloorWatch.LoadGen;
using FloorWatch.LoadGen.Options;

var parsed = LoadArguments.Parse(args, Environment.GetEnvironmentVariable(LoadArguments.KeyVariable));
if (parsed.Help || parsed.Error is not null)
{
    (parsed.Help ? Console.Out : Console.Error).WriteLine(parsed.Help ? LoadArguments.Usage : $"{parsed.Error}\nTry --help.");
    return parsed.Help ? 0 : 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
try
{
    return await new LoadRun(parsed.Options!).RunAsync(stop.Token);
}
catch (LoadException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
