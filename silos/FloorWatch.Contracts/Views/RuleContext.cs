using FloorWatch.Domain.Settings;

namespace FloorWatch.Contracts.Views;

/// <summary>
/// What an agent or queue needs to judge its rules: the rules in force, the feed's clock (the latest
/// event time the center has applied) and whether the center is live. While the journal is
/// replayed at start, rules are judged on the feed's clock only, so a replay finds the alerts the
/// live run found; once live, the wall clock moves them on too.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RuleContext([property: Id(0)] RuleSettings Rules, [property: Id(1)] DateTimeOffset FeedNow, [property: Id(2)] bool Live);
