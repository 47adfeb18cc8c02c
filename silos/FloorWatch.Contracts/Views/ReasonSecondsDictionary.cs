using System.Collections;
using FloorWatch.Domain.Floor;

namespace FloorWatch.Contracts.Views;

/// <summary>
/// An agent's not-ready seconds per reason, read as a map in the order the reasons first came.
/// Every changed agent's view carries one at every push, and most hold none or two reasons, so it
/// is two short arrays rather than a dictionary.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class ReasonSecondsDictionary : ISecondsDictionary
{
    public static readonly ReasonSecondsDictionary Empty = new([], []);

    [Id(0)] private readonly string[] _reasons;
    [Id(1)] private readonly double[] _seconds;

    private ReasonSecondsDictionary(string[] reasons, double[] seconds)
    {
        _reasons = reasons;
        _seconds = seconds;
    }

    /// <summary>The reasons of <paramref name="interval"/>.</summary>
    public static ReasonSecondsDictionary Of(AgentInterval interval)
    {
        var n = interval.ReasonCount;
        if (n == 0)
        {
            return Empty;
        }

        var reasons = new string[n];
        var seconds = new double[n];
        for (var i = 0; i < n; i++)
        {
            (reasons[i], seconds[i]) = interval.ReasonAt(i);
        }

        return new ReasonSecondsDictionary(reasons, seconds);
    }

    /// <summary>These seconds with <paramref name="seconds"/> more for <paramref name="reason"/>, a new reason last, as <see cref="AgentInterval"/> adds them.</summary>
    public ReasonSecondsDictionary Plus(string reason, double seconds)
    {
        var i = Array.IndexOf(_reasons, reason);
        if (i >= 0)
        {
            var sums = (double[])_seconds.Clone();
            sums[i] += seconds;
            return new ReasonSecondsDictionary(_reasons, sums);
        }

        return new ReasonSecondsDictionary([.. _reasons, reason], [.. _seconds, seconds]);
    }

    public double this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"no seconds for reason '{key}'");

    public IEnumerable<string> Keys => _reasons;

    public IEnumerable<double> Values => _seconds;

    public int Count => _reasons.Length;

    public bool ContainsKey(string key) => Array.IndexOf(_reasons, key) >= 0;

    public bool TryGetValue(string key, out double value)
    {
        var i = Array.IndexOf(_reasons, key);
        value = i >= 0 ? _seconds[i] : 0;
        return i >= 0;
    }

    public KeyValuePair<string, double> At(int index) => KeyValuePair.Create(_reasons[index], _seconds[index]);

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return At(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
