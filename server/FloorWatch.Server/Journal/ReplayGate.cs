namespace FloorWatch.Server.Journal;

/// <summary>
/// While the journal is replayed at start, the API and the hub answer 503 with how far the replay
/// is: figures read before it ends would be those of some moment in the past. The pages and the
/// health endpoints answer as always.
/// </summary>
public static class ReplayGate
{
    public static IApplicationBuilder UseReplayGate(this IApplicationBuilder app)
    {
        var pipeline = app.ApplicationServices.GetRequiredService<IngestPipeline>();
        return app.Use(async (context, next) =>
        {
            if (pipeline.IsReady || !(context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs")))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "2";
            await context.Response.WriteAsJsonAsync(new { error = $"the journal is being replayed ({pipeline.ReplayPercent:0} % read); try again in a few seconds" });
        });
    }
}
