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

    /// <summary>An alert raised, escalated, acknowledged or resolved: sent at once, not with the next delta.</summary>
    [OneWay]
    Task OnAlert(AlertView alert);

    /// <summary>A break request filed or changed.</summary>
    [OneWay]
    Task OnBreak(BreakView request);
}
