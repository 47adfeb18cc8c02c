namespace FloorWatch.LoadGen.Timing;

/// <summary>
/// A center's fast clock: its feed's simulated time runs <see cref="SpeedUp"/> times faster than the
/// wall clock, from <see cref="SimStart"/> at <see cref="RealStart"/>. The event with a given ts is
/// due to be sent at <see cref="SendTimeOf"/> — a linear map, so a delta's <c>newestEventTs</c> tells
/// when the newest event folded into it left the switch.
/// </summary>
internal sealed record TimeWarp(DateTimeOffset SimStart, DateTimeOffset RealStart, double SpeedUp)
{
    /// <summary>The speed-up that plays <paramref name="span"/> of simulated time in <paramref name="duration"/> of real time.</summary>
    public static double SpeedUpFor(TimeSpan span, TimeSpan duration) => Math.Max(span / duration, 1e-9);

    /// <summary>When the event stamped <paramref name="ts"/> is due to be sent.</summary>
    public DateTimeOffset SendTimeOf(DateTimeOffset ts) => RealStart + ((ts - SimStart) / SpeedUp);

    /// <summary>Milliseconds of simulated time (from <see cref="SimStart"/>) due by the wall-clock time <paramref name="now"/>.</summary>
    public double DueRelMs(DateTimeOffset now) => (now - RealStart).TotalMilliseconds * SpeedUp;

    /// <summary>When the event <paramref name="relMs"/> into the feed is due to be sent.</summary>
    public DateTimeOffset SendTimeOfRel(double relMs) => RealStart + TimeSpan.FromMilliseconds(relMs / SpeedUp);
}
