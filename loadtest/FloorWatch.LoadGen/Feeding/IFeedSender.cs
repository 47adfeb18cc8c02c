using FloorWatch.LoadGen.Timing;

namespace FloorWatch.LoadGen.Feeding;

/// <summary>Sends one center's feed to the server on schedule and follows what the server acknowledges.</summary>
internal interface IFeedSender : IAsyncDisposable
{
    FeedProgress Progress { get; }

    /// <summary>Connects and sends the feed's first event, so the center exists before viewers join it; completes once it is acknowledged.</summary>
    Task OpenAsync(CancellationToken ct);

    /// <summary>Sends the rest of the feed, each event when <paramref name="warp"/> says it is due.</summary>
    Task RunAsync(TimeWarp warp, CancellationToken ct);
}
