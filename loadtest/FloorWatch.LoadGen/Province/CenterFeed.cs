using System.Globalization;

namespace FloorWatch.LoadGen.Province;

/// <summary>
/// One center's whole feed, generated before the run: the NDJSON lines back to back in one buffer
/// (so a sender writes any run of due events with one call, and nothing is allocated per event while
/// sending), each event's time in the feed, and where its <c>ts</c> sits in its line. The times are
/// written in by <see cref="StampTimes"/> once the run knows where the feed starts.
/// </summary>
internal sealed class CenterFeed
{
    /// <summary>The width of <c>ts</c> as the simulator writes it: <c>2026-11-17T08:00:01.250+00:00</c>.</summary>
    public const int TsLength = 29;

    private const string TsFormat = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

    private readonly byte[] _bytes;
    private readonly int[] _lineStarts;
    private readonly int[] _tsAt;
    private readonly int[] _relMs;

    public CenterFeed(string center, string runId, byte[] bytes, int[] lineStarts, int[] tsAt, int[] relMs, CallTally tally)
    {
        Center = center;
        RunId = runId;
        _bytes = bytes;
        _lineStarts = lineStarts;
        _tsAt = tsAt;
        _relMs = relMs;
        Tally = tally;
    }

    public string Center { get; }

    /// <summary>Prefix of the event ids (<c>runId-n</c>, n counting from 1 in feed order).</summary>
    public string RunId { get; }

    public int Count => _relMs.Length;

    public long Bytes => _lineStarts[^1];

    /// <summary>Simulated time from the first event to the last.</summary>
    public TimeSpan Span => TimeSpan.FromMilliseconds(Count == 0 ? 0 : _relMs[^1]);

    public CallTally Tally { get; }

    /// <summary>When this feed's first event happened (set by <see cref="StampTimes"/>).</summary>
    public DateTimeOffset SimStart { get; private set; }

    /// <summary>Milliseconds from the feed's start to event <paramref name="index"/>.</summary>
    public int RelMs(int index) => _relMs[index];

    /// <summary>Writes every event's ts as <paramref name="simStart"/> plus its time in the feed (UTC, so every ts is as wide as the placeholder).</summary>
    public void StampTimes(DateTimeOffset simStart)
    {
        SimStart = simStart.ToUniversalTime();
        Span<byte> text = stackalloc byte[TsLength];
        for (var i = 0; i < Count; i++)
        {
            var ts = SimStart.AddMilliseconds(_relMs[i]);
            if (!ts.TryFormat(text, out var written, TsFormat, CultureInfo.InvariantCulture) || written != TsLength)
            {
                throw new InvalidOperationException($"ts {ts:O} does not fit the {TsLength} characters of the feed's lines");
            }

            text.CopyTo(_bytes.AsSpan(_tsAt[i], TsLength));
        }
    }

    /// <summary>How many events (from the first) fall due by <paramref name="relMs"/> into the feed.</summary>
    public int DueBy(double relMs, int from)
    {
        // Usually a few events on from the last call: walk, rather than search the whole feed.
        var i = from;
        while (i < Count && _relMs[i] <= relMs)
        {
            i++;
        }

        return i;
    }

    /// <summary>The lines of events [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public ReadOnlyMemory<byte> Lines(int from, int to) => _bytes.AsMemory(_lineStarts[from], _lineStarts[to] - _lineStarts[from]);

    /// <summary>The 1-based number of the event whose id is <paramref name="id"/> (<c>runId-n</c>), or -1 if it is not one of this feed's.</summary>
    public long NumberOf(string id) =>
        id.Length > RunId.Length + 1 && id.StartsWith(RunId, StringComparison.Ordinal) && id[RunId.Length] == '-'
        && long.TryParse(id.AsSpan(RunId.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : -1;
}
