namespace FloorWatch.Domain.Floor;

/// <summary>An event that did not fit the floor as known (e.g. an abandon of a connected call, a negative duration).</summary>
public sealed record Anomaly(DateTimeOffset Ts, string EventId, string What);

/// <summary>Counts every anomaly and keeps the most recent ones for the snapshot.</summary>
public sealed class AnomalyLog
{
    public const int Keep = 50;
    private readonly Queue<Anomaly> _recent = new();

    public long Count { get; private set; }

    public IReadOnlyCollection<Anomaly> Recent => _recent;

    public void Add(Anomaly a)
    {
        Count++;
        _recent.Enqueue(a);
        if (_recent.Count > Keep)
        {
            _recent.Dequeue();
        }
    }
}
