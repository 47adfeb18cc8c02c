using System.Collections.Concurrent;
using System.Text.Json;
using FloorWatch.Server.Journal;
using FloorWatch.Server.Options;
using Microsoft.Extensions.Options;

namespace FloorWatch.Server.Audit;

/// <summary>The audit log: appended to a file in the data folder, read back at start, listed per center.</summary>
public sealed class AuditLog
{
    public const string FileName = "audit.ndjson";
    private readonly ConcurrentDictionary<string, List<JsonElement>> _byCenter = new(StringComparer.Ordinal);
    private readonly string _path;
    private readonly Lock _gate = new();

    public AuditLog(IOptions<FloorWatchOptions> options)
    {
        var folder = Path.GetFullPath(options.Value.DataPath);
        Directory.CreateDirectory(folder);
        _path = Path.Combine(folder, FileName);
        if (File.Exists(_path))
        {
            foreach (var line in File.ReadLines(_path))
            {
                try
                {
                    var e = JsonDocument.Parse(line).RootElement;
                    For(e.GetProperty("center").GetString() ?? "").Add(e);
                }
                catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    // A torn last line after a crash: the entry was never confirmed to anyone.
                }
            }
        }
    }

    public void Write(AuditEntry entry)
    {
        var json = JsonSerializer.SerializeToElement(entry, JournalJson.Options);
        lock (_gate)
        {
            File.AppendAllText(_path, json.GetRawText() + "\n");
            For(entry.Center).Add(json);
        }
    }

    public IReadOnlyList<JsonElement> For(string center, int newest) 
    {
        lock (_gate)
        {
            var list = For(center);
            return list.Skip(Math.Max(0, list.Count - newest)).Reverse().ToList();
        }
    }

    private List<JsonElement> For(string center) => _byCenter.GetOrAdd(center, _ => []);
}
