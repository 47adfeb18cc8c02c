using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace FloorWatch.Server.Pages;

/// <summary>
/// The React client (contract section 8), built into <c>wwwroot</c> next to the server. Its page
/// routes answer <c>index.html</c>, which routes in the browser; anything else unknown stays 404.
/// </summary>
public static class ClientPages
{
    public static readonly string[] Routes = ["/", "/signin-callback", "/wallboard/{center}", "/supervisor/{center}", "/quality/{center}", "/agent", "/staffing"];

    /// <summary>Beside the server's assembly, so it is found whatever the working directory.</summary>
    public static string WebRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    public static void UseClientFiles(this WebApplication app)
    {
        var index = app.Environment.WebRootFileProvider.GetFileInfo("index.html");
        if (!index.Exists)
        {
            app.Logger.LogWarning("The web client is not built ({WebRoot} has no index.html): build the server with Node.js installed (dotnet build runs npm), or use the API and hub alone", WebRoot);
        }

        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = Cache });
    }

    public static void MapClientPages(this IEndpointRouteBuilder app)
    {
        var options = new StaticFileOptions { OnPrepareResponse = Cache };
        foreach (var route in Routes)
        {
            app.MapFallbackToFile(route, "index.html", options);
        }
    }

    // Vite names assets by content hash, so they never change; index.html names the current ones.
    private static void Cache(StaticFileResponseContext ctx) =>
        ctx.Context.Response.Headers[HeaderNames.CacheControl] = ctx.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
}
