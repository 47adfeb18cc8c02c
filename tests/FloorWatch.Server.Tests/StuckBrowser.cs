using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace FloorWatch.Server.Tests;

/// <summary>
/// A browser that joins a center over a raw WebSocket and then never reads again, as a frozen tab
/// or a stalled network would: the server's sends to it back up in its socket. (The SignalR .NET
/// client queues messages internally, so it cannot play this part.)
/// </summary>
public sealed class StuckBrowser : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly ClientWebSocket _socket = new();

    public static async Task<StuckBrowser> JoinAsync(ServerProcess server, string token, string center)
    {
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/floor/negotiate?negotiateVersion=1");
        negotiate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var answer = await server.Http.SendAsync(negotiate);
        answer.EnsureSuccessStatusCode();
        var connectionToken = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();

        var browser = new StuckBrowser();
        browser._socket.Options.SetBuffer(1024, 1024);
        var ws = new UriBuilder(server.Http.BaseAddress!) { Scheme = "ws", Path = "/hubs/floor", Query = $"id={connectionToken}&access_token={Uri.EscapeDataString(token)}" }.Uri;
        await browser._socket.ConnectAsync(ws, CancellationToken.None);
        await browser.Send("{\"protocol\":\"json\",\"version\":1}");
        await browser.ReadOne(); // the handshake answer
        await browser.Send($"{{\"type\":1,\"target\":\"JoinCenter\",\"arguments\":[\"{center}\"]}}");
        return browser;
    }

    private Task Send(string message) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(message + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private async Task ReadOne()
    {
        var buffer = new byte[1024];
        using var patience = new CancellationTokenSource(HubViewer.Patience);
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, patience.Token);
        }
        while (!result.EndOfMessage);
    }

    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
