using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace FloorWatch.Simulator;

/// <summary>
/// The switch's end of the TCP CTI link (contract section 1): a hello line, then NDJSON events;
/// the server answers <c>{"ack":"id"}</c> once events are durable, <c>{"line":n,"error":"..."}</c>
/// for a refused line, and sends <c>{"command":{...}}</c> lines. Events stay queued until acked and
/// are sent again after a reconnect: the server drops repeated ids, so at-least-once is exact.
/// Delays (backoff, connect timeout) run on the <see cref="TimeProvider"/>, so tests drive them.
/// </summary>
public sealed class CtiLinkClient
{
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(0.5);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Kept while the server is away; past this the oldest are dropped rather than growing without bound.</summary>
    public const int MaxUnacknowledged = 200_000;

    private readonly string _host;
    private readonly int _port;
    private readonly string _apiKey;
    private readonly string _center;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Lock _lock = new();
    private readonly List<Outgoing> _unacked = [];
    private readonly Channel<SwitchCommand> _commands = Channel.CreateUnbounded<SwitchCommand>(new UnboundedChannelOptions { SingleReader = true });
    private TaskCompletionSource _ackArrived = NewSignal();
    private TaskCompletionSource _enqueued = NewSignal();
    private int _sentOnConnection;
    private long _lineOnConnection;
    private long _sent;
    private long _acked;
    private long _refused;
    private bool _dropping;

    public CtiLinkClient(string host, int port, string apiKey, string center, TimeProvider time, ILogger logger)
    {
        _host = host;
        _port = port;
        _apiKey = apiKey;
        _center = center;
        _time = time;
        _log = logger;
    }

    /// <summary>Commands from the server, in the order they came.</summary>
    public ChannelReader<SwitchCommand> Commands => _commands.Reader;

    /// <summary>Event lines written, resends included.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Events the server acknowledged as durable.</summary>
    public long Acknowledged => Interlocked.Read(ref _acked);

    /// <summary>Events the server refused (logged, not sent again).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public int Unacknowledged
    {
        get
        {
            lock (_lock)
            {
                return _unacked.Count;
            }
        }
    }

    private sealed class Outgoing(SwitchEvent e)
    {
        public string Id { get; } = e.Id;
        public string Type { get; } = e.Type;
        public byte[] Line { get; } = SwitchEventJson.ToLine(e);

        /// <summary>The line number this event went out on on the current connection; 0 = not sent on it yet.</summary>
        public long LineNo { get; set; }
    }

    /// <summary>Queues events to send (from any thread); they are sent at once when connected, else after the next connect.</summary>
    public void Enqueue(IEnumerable<SwitchEvent> events)
    {
        var added = 0;
        lock (_lock)
        {
            foreach (var e in events)
            {
                _unacked.Add(new Outgoing(e));
                added++;
            }

            if (_unacked.Count > MaxUnacknowledged)
            {
                // Only while the server is away (connected, acks keep the list short): the oldest go first.
                var drop = _unacked.Count - MaxUnacknowledged;
                _unacked.RemoveRange(0, drop);
                _sentOnConnection = Math.Max(0, _sentOnConnection - drop);
                if (!_dropping)
                {
                    _dropping = true;
                    _log.LogWarning("CTI link: more than {Max} events unacknowledged; dropping the oldest until the server acknowledges again", MaxUnacknowledged);
                }
            }

            if (added > 0)
            {
                _enqueued.TrySetResult();
                _enqueued = NewSignal();
            }
        }
    }

    /// <summary>Waits until the server has acknowledged (or refused) every queued event; false if cancelled first.</summary>
    public async Task<bool> WaitAllAcknowledgedAsync(CancellationToken ct)
    {
        while (true)
        {
            Task arrived;
            lock (_lock)
            {
                if (_unacked.Count == 0)
                {
                    return true;
                }

                arrived = _ackArrived.Task;
            }

            try
            {
                await arrived.WaitAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }

    /// <summary>Connects, streams, and reconnects with backoff (0.5 s doubling to 10 s) until cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var backoff = FirstBackoff;
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            var outcome = await RunConnectionAsync(failures, ct).ConfigureAwait(false);
            if (ct.IsCancellationRequested)
            {
                break;
            }

            if (outcome == LinkOutcome.Accepted)
            {
                backoff = FirstBackoff;
                failures = 0;
            }
            else
            {
                failures++;
            }

            _log.Log(failures <= 1 ? LogLevel.Warning : LogLevel.Debug, "CTI link: reconnecting to {Host}:{Port} in {Delay} s", _host, _port, backoff.TotalSeconds);
            try
            {
                await Task.Delay(backoff, _time, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            backoff = outcome == LinkOutcome.Accepted ? backoff : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private enum LinkOutcome
    {
        /// <summary>Could not connect, or the server refused the hello.</summary>
        Failed,

        /// <summary>The server acknowledged events before the link was lost.</summary>
        Accepted,
    }

    private async Task<LinkOutcome> RunConnectionAsync(int failures, CancellationToken ct)
    {
        using var tcp = new TcpClient { NoDelay = true };
        try
        {
            using var timeout = new CancellationTokenSource(ConnectTimeout, _time);
            using var connect = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            await tcp.ConnectAsync(_host, _port, connect.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            if (!ct.IsCancellationRequested)
            {
                _log.Log(failures == 0 ? LogLevel.Warning : LogLevel.Debug, "CTI link: cannot connect to {Host}:{Port}: {Reason}", _host, _port, ex is OperationCanceledException ? "timed out" : ex.Message);
            }

            return LinkOutcome.Failed;
        }

        var round = new LinkRound(this, tcp.GetStream());
        int resend;
        lock (_lock)
        {
            _sentOnConnection = 0;
            _lineOnConnection = 1;
            _unacked.ForEach(o => o.LineNo = 0);
            resend = _unacked.Count;
        }

        _log.LogInformation("CTI link: connected to {Host}:{Port} as center {Center}; {Count} events to (re)send", _host, _port, _center, resend);
        var reason = await round.RunAsync(ct).ConfigureAwait(false);
        if (round.HelloRefused is { } refusal)
        {
            _log.LogError("CTI link: {Host}:{Port} refused the hello: {Error}", _host, _port, refusal);
            return LinkOutcome.Failed;
        }

        if (!ct.IsCancellationRequested)
        {
            _log.LogWarning("CTI link to {Host}:{Port} lost: {Reason}; {Count} events unacknowledged", _host, _port, reason, Unacknowledged);
        }

        return round.AnyAck ? LinkOutcome.Accepted : LinkOutcome.Failed;
    }

    /// <summary>One connection: a writer that sends the hello then every queued event, and a reader of the server's lines.</summary>
    private sealed class LinkRound(CtiLinkClient link, NetworkStream stream)
    {
        public string? HelloRefused { get; private set; }

        public bool AnyAck { get; private set; }

        /// <summary>Runs until the server closes, a write fails, or <paramref name="ct"/> is cancelled; answers why it ended.</summary>
        public async Task<string> RunAsync(CancellationToken ct)
        {
            using var end = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var writer = WriteAsync(end.Token);
            var reader = ReadAsync(end.Token);
            var first = await Task.WhenAny(writer, reader).ConfigureAwait(false);
            await end.CancelAsync().ConfigureAwait(false);
            stream.Dispose();
            var reason = await first.ConfigureAwait(false);
            await (first == writer ? reader : writer).ConfigureAwait(false);
            return reason;
        }

        private async Task<string> WriteAsync(CancellationToken ct)
        {
            // Lines go out in 64 KiB writes, not one system call each: a resend after an outage can be long.
            var output = new BufferedStream(stream, 64 * 1024);
            try
            {
                var hello = JsonSerializer.Serialize(new Dictionary<string, string> { ["hello"] = link._apiKey, ["center"] = link._center });
                await output.WriteAsync(Encoding.UTF8.GetBytes(hello + "\n"), ct).ConfigureAwait(false);
                await output.FlushAsync(ct).ConfigureAwait(false);
                while (true)
                {
                    var (batch, more) = link.TakeUnsent();
                    if (batch.Count == 0)
                    {
                        await more.WaitAsync(ct).ConfigureAwait(false);
                        continue;
                    }

                    foreach (var line in batch)
                    {
                        await output.WriteAsync(line, ct).ConfigureAwait(false);
                    }

                    await output.FlushAsync(ct).ConfigureAwait(false);
                    Interlocked.Add(ref link._sent, batch.Count);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return ex is OperationCanceledException ? "stopped" : ex.Message;
            }
        }

        private async Task<string> ReadAsync(CancellationToken ct)
        {
            try
            {
                using var reader = new StreamReader(stream, new UTF8Encoding(false), leaveOpen: true);
                while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
                {
                    Handle(line);
                }

                return "the server closed the link";
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return ex is OperationCanceledException ? "stopped" : ex.Message;
            }
        }

        private void Handle(string line)
        {
            JsonElement root;
            try
            {
                using var doc = JsonDocument.Parse(line);
                root = doc.RootElement.Clone();
            }
            catch (JsonException)
            {
                link._log.LogWarning("CTI link: unreadable line from the server: {Line}", Clip(line));
                return;
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                link._log.LogWarning("CTI link: unexpected line from the server: {Line}", Clip(line));
            }
            else if (root.TryGetProperty("ack", out var ack) && ack.ValueKind == JsonValueKind.String)
            {
                AnyAck = true;
                link.Acknowledge(ack.GetString()!);
            }
            else if (root.TryGetProperty("error", out var error) && root.TryGetProperty("line", out var n) && n.TryGetInt64(out var lineNo))
            {
                // The hello is line 1: refused there (before any ack), the server closes the link after this line.
                if (lineNo == 1 && !AnyAck)
                {
                    HelloRefused = error.ToString();
                    return;
                }

                link.RefuseLine(lineNo, error.ToString());
            }
            else if (root.TryGetProperty("command", out var command))
            {
                if (SwitchCommand.FromJson(command, out var why) is { } c)
                {
                    link._commands.Writer.TryWrite(c);
                }
                else
                {
                    link._log.LogWarning("CTI link: command ignored ({Error}): {Line}", why, Clip(line));
                }
            }
            else
            {
                link._log.LogDebug("CTI link: line from the server ignored: {Line}", Clip(line));
            }
        }

        private static string Clip(string s) => s.Length <= 200 ? s : string.Concat(s.AsSpan(0, 200), "…");
    }

    /// <summary>The queued events not yet sent on this connection, numbered with the lines they go out on, and a task that completes when more are queued.</summary>
    private (List<byte[]> Batch, Task More) TakeUnsent()
    {
        lock (_lock)
        {
            var batch = new List<byte[]>(_unacked.Count - _sentOnConnection);
            for (var i = _sentOnConnection; i < _unacked.Count; i++)
            {
                _unacked[i].LineNo = ++_lineOnConnection;
                batch.Add(_unacked[i].Line);
            }

            _sentOnConnection = _unacked.Count;
            return (batch, _enqueued.Task);
        }
    }

    /// <summary>The server acknowledged <paramref name="id"/>: it and every event sent before it on this link are settled.</summary>
    private void Acknowledge(string id)
    {
        lock (_lock)
        {
            var i = _unacked.FindIndex(0, _sentOnConnection, o => o.Id == id);
            if (i < 0)
            {
                return;
            }

            _unacked.RemoveRange(0, i + 1);
            _sentOnConnection -= i + 1;
            _acked += i + 1;
            _dropping = false;
            _ackArrived.TrySetResult();
            _ackArrived = NewSignal();
        }
    }

    /// <summary>The server refused one line: sending it again would not help, so it is logged and dropped.</summary>
    private void RefuseLine(long lineNo, string error)
    {
        Outgoing? refused = null;
        lock (_lock)
        {
            var i = _unacked.FindIndex(0, _sentOnConnection, o => o.LineNo == lineNo);
            if (i >= 0)
            {
                refused = _unacked[i];
                _unacked.RemoveAt(i);
                _sentOnConnection--;
                _refused++;
                _ackArrived.TrySetResult();
                _ackArrived = NewSignal();
            }
        }

        if (refused is null)
        {
            _log.LogWarning("CTI link: the server refused line {Line}: {Error}", lineNo, error);
        }
        else
        {
            _log.LogWarning("CTI link: the server refused line {Line} (event {Id}, {Type}): {Error}", lineNo, refused.Id, refused.Type, error);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
