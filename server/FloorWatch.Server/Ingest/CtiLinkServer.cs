using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FloorWatch.Domain.Events;
using FloorWatch.Server.Journal;
using FloorWatch.Server.Options;
using Microsoft.Extensions.Options;

namespace FloorWatch.Server.Ingest;

/// <summary>
/// The TCP CTI link (contract section 1): NDJSON both ways. The switch's first line is
/// <c>{"hello":"key","center":"C"}</c>; then events, which are answered with
/// <c>{"ack":"last id"}</c> once durable, and <c>{"line":n,"error":"..."}</c> for a refused line.
/// Once the hello is accepted the link is registered under its center, so commands (contract
/// section 5) go out on it as <c>{"command":{...}}</c> lines.
/// </summary>
public sealed class CtiLinkServer(IOptions<FloorWatchOptions> options, CtiKey key, IngestPipeline pipeline, FeedStatus feed, CtiLinks links, TimeProvider time, ILogger<CtiLinkServer> log) : BackgroundService
{
    private const int MaxLinesPerBatch = 2048;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value.Cti;
        if (o.TcpPort == 0)
        {
            log.LogInformation("TCP CTI link is off (FloorWatch__Cti__TcpPort=0)");
            return;
        }

        var listener = new TcpListener(IPAddress.Parse(o.TcpAddress), o.TcpPort);
        try
        {
            listener.Start();
        }
        catch (SocketException ex)
        {
            log.LogError(ex, "TCP CTI link could not listen on {Address}:{Port}; set FloorWatch__Cti__TcpPort to a free port, or 0 for off", o.TcpAddress, o.TcpPort);
            return;
        }

        log.LogInformation("TCP CTI link listening on {Address}:{Port}", o.TcpAddress, o.TcpPort);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stoppingToken);
                _ = Task.Run(() => Serve(client, stoppingToken), stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            listener.Stop();
        }
    }

    private async Task Serve(TcpClient client, CancellationToken ct)
    {
        var peer = client.Client.RemoteEndPoint?.ToString();
        using var _ = client;
        await using var stream = client.GetStream();
        var input = PipeReader.Create(stream);
        using var output = new CtiLineWriter(stream);
        var maxLine = options.Value.MaxLineBytes;
        var batchReader = new EventBatchReader(maxLine);
        string? center = null;
        IDisposable? registration = null;
        long lineNumber = 0;
        try
        {
            while (true)
            {
                var read = await input.ReadAsync(ct);
                var buffer = read.Buffer;
                var batch = new EventBatchReader.Result([], []);
                var lines = 0;
                while (lines < MaxLinesPerBatch && TryReadLine(ref buffer, out var line))
                {
                    lineNumber++;
                    lines++;
                    var bytes = line.ToArray().AsMemory();
                    if (center is null)
                    {
                        center = Hello(bytes.Span, out var error);
                        if (center is null)
                        {
                            await output.Send(new { line = lineNumber, error }, ct);
                            log.LogWarning("CTI link from {Peer} refused: {Error}", peer, error);
                            return;
                        }

                        registration = links.Add(center, peer, output, client.Dispose);
                        continue;
                    }

                    batchReader.Add(bytes, lineNumber, time.GetUtcNow(), center, batch);
                }

                if (buffer.Length > maxLine && lines < MaxLinesPerBatch)
                {
                    await output.Send(new { line = lineNumber + 1, error = $"line is longer than the limit of {maxLine} bytes; the link is closed" }, ct);
                    return;
                }

                // Stopped at the batch limit: the rest is already here, so read again without waiting for more.
                if (lines == MaxLinesPerBatch)
                {
                    input.AdvanceTo(buffer.Start);
                }
                else
                {
                    input.AdvanceTo(buffer.Start, buffer.End);
                }

                await Answer(batch, center, output, ct);
                if (read.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            log.LogInformation("CTI link from {Peer} closed: {Reason}", peer, ex.Message);
        }
        finally
        {
            registration?.Dispose();
            await input.CompleteAsync();
        }
    }

    private async Task Answer(EventBatchReader.Result batch, string? center, CtiLineWriter output, CancellationToken ct)
    {
        foreach (var r in batch.Rejected)
        {
            await output.Send(new { line = r.Line, error = r.Error }, ct);
        }

        if (batch.Events.Count == 0)
        {
            return;
        }

        await pipeline.SubmitAsync(batch.Events, ct);
        feed.Heard(center!);
        await output.Send(new { ack = batch.Events[^1].Event.Id }, ct);
    }

    private string? Hello(ReadOnlySpan<byte> line, out string error)
    {
        error = "";
        try
        {
            using var doc = JsonDocument.Parse(line.ToArray());
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("hello", out var hello) || hello.ValueKind != JsonValueKind.String)
            {
                error = "the first line must be {\"hello\":\"<cti key>\",\"center\":\"<center>\"}";
                return null;
            }

            if (!key.IsConfigured)
            {
                error = "ingest refused: no CTI key is configured on this server (FloorWatch__Cti__ApiKey)";
                return null;
            }

            if (!key.Matches(hello.GetString()))
            {
                error = "field 'hello': not this server's CTI key";
                return null;
            }

            if (!root.TryGetProperty("center", out var c) || c.ValueKind != JsonValueKind.String || !Identifiers.IsCenterId(c.GetString()))
            {
                error = "field 'center': required, [A-Za-z0-9_-]{1,64}";
                return null;
            }

            return c.GetString();
        }
        catch (JsonException ex)
        {
            error = "the first line is not JSON: " + ex.Message.Split(". ")[0];
            return null;
        }
    }

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var newline = buffer.PositionOf((byte)'\n');
        if (newline is null)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, newline.Value);
        if (line.Length > 0 && line.Slice(line.Length - 1).FirstSpan[0] == (byte)'\r')
        {
            line = line.Slice(0, line.Length - 1);
        }

        buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
        return true;
    }
}
