namespace FloorWatch.Server.Commands;

/// <summary>Commands kept in memory, the newest <see cref="PerCenter"/> of each center; older ones are forgotten (the audit log keeps how they ended).</summary>
public sealed class CommandStore
{
    public const int PerCenter = 10_000;

    private readonly Dictionary<string, Center> _centers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private sealed class Center
    {
        public Dictionary<string, CommandRecord> ById { get; } = new(StringComparer.Ordinal);
        public Queue<string> Order { get; } = new();
    }

    /// <summary>Adds a command or replaces it with its newer state.</summary>
    public void Put(CommandRecord record)
    {
        lock (_gate)
        {
            if (!_centers.TryGetValue(record.Center, out var center))
            {
                _centers[record.Center] = center = new Center();
            }

            if (!center.ById.ContainsKey(record.Id))
            {
                center.Order.Enqueue(record.Id);
                while (center.Order.Count > PerCenter)
                {
                    center.ById.Remove(center.Order.Dequeue());
                }
            }

            center.ById[record.Id] = record;
        }
    }

    public CommandRecord? Get(string center, string id)
    {
        lock (_gate)
        {
            return _centers.TryGetValue(center, out var c) && c.ById.TryGetValue(id, out var r) ? r : null;
        }
    }
}
