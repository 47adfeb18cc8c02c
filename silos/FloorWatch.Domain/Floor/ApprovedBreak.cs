namespace FloorWatch.Domain.Floor;

/// <summary>A break a duty manager approved: the next not-ready with this reason is approved, with its own limit.</summary>
public sealed record ApprovedBreak(string Request, string Reason, int Minutes, DateTimeOffset At);
