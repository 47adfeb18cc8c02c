namespace FloorWatch.Server.Journal;

/// <summary>What became of one submitted event.</summary>
public enum IngestOutcome : byte
{
    Accepted,
    Duplicate,
}
