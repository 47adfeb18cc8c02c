namespace FloorWatch.Domain.Floor;

/// <summary>The call an agent is connected to.</summary>
public sealed record AgentCallInfo(string Call, string? Queue, DateTimeOffset Since, bool Vip, bool Held, IReadOnlyList<string> Tags);
