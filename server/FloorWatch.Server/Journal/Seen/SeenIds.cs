using System.IO.Hashing;
using System.Text;

namespace FloorWatch.Server.Journal;

/// <summary>
/// The event ids already journaled, per center, to drop repeats. Each id is kept as its 128-bit
/// XxHash rather than as a string: a third of the memory or less at millions of events, and a
/// collision (a new event taken for a repeat) is beyond any realistic count of events.
/// </summary>
public sealed class SeenIds
{
    private readonly Dictionary<string, HashSet<UInt128>> _byCenter = new(StringComparer.Ordinal);

    /// <summary>False when the id was seen before in that center.</summary>
    public bool Add(string center, string id) => For(center).Add(Hash(id));

    /// <summary>Forgets an id whose event could not be journaled after all, so a resend is taken.</summary>
    public void Remove(string center, string id) => For(center).Remove(Hash(id));

    private HashSet<UInt128> For(string center)
    {
        if (!_byCenter.TryGetValue(center, out var set))
        {
            set = [];
            _byCenter[center] = set;
        }

        return set;
    }

    private static UInt128 Hash(string id)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(Math.Min(id.Length, 256))];
        return id.Length <= 256 ? XxHash128.HashToUInt128(utf8[..Encoding.UTF8.GetBytes(id, utf8)]) : XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(id));
    }
}
