using System.Text.Json.Serialization;

namespace FloorWatch.LoadGen.Viewers;

/// <summary>
/// What a viewer reads of a <c>delta</c> (contract section 4). Only these fields are bound, so the
/// client skims past the queue, agent and call views instead of building them: the generator shares
/// the machine with the server and should spend as little as it can per message.
/// </summary>
internal sealed record DeltaHeader(
    [property: JsonPropertyName("center")] string? Center,
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("oldestEventTs")] DateTimeOffset? OldestEventTs,
    [property: JsonPropertyName("newestEventTs")] DateTimeOffset? NewestEventTs);

/// <summary>What a viewer reads of a <c>snapshot</c>: the seq of the last delta folded into it.</summary>
internal sealed record SnapshotHeader(
    [property: JsonPropertyName("center")] string? Center,
    [property: JsonPropertyName("seq")] long Seq);
