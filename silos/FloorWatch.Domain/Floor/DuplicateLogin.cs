namespace FloorWatch.Domain.Floor;

/// <summary>One work id logged in at a second seat while still logged in at the first (工号盗用).</summary>
public sealed record DuplicateLogin(string OtherSeat, string NewSeat, DateTimeOffset At);
