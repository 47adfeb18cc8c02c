namespace FloorWatch.Grains.Push;

/// <summary>How a center pushes its deltas to the server nodes that have viewers.</summary>
public sealed class PushOptions
{
    /// <summary>The shortest time between two deltas of a center (contract: <c>PushIntervalMs</c>).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Every queue is sent again at least this often even without events, because its figures move
    /// with time alone (longest wait, occupancy, the interval rolling over).
    /// </summary>
    public TimeSpan QueueRefresh { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A node that has not renewed its subscription for this long is dropped.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(90);
}
