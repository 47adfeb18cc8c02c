using System.Text;

namespace FloorWatch.Domain.Rules;

/// <summary>FNV-1a over UTF-8: the same on every run and machine (string.GetHashCode is not), so ids and samples survive a replay.</summary>
public static class StableHash
{
    public static ulong Of(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
