namespace FloorWatch.LoadGen.Viewers;

/// <summary>
/// A viewer's check of the delta order (contract section 4): after a snapshot with seq S, deltas at
/// or below S are already folded into it, S + 1 comes next, and each delta after that is the previous
/// one plus one. A jump ahead is a gap (the client joins again); a seq seen before is a duplicate.
/// </summary>
internal sealed class SeqTracker
{
    private long _last = -1;
    private long _snapshot = -1;

    public enum Verdict
    {
        /// <summary>The next delta: apply it.</summary>
        Next,

        /// <summary>Already in the snapshot: ignore it.</summary>
        Folded,

        /// <summary>Seen before, after the snapshot: an error.</summary>
        Duplicate,

        /// <summary>Seqs were skipped (<see cref="Missed"/> of them); the delta is applied and the client joins again.</summary>
        Gap,
    }

    /// <summary>Seqs skipped by the last <see cref="Verdict.Gap"/>.</summary>
    public long Missed { get; private set; }

    public bool HasSnapshot => _snapshot >= 0;

    public void Snapshot(long seq)
    {
        _snapshot = seq;
        _last = Math.Max(_last, seq);
    }

    public Verdict Delta(long seq)
    {
        if (seq <= _snapshot)
        {
            return Verdict.Folded;
        }

        if (seq <= _last)
        {
            return Verdict.Duplicate;
        }

        var expected = _last + 1;
        _last = seq;
        if (seq == expected)
        {
            return Verdict.Next;
        }

        Missed = seq - expected;
        return Verdict.Gap;
    }
}
