namespace FloorWatch.Server.Audit;

/// <summary>Who did what, to what, when, and how it ended (contract section 6).</summary>
public sealed record AuditEntry(DateTimeOffset At, string User, string Center, string Action, string? Target, object? Before, object? After, string Outcome);
