using FloorWatch.Domain.Settings;

namespace FloorWatch.Contracts.Views;

/// <summary>
/// What an agent or queue needs to judge its rules: the rules in force, the feed's clock (the latest
/// event time the center has applied, <see cref="FeedNow"/>, reached at wall time
/// <see cref="FeedNowAt"/>) and whether the center is live. Durations come from the switch's
/// times, never from arrival: while the journal is replayed at start, rules are judged on the
/// feed's clock alone, so a replay finds the alerts the live run found; once live, the feed's clock
/// runs on with the wall clock between events, so a switch whose clock is off by minutes still gets
/// its limits on its own timeline.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RuleContext(
    [property: Id(0)] RuleSettings Rules,
    [property: Id(1)] DateTimeOffset FeedNow,
    [property: Id(2)] bool Live,
    [property: Id(3)] DateTimeOffset FeedNowAt);
