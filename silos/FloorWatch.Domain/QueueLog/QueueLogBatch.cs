namespace FloorWatch.Domain.QueueLog;

/// <summary>
/// What lines of a <c>queue_log</c> became: CTI events (NDJSON objects, each with the number of the
/// line it came from), lines refused with the reason, and lines that mean nothing to the floor.
/// </summary>
public sealed class QueueLogBatch
{
    public List<(long Line, byte[] Json)> Events { get; } = [];

    public List<(long Line, string Error)> Rejected { get; } = [];

    public int Skipped { get; set; }
}
