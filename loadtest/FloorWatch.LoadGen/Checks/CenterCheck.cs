namespace FloorWatch.LoadGen.Checks;

/// <summary>The count check of one center: how it was compared, and what differed.</summary>
internal sealed record CenterCheck(
    string Center,
    string Method,
    int QueuesCompared,
    long EventsAcked,
    long EventsApplied,
    long Anomalies,
    long Offered,
    long Answered,
    long Abandoned,
    IReadOnlyList<CountMismatch> Mismatches);
