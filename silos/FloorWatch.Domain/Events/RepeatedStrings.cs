using System.Collections.Concurrent;
using System.Text.Json;

namespace FloorWatch.Domain.Events;

/// <summary>
/// The strings a feed says over and over (its centers, agents, queues, reasons, event types), each
/// made once and handed out again: a string per field per event was a tenth of what ingest
/// allocated. Short strings only, and only so many, so that a feed of ever new values costs a
/// bounded amount; past that they are made as before.
/// </summary>
public sealed class RepeatedStrings(int capacity)
{
    /// <summary>Longer values are rare enough to be made each time.</summary>
    public const int MaxLength = 64;

    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The reader's current string value (which must be a string token).</summary>
    /// <exception cref="InvalidOperationException">It is not valid UTF-8, as from <see cref="Utf8JsonReader.GetString"/>.</exception>
    public string Get(ref Utf8JsonReader reader)
    {
        // Unescaping never lengthens a value, and UTF-8 takes at least a byte per UTF-16 char.
        if (reader.ValueSpan.Length > MaxLength)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[MaxLength];
        var value = chars[..reader.CopyString(chars)];
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value, out var known))
        {
            return known;
        }

        var made = new string(value);
        if (Volatile.Read(ref _count) < capacity && _strings.TryAdd(made, made))
        {
            Interlocked.Increment(ref _count);
        }

        return made;
    }
}
