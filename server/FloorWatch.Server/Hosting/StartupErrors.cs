using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace FloorWatch.Server.Hosting;

/// <summary>
/// What stops the server at start, said as what to change, with exit code 2: a configuration that
/// is not valid, or an address another process holds. Anything else is left to the runtime, whose
/// stack trace is then the useful part.
/// </summary>
public static class StartupErrors
{
    /// <summary>The exit code of a start refused for its configuration or its addresses.</summary>
    public const int ExitCode = 2;

    public static int Run(Action run, TextWriter error)
    {
        try
        {
            run();
            return Environment.ExitCode;
        }
        catch (OptionsValidationException ex)
        {
            error.WriteLine("FloorWatch cannot start: its configuration is not valid.");
            foreach (var failure in ex.Failures)
            {
                error.WriteLine($"  - {failure}");
            }

            error.WriteLine("Every setting and its default is listed by --help.");
            return ExitCode;
        }
        catch (Exception ex) when (IsAddressInUse(ex))
        {
            // Kestrel's message names the address ("Failed to bind to address http://...: address already in use."); the silo's does not.
            error.WriteLine(ex is IOException
                ? $"FloorWatch cannot start: {ex.Message}"
                : "FloorWatch cannot start: a port of its embedded silo is taken (address already in use): FloorWatch__Silo__Port (default 11111) or FloorWatch__Silo__GatewayPort (default 30000).");
            error.WriteLine("Another program, perhaps another FloorWatch, listens there: stop it, or give this one other ports (--urls, FloorWatch__Silo__Port, FloorWatch__Silo__GatewayPort).");
            return ExitCode;
        }
    }

    private static bool IsAddressInUse(Exception ex) =>
        ex is AddressInUseException || ex.InnerException is AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse };
}
