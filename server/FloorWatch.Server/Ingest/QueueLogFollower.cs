using FloorWatch.Domain.QueueLog;
using FloorWatch.Server.Options;
using Microsoft.Extensions.Options;

namespace FloorWatch.Server.Ingest;

/// <summary>
/// Follows an Asterisk queue_log as it grows (<c>FloorWatch__QueueLog__Path</c> and <c>__Center</c>):
/// new whole lines are taken in every poll, a rotation (renamed, or truncated in place) is found by
/// the first line of the file at the path, and what was taken in is saved so that a restart goes on
/// from there. A file rotated while the server was stopped is looked for beside the path, and its
/// rest read first. Each poll that reads the file counts as the switch heard.
/// </summary>
public sealed class QueueLogFollower(IOptions<FloorWatchOptions> options, QueueLogIntake intake, FeedStatus feed, TimeProvider time, ILogger<QueueLogFollower> log) : BackgroundService
{
    private const int ChunkBytes = 1 << 20;
    private const int RejectionsLoggedPerRead = 10;
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMinutes(10);

    private readonly byte[] _buffer = new byte[ChunkBytes];
    private QueueLogTranslator _translator = null!;
    private QueueLogFile? _file;
    private string _path = "";
    private string _center = "";
    private string _positionFile = "";
    private byte[]? _saved;
    private string? _lastProblem;
    private bool _waitingSaid;
    private bool _saveFailing;
    private bool _catchingUp = true;
    private long _lastReport;
    private (long Accepted, long Duplicates, long Rejected, long Skipped) _since;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.QueueLog.Path))
        {
            return;
        }

        _path = Path.GetFullPath(o.QueueLog.Path);
        _center = o.QueueLog.Center!;
        _positionFile = QueueLogPosition.FileFor(o.DataPath, _center);
        _translator = intake.Translator(_center);
        _lastReport = time.GetTimestamp();
        log.LogInformation("Following the Asterisk queue_log {Path} for center {Center}", _path, _center);
        try
        {
            Resume();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _translator.Restore([]);
            _file?.Dispose();
            _file = null;
            log.LogWarning(ex, "Could not go on from the saved position in the queue_log {Path}; reading it from its start (what was taken in already is known by its ids)", _path);
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(o.QueueLog.PollMs), time);
        do
        {
            try
            {
                await Poll(stoppingToken);
                _lastProblem = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Lines not journaled are read again next time, by the translator as it was before them.
                // (A position that could not be saved is not a failure here: see Submit.)
                _translator.Restore(_saved is null ? [] : QueueLogPosition.FromJson(_saved).Members);
                if (ex.Message != _lastProblem)
                {
                    log.LogWarning(ex, "Could not take in the queue_log {Path} (at line {Line}); trying again every {Ms} ms", _path, _file?.Lines + 1, o.QueueLog.PollMs);
                    _lastProblem = ex.Message;
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Goes on from the saved position: in the file at the path, or in the one it was rotated to while the server was stopped.</summary>
    private void Resume()
    {
        var saved = QueueLogPosition.Load(_positionFile, out var error);
        if (error is not null)
        {
            log.LogWarning("The saved position in the queue_log ({File}) could not be read: {Error}; reading {Path} from its start (what was taken in already is known by its ids)", _positionFile, error, _path);
        }

        if (saved is null)
        {
            return;
        }

        if (saved.Path != _path)
        {
            log.LogWarning("The queue_log followed before was {Old}; reading {Path} from its start", saved.Path, _path);
            return;
        }

        _translator.Restore(saved.Members);
        _saved = saved.ToJson();
        if (QueueLogFile.Begins(_path, saved.FirstLine, saved.Offset) == true)
        {
            _file = QueueLogFile.Open(_path, saved.Offset, saved.Lines, saved.FirstLine);
            log.LogInformation("Going on with the queue_log {Path} after line {Line}", _path, saved.Lines);
            return;
        }

        var rotated = Directory.EnumerateFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*")
            .Where(f => f != _path)
            .FirstOrDefault(f => QueueLogFile.Begins(f, saved.FirstLine, saved.Offset) == true);
        if (rotated is null)
        {
            log.LogWarning("The queue_log {Path} was rotated while the server was stopped, and the file it was is not beside it: lines after line {Line} of that file are not taken in", _path, saved.Lines);
            return;
        }

        _file = QueueLogFile.Open(rotated, saved.Offset, saved.Lines, saved.FirstLine);
        log.LogInformation("The queue_log {Path} was rotated while the server was stopped; taking in the rest of {Rotated} after line {Line} first", _path, rotated, saved.Lines);
    }

    private async Task Poll(CancellationToken ct)
    {
        if (_file is null)
        {
            _file = QueueLogFile.Open(_path);
            if (_file is null)
            {
                if (!_waitingSaid)
                {
                    log.LogWarning("The queue_log {Path} does not exist yet; waiting for it", _path);
                    _waitingSaid = true;
                }

                return;
            }

            _waitingSaid = false;
        }

        await Drain(ct);
        var ended = new QueueLogBatch();
        _translator.EndWrapUpsBy(time.GetUtcNow(), ended);
        if (ended.Events.Count > 0)
        {
            await Submit(ended, 0, 0, ct);
        }

        if (!_file.IsStillAt(_path))
        {
            // Lines written to the old file just before it was rotated are read through the handle still open.
            await Drain(ct);
            log.LogInformation("The queue_log {Path} was rotated after line {Line}; following the new file", _path, _file.Lines);
            _file.Dispose();
            _file = QueueLogFile.Open(_path);
            _catchingUp = true;
        }

        // Asterisk writes the log only when queues are busy and sends no heartbeat: a file that can be
        // followed is a feed that is up, however quiet the floor (feed.down otherwise after every lull).
        feed.Heard(_center);
        Report();
    }

    /// <summary>Takes in every whole line there is, a chunk at a time.</summary>
    private async Task Drain(CancellationToken ct)
    {
        var file = _file!;
        while (true)
        {
            var n = file.ReadWholeLines(_buffer);
            if (n == 0)
            {
                break;
            }

            if (n < 0)
            {
                log.LogWarning("Line {Line} of the queue_log {Path} has no end in {Bytes} bytes, so it is not a queue_log line; passed over", file.Lines + 1, file.Path, ChunkBytes);
                _since.Rejected++;
                continue;
            }

            var batch = new QueueLogBatch();
            _translator.AddText(_buffer.AsSpan(0, n), file.Name!, batch, file.Offset, file.Lines + 1);
            await Submit(batch, n, _buffer.AsSpan(0, n).Count((byte)'\n'), ct);
            if (_catchingUp && n == ChunkBytes)
            {
                log.LogInformation("Reading the queue_log {Path}: line {Line} ({MiB:0.0} MiB) so far", file.Path, file.Lines, file.Offset / 1048576.0);
            }
        }

        if (_catchingUp)
        {
            _catchingUp = false;
            log.LogInformation("Caught up with the queue_log {Path} at line {Line}: {Accepted} events taken in, {Duplicates} already known, {Rejected} lines refused, {Skipped} lines that change nothing", file.Path, file.Lines, _since.Accepted, _since.Duplicates, _since.Rejected, _since.Skipped);
            _since = default;
        }
    }

    private async Task Submit(QueueLogBatch batch, int bytes, long lines, CancellationToken ct)
    {
        var file = _file!;
        var outcome = await intake.SubmitAsync(_center, batch, ct);
        foreach (var r in outcome.Rejected.Take(RejectionsLoggedPerRead))
        {
            log.LogWarning("Line {Line} of the queue_log {Path} refused: {Error}", r.Line, file.Path, r.Error);
        }

        if (outcome.Rejected.Count > RejectionsLoggedPerRead)
        {
            log.LogWarning("… and {More} more lines of the queue_log {Path} refused in this read", outcome.Rejected.Count - RejectionsLoggedPerRead, file.Path);
        }

        file.Advance(bytes, lines);
        // Saved under the path followed: on a restart, the file is found by its first line, at the path or beside it.
        _saved = new QueueLogPosition(_path, file.FirstLine ?? [], file.Offset, file.Lines, _translator.Members.ToList()).ToJson();
        try
        {
            QueueLogPosition.Save(_positionFile, _saved);
            _saveFailing = false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not lost: a restart reads again from the last position saved, and what was taken in is known by its ids.
            if (!_saveFailing)
            {
                log.LogWarning(ex, "Could not save the position in the queue_log {Path} to {File}; a restart will read again from the last one saved", _path, _positionFile);
                _saveFailing = true;
            }
        }

        _since = (_since.Accepted + outcome.Accepted, _since.Duplicates + outcome.Duplicates, _since.Rejected + outcome.Rejected.Count, _since.Skipped + batch.Skipped);
    }

    /// <summary>A line now and then while the log is followed, so that a quiet feed and a stuck one can be told apart.</summary>
    private void Report()
    {
        if (time.GetElapsedTime(_lastReport) < ReportEvery)
        {
            return;
        }

        _lastReport = time.GetTimestamp();
        log.LogInformation("Following the queue_log {Path}, at line {Line}: since the last report {Accepted} events taken in, {Duplicates} already known, {Rejected} lines refused, {Skipped} lines that change nothing", _path, _file?.Lines, _since.Accepted, _since.Duplicates, _since.Rejected, _since.Skipped);
        _since = default;
    }

    public override void Dispose()
    {
        _file?.Dispose();
        base.Dispose();
    }
}
