using FloorWatch.Contracts.Views;

namespace FloorWatch.Contracts.Grains;

/// <summary>
/// A server node with viewers of a center. The node subscribes with a lease and renews it; a node
/// that stops renewing (gone, restarted) is dropped by the center when the lease runs out.
/// </summary>
public interface IFloorObserver : IGrainObserver
{
    /// <summary>What changed on a center's floor since the previous delta; <see cref="FloorDelta.Seq"/> grows by one per center.</summary>
    [OneWay]
    Task OnDelta(FloorDelta delta);
}
