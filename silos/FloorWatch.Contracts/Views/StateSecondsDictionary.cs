using System.Collections;
using FloorWatch.Domain.Floor;

namespace FloorWatch.Contracts.Views;

/// <summary>
/// An agent's seconds per state, read as the map <c>{notready, available, ringing, oncall, wrapup}</c>.
/// Every changed agent's view carries one at every push, so it is five numbers rather than a
/// dictionary (a fifth of the memory, nothing to hash).
/// </summary>
[GenerateSerializer, Immutable]
public sealed class StateSecondsDictionary : ISecondsDictionary
{
    private static readonly AgentPhase[] Phases = [AgentPhase.NotReady, AgentPhase.Available, AgentPhase.Ringing, AgentPhase.OnCall, AgentPhase.WrapUp];

    [Id(0)] private readonly double _notReady;
    [Id(1)] private readonly double _available;
    [Id(2)] private readonly double _ringing;
    [Id(3)] private readonly double _onCall;
    [Id(4)] private readonly double _wrapUp;

    /// <summary>From seconds indexed by <see cref="AgentPhase"/>; logged-out time is not a state of the map.</summary>
    public StateSecondsDictionary(ReadOnlySpan<double> byPhase)
    {
        _notReady = byPhase[(int)AgentPhase.NotReady];
        _available = byPhase[(int)AgentPhase.Available];
        _ringing = byPhase[(int)AgentPhase.Ringing];
        _onCall = byPhase[(int)AgentPhase.OnCall];
        _wrapUp = byPhase[(int)AgentPhase.WrapUp];
    }

    /// <summary>These seconds with <paramref name="seconds"/> more in <paramref name="phase"/> (none in logged out, which is not in the map).</summary>
    public StateSecondsDictionary Plus(AgentPhase phase, double seconds)
    {
        Span<double> byPhase = stackalloc double[AgentPhaseNames.Count];
        foreach (var p in Phases)
        {
            byPhase[(int)p] = Of(p);
        }

        byPhase[(int)phase] += seconds;
        return new StateSecondsDictionary(byPhase);
    }

    public double this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"'{key}' is not an agent state");

    public IEnumerable<string> Keys => Phases.Select(p => p.Name());

    public IEnumerable<double> Values => Phases.Select(Of);

    public int Count => Phases.Length;

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, out double value)
    {
        var known = AgentPhaseNames.TryParse(key, out var phase) && phase != AgentPhase.LoggedOut;
        value = known ? Of(phase) : 0;
        return known;
    }

    public KeyValuePair<string, double> At(int index) => KeyValuePair.Create(Phases[index].Name(), Of(Phases[index]));

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return At(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private double Of(AgentPhase p) => p switch
    {
        AgentPhase.NotReady => _notReady,
        AgentPhase.Available => _available,
        AgentPhase.Ringing => _ringing,
        AgentPhase.OnCall => _onCall,
        AgentPhase.WrapUp => _wrapUp,
        _ => 0,
    };
}
