using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace FloorWatch.Server.Tests;

/// <summary>
/// A switch whose every event the test writes: a raw TCP CTI link that says hello, sends the lines
/// it is given, and keeps the server's acks and commands apart. It never answers a command by itself.
/// </summary>
public sealed class ScriptedSwitch : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly Channel<JsonElement> _acks = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _commands = Channel.CreateUnbounded<JsonElement>();
    private readonly Task _reading;
    private readonly string _center;
    private int _events;

    private ScriptedSwitch(TcpClient client, string center)
    {
        _client = client;
        _center = center;
        _stream = client.GetStream();
        _reading = Task.Run(ReadAll);
    }

    public static async Task<ScriptedSwitch> ConnectAsync(ServerProcess server, string center)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.TcpPort).WaitAsync(HubViewer.Patience);
        var link = new ScriptedSwitch(client, center);
        await link.Write(JsonSerializer.Serialize(new { hello = ServerProcess.CtiKey, center }));
        return link;
    }

    /// <summary>Sends events (type and extra fields, stamped now) and waits until the server has acknowledged them as durable.</summary>
    public async Task Send(params (string Type, object Fields)[] events)
    {
        string last = "";
        var lines = new StringBuilder();
        foreach (var (type, fields) in events)
        {
            last = $"{_center}-e{++_events}";
            var e = JsonSerializer.SerializeToNode(fields)!.AsObject();
            e["id"] = last;
            e["ts"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            e["center"] = _center;
            e["type"] = type;
            lines.Append(e.ToJsonString()).Append('\n');
        }

        await Write(lines.ToString().TrimEnd('\n'));
        using var patience = new CancellationTokenSource(HubViewer.Patience);
        while (true)
        {
            var ack = await _acks.Reader.ReadAsync(patience.Token);
            if (ack.TryGetProperty("error", out var error))
            {
                Assert.Fail("the server refused a line: " + error);
            }

            if (ack.GetProperty("ack").GetString() == last)
            {
                return;
            }
        }
    }

    /// <summary>The next command the server sent on this link.</summary>
    public async Task<JsonElement> NextCommand()
    {
        using var patience = new CancellationTokenSource(HubViewer.Patience);
        return await _commands.Reader.ReadAsync(patience.Token);
    }

    private async Task Write(string line) => await _stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));

    private async Task ReadAll()
    {
        using var reader = new StreamReader(_stream, new UTF8Encoding(false), leaveOpen: true);
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                var json = JsonDocument.Parse(line).RootElement.Clone();
                if (json.TryGetProperty("command", out var command))
                {
                    _commands.Writer.TryWrite(command);
                }
                else
                {
                    _acks.Writer.TryWrite(json);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _reading;
    }
}
