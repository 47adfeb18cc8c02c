using System.Net;
using System.Net.Sockets;

namespace FloorWatch.LoadGen.Target;

/// <summary>Ports nobody listens on right now, for a started server and the bare-limit hosts.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
