namespace FloorWatch.Grains.Archive;

/// <summary>Where past intervals are kept on disk.</summary>
public sealed class IntervalArchiveOptions
{
    /// <summary>The archive's folder. It is emptied at start: the journal's replay writes it again.</summary>
    public string Folder { get; set; } = "";
}
