namespace FloorWatch.Domain.Rules;

/// <summary>The warning an agent alone sees at 80 % of a not-ready limit, before the supervisor is told.</summary>
public sealed record AgentNotice(string Kind, string Detail, DateTimeOffset At, double LimitSeconds, DateTimeOffset Since);
