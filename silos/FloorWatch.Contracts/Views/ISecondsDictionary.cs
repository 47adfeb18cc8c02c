namespace FloorWatch.Contracts.Views;

/// <summary>
/// Seconds per key that can be read by position, in the map's own order: every agent row writes two
/// such maps at every push, and reading them so costs no enumerator.
/// </summary>
public interface ISecondsDictionary : IReadOnlyDictionary<string, double>
{
    /// <summary>The <paramref name="index"/>-th key and its seconds.</summary>
    KeyValuePair<string, double> At(int index);
}
