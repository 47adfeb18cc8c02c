using FloorWatch.Server.Hosting;

SharedArrayPoolSize.Apply();
if (CommandLineHelp.TryPrint(args))
{
    return 0;
}

return StartupErrors.Run(() => FloorWatchHosting.CreateBuilder(args).AddFloorWatch().Build().MapFloorWatch().Run(), Console.Error);
