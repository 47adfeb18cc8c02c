namespace FloorWatch.LoadGen.Province;

/// <summary>The model's clock while its feed is generated: it moves only when told, as fast as the CPU allows.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
