using FloorWatch.Server.Hosting;

SharedArrayPoolSize.Apply();
if (CommandLineHelp.TryPrint(args))
{
    return;
}

var builder = FloorWatchHosting.CreateBuilder(args);
builder.AddFloorWatch();
var app = builder.Build();
app.MapFloorWatch();
app.Run();
