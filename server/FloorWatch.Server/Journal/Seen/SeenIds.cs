using System.IO.Hashing;
using System.Text;

namespace FloorWatch.Server.Journal.Seen;

/// <summary>
/// The event ids already journaled, per center, to drop repeats however old they are. Each id is
/// kept as its 128-bit XxHash rather than as a string (a collision, a new event taken for a
/// repeat, is beyond any realistic count of events). The newest ids of each center are in memory,
/// the rest in sorted runs under the data folder, so memory stays flat on a feed that never stops.
/// The runs are made again from the journal at every start.
/// </summary>
public sealed class SeenIds : IDisposable
{
    /// <summary>Ids per center kept in memory: at about 28 bytes each under 2 MiB, and a run on disk every 65,536 events.</summary>
    public const int DefaultInMemory = 1 << 16;

    private readonly Dictionary<string, CenterSeenIds> _byCenter = new(StringComparer.Ordinal);

    /// <summary>Centers whose memory share filled since the last seal: a seal after every replayed record must not visit every center.</summary>
    private readonly HashSet<CenterSeenIds> _full = [];
    private readonly string _folder;
    private readonly int _inMemory;
    private readonly ILogger _log;

    public SeenIds(string folder, ILogger log, int inMemory = DefaultInMemory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inMemory, 1);
        _folder = folder;
        _inMemory = inMemory;
        _log = log;

        // Left by an earlier run of the server; the journal replay makes them again.
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>False when the id was seen before in that center.</summary>
    public bool Add(string center, string id)
    {
        var seen = For(center);
        if (!seen.Add(Hash(id)))
        {
            return false;
        }

        if (seen.Full)
        {
            _full.Add(seen);
        }

        return true;
    }

    /// <summary>Forgets an id added since the last <see cref="Seal"/> whose event could not be journaled after all, so a resend is taken.</summary>
    public void Remove(string center, string id) => For(center).Remove(Hash(id));

    /// <summary>The ids added so far are journaled: centers whose memory share is full move it to disk.</summary>
    public void Seal()
    {
        foreach (var center in _full)
        {
            center.Seal();
        }

        _full.Clear();
    }

    /// <summary>Completes when no center is merging runs.</summary>
    public Task Merged => Task.WhenAll(_byCenter.Values.Select(c => c.Merged));

    public IReadOnlyDictionary<string, CenterSeenIds> Centers => _byCenter;

    private CenterSeenIds For(string center)
    {
        if (!_byCenter.TryGetValue(center, out var seen))
        {
            // Numbered, not named: a center id comes from the feed and is no file name.
            var folder = Path.Combine(_folder, (_byCenter.Count + 1).ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            seen = new CenterSeenIds(folder, _inMemory, _log);
            _byCenter[center] = seen;
        }

        return seen;
    }

    private static UInt128 Hash(string id)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(Math.Min(id.Length, 256))];
        return id.Length <= 256 ? XxHash128.HashToUInt128(utf8[..Encoding.UTF8.GetBytes(id, utf8)]) : XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(id));
    }

    public void Dispose()
    {
        foreach (var center in _byCenter.Values)
        {
            center.Dispose();
        }
    }
}
