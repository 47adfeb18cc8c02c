using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FloorWatch.Domain.Events;
using FloorWatch.Domain.Figures;
using FloorWatch.Domain.Floor;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FloorWatch.Grains.Archive;

/// <summary>
/// The archive in files: <c>{center}/{utc day}.{agents-N|queues|center}.ndjson</c>, a line per
/// entity per write, appended. The agents' lines are spread over <see cref="AgentFiles"/> files by a
/// hash of the agent's id, so reading one agent's day scans a sixteenth of a busy center's agents.
/// The archive is derived from the journal, so it is emptied at start and written again by the
/// replay, and its files are not forced to disk. A reader takes every line of the entity asked for
/// and adds up the intervals that share a start.
/// </summary>
public sealed class FileIntervalArchive : IIntervalArchive
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private const int AgentFiles = 16;
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly string _folder;
    private readonly ILogger<FileIntervalArchive> _log;

    // One writer or reader at a time per center: a reader must not meet half a line.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public FileIntervalArchive(IOptions<IntervalArchiveOptions> options, ILogger<FileIntervalArchive> log)
    {
        _log = log;
        if (string.IsNullOrWhiteSpace(options.Value.Folder))
        {
            throw new OptionsValidationException(nameof(IntervalArchiveOptions), typeof(IntervalArchiveOptions), ["the interval archive needs a folder (IntervalArchiveOptions.Folder)"]);
        }

        _folder = Path.GetFullPath(options.Value.Folder);
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        Directory.CreateDirectory(_folder);
    }

    public Task AddAgentAsync(string center, string agent, IReadOnlyList<KeyValuePair<long, AgentInterval>> intervals) =>
        AppendAsync(center, "agents", agent, intervals.Select(i => ArchivedAgentInterval.Of(i.Key, i.Value)).ToArray(), intervals);

    public Task<Dictionary<long, AgentInterval>> AgentAsync(string center, string agent, long fromTicks, long toTicks) =>
        GatherAsync<ArchivedAgentInterval, AgentInterval>(center, "agents", agent, fromTicks, toTicks, i => (i.Start, i.ToInterval()), (held, more) => held.Add(more));

    public Task AddQueueAsync(string center, string? queue, IReadOnlyList<KeyValuePair<long, IntervalCounters>> intervals) =>
        AppendAsync(center, QueueKind(queue), queue ?? center, intervals.Select(i => new ArchivedQueueInterval(new DateTimeOffset(i.Key, TimeSpan.Zero), i.Value)).ToArray(), intervals);

    public Task<Dictionary<long, IntervalCounters>> QueueAsync(string center, string? queue, long fromTicks, long toTicks) =>
        GatherAsync<ArchivedQueueInterval, IntervalCounters>(center, QueueKind(queue), queue ?? center, fromTicks, toTicks, i => (i.Start, i.Counters), (held, more) => held.Add(more));

    /// <summary>The entity's archived intervals that start in [fromTicks, toTicks), those of the same start added up.</summary>
    private async Task<Dictionary<long, T>> GatherAsync<TLine, T>(string center, string kind, string id, long fromTicks, long toTicks, Func<TLine, (DateTimeOffset Start, T Interval)> read, Action<T, T> add)
    {
        var found = new Dictionary<long, T>();
        await ReadAsync<TLine>(center, kind, id, fromTicks, toTicks, line =>
        {
            var (start, interval) = read(line);
            var ticks = start.UtcTicks;
            if (ticks >= fromTicks && ticks < toTicks)
            {
                if (found.TryGetValue(ticks, out var held))
                {
                    add(held, interval);
                }
                else
                {
                    found[ticks] = interval;
                }
            }
        });
        return found;
    }

    private async Task AppendAsync<T, TInterval>(string center, string kind, string id, T[] lineIntervals, IReadOnlyList<KeyValuePair<long, TInterval>> intervals)
    {
        if (intervals.Count == 0)
        {
            return;
        }

        var day = ArchiveDays.FileDay(intervals[0].Key);
        if (ArchiveDays.FileDay(intervals[^1].Key) != day)
        {
            throw new ArgumentException($"an archive write holds one UTC day; these intervals run from {day:yyyy-MM-dd} to {ArchiveDays.FileDay(intervals[^1].Key):yyyy-MM-dd}", nameof(intervals));
        }

        var line = JsonSerializer.SerializeToUtf8Bytes(new ArchivedLine<T>(id, lineIntervals), Json);
        var path = PathOf(center, day, kind, id);
        var gate = Gate(center);
        await gate.WaitAsync();
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, useAsync: true);
            var before = file.Length;
            try
            {
                await file.WriteAsync(line);
                await file.WriteAsync(NewLine);
            }
            catch
            {
                // Half a line would glue the next one to it: the file goes back to its last whole line.
                file.SetLength(before);
                throw;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task ReadAsync<T>(string center, string kind, string id, long fromTicks, long toTicks, Action<T> found)
    {
        if (toTicks <= fromTicks)
        {
            return;
        }

        // The lines are written by this class, the id first, so the lines of other entities are passed over unread.
        var prefix = "{\"id\":" + JsonSerializer.Serialize(id, Json) + ",";
        var gate = Gate(center);
        await gate.WaitAsync();
        try
        {
            for (var day = ArchiveDays.FileDay(fromTicks); day <= ArchiveDays.FileDay(toTicks - 1); day = day.AddDays(1))
            {
                var path = PathOf(center, day, kind, id);
                if (!File.Exists(path))
                {
                    continue;
                }

                using var reader = new StreamReader(path, Encoding.UTF8);
                var lineNumber = 0;
                while (await reader.ReadLineAsync() is { } line)
                {
                    lineNumber++;
                    if (!line.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    ArchivedLine<T>? read = null;
                    try
                    {
                        read = JsonSerializer.Deserialize<ArchivedLine<T>>(line, Json);
                    }
                    catch (JsonException ex)
                    {
                        _log.LogError("Interval archive {Path} line {Line} is unreadable and was passed over ({Error}); restart to write the archive again from the journal", path, lineNumber, ex.Message);
                    }

                    foreach (var i in read?.Intervals ?? [])
                    {
                        found(i);
                    }
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A center's own figures have a file of their own, with the center's id as the line's.</summary>
    private static string QueueKind(string? queue) => queue is null ? "center" : "queues";

    private SemaphoreSlim Gate(string center) => _locks.GetOrAdd(center, _ => new SemaphoreSlim(1, 1));

    private string PathOf(string center, DateOnly day, string kind, string id)
    {
        if (!Identifiers.IsCenterId(center))
        {
            throw new ArgumentException($"'{center}' is not a center id", nameof(center));
        }

        var file = kind == "agents" ? $"agents-{Domain.Rules.StableHash.Of(id) % AgentFiles:x}" : kind;
        return Path.Combine(_folder, center, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "." + file + ".ndjson");
    }
}
