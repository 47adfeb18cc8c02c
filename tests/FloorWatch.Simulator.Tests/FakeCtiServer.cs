using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace FloorWatch.Simulator.Tests;

/// <summary>The server's end of the TCP CTI link, on 127.0.0.1 and a free port, scripted by the test.</summary>
public sealed class FakeCtiServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public FakeCtiServer() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public async Task<Connection> Accept(CancellationToken ct) => new(await _listener.AcceptTcpClientAsync(ct));

    public void Dispose() => _listener.Dispose();

    public sealed class Connection(TcpClient client) : IDisposable
    {
        private readonly NetworkStream _stream = client.GetStream();
        private readonly SemaphoreSlim _writing = new(1);
        private StreamReader? _reader;

        private StreamReader Reader => _reader ??= new StreamReader(_stream, new UTF8Encoding(false), leaveOpen: true);

        public async Task<string?> ReadLine(CancellationToken ct) => await Reader.ReadLineAsync(ct);

        public async Task<JsonElement> ReadJson(CancellationToken ct)
        {
            var line = await ReadLine(ct);
            Assert.NotNull(line);
            return JsonDocument.Parse(line).RootElement.Clone();
        }

        /// <summary>Reads event lines until one matches; answers every line read.</summary>
        public async Task<List<JsonElement>> ReadUntil(Func<JsonElement, bool> match, CancellationToken ct)
        {
            var read = new List<JsonElement>();
            while (true)
            {
                var e = await ReadJson(ct);
                read.Add(e);
                if (match(e))
                {
                    return read;
                }
            }
        }

        /// <summary>Writes one line; safe from two tasks at once (acks and commands).</summary>
        public async Task Send(string line, CancellationToken ct)
        {
            await _writing.WaitAsync(ct);
            try
            {
                await _stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), ct);
            }
            finally
            {
                _writing.Release();
            }
        }

        public void Dispose()
        {
            _writing.Dispose();
            _reader?.Dispose();
            _stream.Dispose();
            client.Dispose();
        }
    }
}
