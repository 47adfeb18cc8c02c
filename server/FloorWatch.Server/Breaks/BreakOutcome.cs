namespace FloorWatch.Server.Breaks;

/// <summary>What became of a break command: done, or refused with the reason a person reads.</summary>
public sealed record BreakOutcome(bool Done, string Outcome);
