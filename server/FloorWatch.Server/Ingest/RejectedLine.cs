namespace FloorWatch.Server.Ingest;

/// <summary>A line (or array element) that was refused, and why.</summary>
public sealed record RejectedLine(long Line, string Error);
