namespace FloorWatch.LoadGen.Province;

/// <summary>The queue figures the run checks: calls offered, answered and abandoned.</summary>
internal readonly record struct QueueCounts(long Offered, long Answered, long Abandoned)
{
    public static QueueCounts operator +(QueueCounts a, QueueCounts b) =>
        new(a.Offered + b.Offered, a.Answered + b.Answered, a.Abandoned + b.Abandoned);

    public static QueueCounts Add(QueueCounts a, QueueCounts b) => a + b;
}
