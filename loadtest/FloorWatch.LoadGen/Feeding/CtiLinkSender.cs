using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FloorWatch.LoadGen.Province;
using FloorWatch.LoadGen.Timing;

namespace FloorWatch.LoadGen.Feeding;

/// <summary>
/// One center over the TCP CTI link (contract section 1): the hello line with the CTI key, then the
/// feed's NDJSON lines written straight from its buffer; the server's <c>{"ack":"id"}</c> lines settle
/// every event up to that id, <c>{"line":n,"error":"..."}</c> refuses one. Unlike the simulator's
/// <c>CtiLinkClient</c> it neither keeps events for a resend nor reconnects: a lost link is an error of the run.
/// </summary>
internal sealed class CtiLinkSender(CenterFeed feed, string host, int port, string ctiKey, LatencyRecorder ackLatency) : IFeedSender
{
    private const int MaxBatch = 8192;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FirstAckTimeout = TimeSpan.FromSeconds(60);

    private readonly TcpClient _tcp = new() { NoDelay = true };
    private readonly TaskCompletionSource _firstAck = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Not disposed: cancelling it is how a second DisposeAsync knows the first one ran.
    private readonly CancellationTokenSource _stop = new();
    private NetworkStream? _stream;
    private Task? _reader;
    private volatile TimeWarp? _warp;

    public FeedProgress Progress { get; } = new(feed.Center) { SettleTarget = feed.Count };

    public async Task OpenAsync(CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(ConnectTimeout);
            await _tcp.ConnectAsync(host, port, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new LoadException($"cannot connect to the CTI link at {host}:{port}: {(ex is OperationCanceledException ? "timed out" : ex.Message)}", ex);
        }

        _stream = _tcp.GetStream();
        _reader = Task.Run(() => ReadAsync(_stream, _stop.Token), CancellationToken.None);
        var hello = JsonSerializer.Serialize(new Dictionary<string, string> { ["hello"] = ctiKey, ["center"] = feed.Center }) + "\n";
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(hello), ct);
        await _stream.WriteAsync(feed.Lines(0, 1), ct);
        Progress.Wrote(1, TimeSpan.Zero);
        try
        {
            await _firstAck.Task.WaitAsync(FirstAckTimeout, ct);
        }
        catch (TimeoutException)
        {
            throw new LoadException($"center {feed.Center}: the server did not acknowledge the first event over the CTI link within {FirstAckTimeout.TotalSeconds} s");
        }
    }

    public async Task RunAsync(TimeWarp warp, CancellationToken ct)
    {
        _warp = warp;
        var pacer = new Pacer(feed, warp, MaxBatch);
        var next = 1;
        try
        {
            while (next < feed.Count)
            {
                var now = DateTimeOffset.UtcNow;
                var (to, late) = pacer.Due(next, now);
                if (to == next)
                {
                    await Task.Delay(pacer.SleepBefore(next, now), ct);
                    continue;
                }

                // Blocks when the server stops reading: the lag then shows it.
                await _stream!.WriteAsync(feed.Lines(next, to), ct);
                next = to;
                Progress.Wrote(next, late);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            Progress.Error($"CTI link lost after {next} events written: {ex.Message}");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped: the run gave up waiting for the server.
        }
    }

    private async Task ReadAsync(NetworkStream stream, CancellationToken ct)
    {
        try
        {
            using var reader = new StreamReader(stream, new UTF8Encoding(false), leaveOpen: true);
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                Handle(line);
            }

            Closed("the server closed the CTI link");
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            Closed("CTI link lost: " + ex.Message);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Closed(string why)
    {
        if (Progress.Settled < feed.Count && !_stop.IsCancellationRequested)
        {
            Progress.Error($"{why} with {feed.Count - Progress.Settled} events unacknowledged");
            _firstAck.TrySetException(new LoadException($"center {feed.Center}: {why} before acknowledging the first event"));
        }
    }

    private void Handle(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        if (root.TryGetProperty("ack", out var ack) && ack.ValueKind == JsonValueKind.String)
        {
            var n = feed.NumberOf(ack.GetString()!);
            if (n < 1 || n > feed.Count)
            {
                Progress.Error($"acknowledgement of an id that is not this run's: {ack.GetString()}");
                return;
            }

            Progress.SettledUpTo(n);
            _firstAck.TrySetResult();
            if (_warp is { } warp && n > 1)
            {
                ackLatency.Add((DateTimeOffset.UtcNow - warp.SendTimeOfRel(feed.RelMs((int)n - 1))).TotalSeconds);
            }
        }
        else if (root.TryGetProperty("error", out var error) && root.TryGetProperty("line", out var lineNo) && lineNo.TryGetInt64(out var number))
        {
            var text = error.ToString();
            if (number == 1 && Progress.Settled == 0)
            {
                // The hello is line 1.
                _firstAck.TrySetException(new LoadException(text.Contains("key", StringComparison.OrdinalIgnoreCase)
                    ? $"the server refused the CTI key: {text}"
                    : $"the server refused the CTI link's hello for center {feed.Center}: {text}"));
                return;
            }

            // Line n is event n - 1 (the hello is line 1); it is settled, and so is everything before it.
            Progress.Refuse($"event {number - 1}: {text}");
            Progress.SettledUpTo(number - 1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        _tcp.Dispose();
        if (_reader is not null)
        {
            await _reader;
        }
    }
}
