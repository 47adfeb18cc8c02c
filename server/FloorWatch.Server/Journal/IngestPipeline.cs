using System.Threading.Channels;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Settings;
using FloorWatch.Server.Centers;
using FloorWatch.Server.Journal.Seen;
using FloorWatch.Server.Options;
using Microsoft.Extensions.Options;

namespace FloorWatch.Server.Journal;

/// <summary>
/// The single writer of the journal. Submissions from every transport queue on a channel; the
/// writer takes all that is waiting, drops duplicate ids, appends, forces the file to disk once
/// for the whole group, and only then answers the submitters and hands the records to the
/// centers' dispatch. On start it replays the journal into the same dispatch.
/// </summary>
public sealed class IngestPipeline : IHostedService, IDisposable
{
    private const int MaxGroup = 256;
    private readonly Channel<Submission> _channel = Channel.CreateBounded<Submission>(new BoundedChannelOptions(4096) { SingleReader = true });
    private readonly SeenIds _seenIds;
    private readonly CenterDispatcher _dispatcher;
    private readonly CenterRegistry _centers;
    private readonly ILogger<IngestPipeline> _log;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly IEventWatcher[] _watchers;
    private readonly string _folder;
    private readonly CancellationTokenSource _stopping = new();
    private JournalFile? _file;
    private long _seq;
    private Task? _writer;

    // Set by the replay's task, read by requests on any thread.
    private volatile bool _ready;

    public IngestPipeline(IOptions<FloorWatchOptions> options, CenterDispatcher dispatcher, CenterRegistry centers, IEnumerable<IEventWatcher> watchers, IHostApplicationLifetime lifetime, ILogger<IngestPipeline> log)
    {
        _lifetime = lifetime;
        _watchers = watchers.ToArray();
        _dispatcher = dispatcher;
        _centers = centers;
        _log = log;
        _folder = Path.GetFullPath(options.Value.DataPath);
        _seenIds = new SeenIds(Path.Combine(_folder, "seen-ids"), log, options.Value.SeenIdsInMemory);
    }

    /// <summary>True once the journal was replayed and applied, and new events are taken.</summary>
    public bool IsReady => _ready;

    /// <summary>How much of the journal the replay has read, 0 to 100.</summary>
    public double ReplayPercent => _file is { ReplayLength: > 0 } f ? 100.0 * f.ReplayedBytes / f.ReplayLength : IsReady ? 100 : 0;

    public long LastSeq => Interlocked.Read(ref _seq);

    private abstract record Submission;

    private sealed record EventsSubmission(IReadOnlyList<PendingEvent> Events, TaskCompletionSource<IngestOutcome[]> Done) : Submission;

    private sealed record SettingsSubmission(string Center, CenterSettings Settings, TaskCompletionSource<bool> Done) : Submission;

    private sealed record ActionSubmission(string Center, FloorAction Action, TaskCompletionSource<bool> Done) : Submission;

    /// <summary>Journals the events; the answer comes once they are durable (or are duplicates).</summary>
    public async Task<IngestOutcome[]> SubmitAsync(IReadOnlyList<PendingEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return [];
        }

        var done = new TaskCompletionSource<IngestOutcome[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _channel.Writer.WriteAsync(new EventsSubmission(events, done), ct);
        return await done.Task.WaitAsync(ct);
    }

    /// <summary>Journals a settings change, in force for the center's events from here on.</summary>
    public async Task SubmitSettingsAsync(string center, CenterSettings settings, CancellationToken ct)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _channel.Writer.WriteAsync(new SettingsSubmission(center, settings, done), ct);
        await done.Task.WaitAsync(ct);
    }

    /// <summary>Journals a person's act on a center's floor, in the floor's order; the answer comes once it is durable.</summary>
    public async Task SubmitActionAsync(string center, FloorAction action, CancellationToken ct)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _channel.Writer.WriteAsync(new ActionSubmission(center, action, done), ct);
        await done.Task.WaitAsync(ct);
    }

    /// <summary>
    /// Replays the journal, after which new records are taken. The centers apply it as it is read,
    /// and the reading waits while the records not yet applied are over their limit, so a journal of
    /// any length replays within the same memory as a live feed. It runs after the start, so the
    /// server answers <c>/healthz</c> and <c>/readyz</c> meanwhile; submissions wait for it.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _file = new JournalFile(_folder);

        // The silo is registered before this service, so it has started: its grains can apply now.
        _dispatcher.Open();
        _writer = Task.Run(() => ReplayThenWrite(_file), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task ReplayThenWrite(JournalFile file)
    {
        try
        {
            await Replay(file, _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // A server that never becomes ready would hold every switch's events for good: it stops, as a failed start did.
            _log.LogCritical(ex, "The journal {Path} could not be replayed; the server stops. Mend or move the file, then start the server again", file.Path);
            Environment.ExitCode = 1;
            _lifetime.StopApplication();
            return;
        }

        _ready = true;
        _log.LogInformation("Ready: the journal is replayed and new events are taken");
        await WriteLoop();
    }

    private async Task Replay(JournalFile file, CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        long count = 0;
        long mostWaiting = 0;
        foreach (var (center, entry) in file.Replay((line, text) => _log.LogWarning("Journal line {Line} is unreadable and was passed over: {Text}", line, text)))
        {
            if (count % 65_536 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            _seq = Math.Max(_seq, entry.Seq);
            if (entry.Event is { } e)
            {
                _seenIds.Add(center, e.Id);
                _seenIds.Seal();
            }
            else if (entry.Settings is { } s)
            {
                _centers.SetSettings(center, s);
            }

            _centers.Touch(center);
            _dispatcher.Enqueue(center, [entry], replayed: true);
            mostWaiting = Math.Max(mostWaiting, _dispatcher.Backlog);
            await _dispatcher.WaitForRoomAsync(ct);

            if (++count % 1_000_000 == 0)
            {
                _log.LogInformation(
                    "Replaying the journal: {Count} records so far, {Percent:0} % of its {MiB:N0} MiB",
                    count, ReplayPercent, file.ReplayLength >> 20);
            }
        }

        await _dispatcher.ReplayedAsync(ct);
        _log.LogInformation(
            "Journal {Path}: replayed {Count} records in {Seconds:0.0} s, at most {Waiting} of them read and not yet applied; next sequence {Next}",
            file.Path, count, (DateTime.UtcNow - started).TotalSeconds, mostWaiting, _seq + 1);
    }

    private async Task WriteLoop()
    {
        var file = _file!;
        var group = new List<Submission>(MaxGroup);
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && reader.TryRead(out var s))
            {
                group.Add(s);
            }

            WriteGroup(file, group);
            try
            {
                // The group is answered; the next one waits while the centers are too far behind.
                await _dispatcher.WaitForRoomAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopping: what is still queued is written without waiting, as it always was.
            }
        }
    }

    private void WriteGroup(JournalFile file, List<Submission> group)
    {
        var outcomes = new IngestOutcome[group.Count][];
        var entries = new Dictionary<string, List<JournalEntry>>(StringComparer.Ordinal);
        var added = new List<(string Center, string Id)>();
        var seq = _seq;
        for (var g = 0; g < group.Count; g++)
        {
            switch (group[g])
            {
                case EventsSubmission es:
                    var result = new IngestOutcome[es.Events.Count];
                    for (var i = 0; i < es.Events.Count; i++)
                    {
                        var (e, raw) = es.Events[i];
                        if (!_seenIds.Add(e.Center, e.Id))
                        {
                            result[i] = IngestOutcome.Duplicate;
                            continue;
                        }

                        added.Add((e.Center, e.Id));
                        file.AddEvent(++seq, raw.Span);
                        EntriesFor(entries, e.Center).Add(new JournalEntry(seq, e, null));
                    }

                    outcomes[g] = result;
                    break;
                case SettingsSubmission ss:
                    file.AddSettings(++seq, ss.Center, ss.Settings);
                    EntriesFor(entries, ss.Center).Add(new JournalEntry(seq, null, ss.Settings));
                    break;
                case ActionSubmission a:
                    file.AddAction(++seq, a.Center, a.Action);
                    EntriesFor(entries, a.Center).Add(new JournalEntry(seq, null, null, a.Action));
                    break;
            }
        }

        try
        {
            file.Commit();
        }
        catch (IOException ex)
        {
            file.Discard();
            foreach (var (center, id) in added)
            {
                _seenIds.Remove(center, id);
            }

            _log.LogError(ex, "The journal could not be written; {Count} submissions were refused", group.Count);
            foreach (var s in group)
            {
                Fail(s, ex);
            }

            return;
        }

        Interlocked.Exchange(ref _seq, seq);
        _seenIds.Seal();
        foreach (var (center, list) in entries)
        {
            _centers.Touch(center);
            foreach (var entry in list)
            {
                if (entry.Settings is { } settings)
                {
                    _centers.SetSettings(center, settings);
                }
            }

            _dispatcher.Enqueue(center, list);
        }

        Watch(entries);
        for (var g = 0; g < group.Count; g++)
        {
            switch (group[g])
            {
                case EventsSubmission es: es.Done.TrySetResult(outcomes[g]); break;
                case SettingsSubmission ss: ss.Done.TrySetResult(true); break;
                case ActionSubmission a: a.Done.TrySetResult(true); break;
            }
        }
    }

    private void Watch(Dictionary<string, List<JournalEntry>> entries)
    {
        if (_watchers.Length == 0)
        {
            return;
        }

        foreach (var list in entries.Values)
        {
            foreach (var entry in list)
            {
                if (entry.Event is { } e)
                {
                    foreach (var w in _watchers)
                    {
                        w.Durable(e);
                    }
                }
            }
        }
    }

    private static void Fail(Submission s, Exception ex)
    {
        switch (s)
        {
            case EventsSubmission es: es.Done.TrySetException(ex); break;
            case SettingsSubmission ss: ss.Done.TrySetException(ex); break;
            case ActionSubmission a: a.Done.TrySetException(ex); break;
        }
    }

    private static List<JournalEntry> EntriesFor(Dictionary<string, List<JournalEntry>> map, string center)
    {
        if (!map.TryGetValue(center, out var list))
        {
            list = [];
            map[center] = list;
        }

        return list;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _channel.Writer.TryComplete();
        await _stopping.CancelAsync();
        if (_writer is not null)
        {
            await _writer.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _file?.Dispose();
        _seenIds.Dispose();
    }
}
