namespace FloorWatch.LoadGen.Bare;

/// <summary>Answers at once.</summary>
internal sealed class BareGrain : Grain, IBareGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value + 1);
}
