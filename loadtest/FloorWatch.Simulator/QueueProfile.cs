namespace FloorWatch.Simulator;

/// <summary>
/// One simulated queue (skill): its id on the wire, a display name, its share of the center's
/// calls, how long its calls talk, and how long a caller may wait before the switch overflows the call.
/// </summary>
public sealed record QueueProfile
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    /// <summary>Relative weight of this queue in the center's arrivals (shares are normalised).</summary>
    public double Share { get; init; } = 1;

    /// <summary>Mean talk time; the handle time adds ringing and wrap-up (about 25 s).</summary>
    public double TalkSeconds { get; init; } = 125;

    /// <summary>A caller still waiting after this long is overflowed (to voicemail or another site).</summary>
    public double MaxWaitSeconds { get; init; } = 300;

    /// <summary>Every call of a VIP queue is flagged <c>vip</c> and jumps the other queues' calls.</summary>
    public bool Vip { get; init; }

    /// <summary>The default floor: four queues sized for about 900 calls an hour on 48 agents.</summary>
    public static IReadOnlyList<QueueProfile> Defaults { get; } =
    [
        new() { Id = "billing", Name = "Billing", Share = 0.35, TalkSeconds = 95 },
        new() { Id = "sales", Name = "Sales", Share = 0.25, TalkSeconds = 115 },
        new() { Id = "tech", Name = "Tech support", Share = 0.30, TalkSeconds = 130 },
        new() { Id = "vip", Name = "VIP line", Share = 0.10, TalkSeconds = 105, MaxWaitSeconds = 180, Vip = true },
    ];

    /// <summary>The default profile of that id, or a plain queue with an average share for any other id.</summary>
    public static QueueProfile ForId(string id) =>
        Defaults.FirstOrDefault(q => q.Id == id) ?? new QueueProfile { Id = id, Name = id, Share = Defaults.Average(q => q.Share) };
}
