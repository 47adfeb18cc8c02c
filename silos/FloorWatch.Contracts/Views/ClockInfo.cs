namespace FloorWatch.Contracts.Views;

/// <summary>The center's clock settings a queue or agent needs to cut windows.</summary>
[GenerateSerializer, Immutable]
public sealed record ClockInfo([property: Id(0)] string TimeZone, [property: Id(1)] string DayStartsAt);
