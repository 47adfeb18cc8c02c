using System.Text;

namespace FloorWatch.Domain.Rules;

/// <summary>FNV-1a over UTF-8: the same on every run and machine (string.GetHashCode is not), so ids and samples survive a replay.</summary>
public static class StableHash
{
    public static ulong Of(string text)
    {
        var bytes = text.Length <= 256 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(text.Length)] : Encoding.UTF8.GetBytes(text);
        var length = text.Length <= 256 ? Encoding.UTF8.GetBytes(text, bytes) : bytes.Length;
        var hash = 14695981039346656037UL;
        foreach (var b in bytes[..length])
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
