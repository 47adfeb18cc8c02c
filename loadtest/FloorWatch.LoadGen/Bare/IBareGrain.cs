namespace FloorWatch.LoadGen.Bare;

/// <summary>A grain that does nothing worth measuring: what is left is the cost of a grain call itself.</summary>
public interface IBareGrain : IGrainWithIntegerKey
{
    Task<int> Ping(int value);
}
