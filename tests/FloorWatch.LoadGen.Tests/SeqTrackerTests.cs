using FloorWatch.LoadGen.Viewers;
using static FloorWatch.LoadGen.Viewers.SeqTracker.Verdict;

namespace FloorWatch.LoadGen.Tests;

public class SeqTrackerTests
{
    [Fact]
    public void After_a_snapshot_the_next_seqs_come_in_order()
    {
        var t = new SeqTracker();
        t.Snapshot(5);

        Assert.Equal([Next, Next, Next], new[] { t.Delta(6), t.Delta(7), t.Delta(8) });
    }

    [Fact]
    public void Deltas_already_in_the_snapshot_are_folded_not_errors()
    {
        var t = new SeqTracker();
        t.Snapshot(5);

        Assert.Equal(Folded, t.Delta(4));
        Assert.Equal(Folded, t.Delta(5));
        Assert.Equal(Next, t.Delta(6));
    }

    [Fact]
    public void A_jump_ahead_is_a_gap_that_counts_the_missed_seqs()
    {
        var t = new SeqTracker();
        t.Snapshot(0);
        t.Delta(1);

        Assert.Equal(Gap, t.Delta(4));
        Assert.Equal(2, t.Missed);
        Assert.Equal(Next, t.Delta(5));
    }

    [Fact]
    public void A_seq_seen_after_the_snapshot_is_a_duplicate()
    {
        var t = new SeqTracker();
        t.Snapshot(0);
        t.Delta(1);
        t.Delta(2);

        Assert.Equal(Duplicate, t.Delta(2));
        Assert.Equal(Duplicate, t.Delta(1));
    }

    [Fact]
    public void A_new_snapshot_after_a_gap_folds_what_it_holds()
    {
        var t = new SeqTracker();
        t.Snapshot(0);
        t.Delta(1);
        t.Delta(5);
        t.Snapshot(7);

        Assert.Equal(Folded, t.Delta(6));
        Assert.Equal(Folded, t.Delta(7));
        Assert.Equal(Next, t.Delta(8));
    }

    [Fact]
    public void A_snapshot_older_than_the_deltas_held_keeps_the_newer_position()
    {
        var t = new SeqTracker();
        t.Snapshot(0);
        t.Delta(1);
        t.Delta(2);
        t.Snapshot(1);

        Assert.Equal(Duplicate, t.Delta(2));
        Assert.Equal(Next, t.Delta(3));
    }
}
