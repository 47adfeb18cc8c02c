using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;

namespace FloorWatch.Grains.Center;

/// <summary>
/// A center's break requests: filed, approved, denied or refused, then taken and ended as the
/// agent's own not-ready with that reason begins and ends. The newest <see cref="Keep"/> are kept.
/// </summary>
public sealed class BreakBook
{
    public const int Keep = 5000;
    private readonly Dictionary<string, BreakView> _byId = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>The queues of each approved request's agent at approval: counted against those queues' quota until taken.</summary>
    private readonly Dictionary<string, IReadOnlyList<string>> _approvedQueues = new(StringComparer.Ordinal);

    /// <summary>Agents with a request approved or taken: the only ones whose phase facts matter here.</summary>
    private readonly Dictionary<string, int> _agentsOnBreakRules = new(StringComparer.Ordinal);

    public BreakView? Get(string id) => _byId.GetValueOrDefault(id);

    public BreakView[] List(bool all) =>
        Enumerable.Range(0, _order.Count).Select(i => _byId[_order[_order.Count - 1 - i]])
            .Where(b => all || b.State == BreakView.Pending)
            .ToArray();

    public BreakView Add(BreakView request)
    {
        _byId[request.Id] = request;
        _order.Add(request.Id);
        if (_order.Count > Keep)
        {
            _byId.Remove(_order[0]);
            _approvedQueues.Remove(_order[0]);
            _order.RemoveAt(0);
        }

        return request;
    }

    public BreakView Set(BreakView request, IReadOnlyList<string>? queues = null)
    {
        var wasLive = _byId.TryGetValue(request.Id, out var held) && IsLive(held);
        if (wasLive != IsLive(request))
        {
            _agentsOnBreakRules[request.Agent] = _agentsOnBreakRules.GetValueOrDefault(request.Agent) + (wasLive ? -1 : 1);
            if (_agentsOnBreakRules[request.Agent] == 0)
            {
                _agentsOnBreakRules.Remove(request.Agent);
            }
        }

        _byId[request.Id] = request;
        if (request.State == BreakView.Approved && queues is not null)
        {
            _approvedQueues[request.Id] = queues;
        }
        else
        {
            _approvedQueues.Remove(request.Id);
        }

        return request;
    }

    private static bool IsLive(BreakView b) => b.State is BreakView.Approved or BreakView.Taken;

    /// <summary>Approved requests not yet taken by agents serving <paramref name="queue"/>.</summary>
    public int ApprovedWaiting(string queue) => _approvedQueues.Values.Count(q => q.Contains(queue, StringComparer.Ordinal));

    /// <summary>Moves approved requests to taken, and taken ones to ended, from an agent's phase facts; what changed is added to <paramref name="changed"/>.</summary>
    public void Observe(string agent, List<FloorFact> facts, List<BreakView> changed)
    {
        if (!_agentsOnBreakRules.ContainsKey(agent))
        {
            return;
        }

        foreach (var f in facts)
        {
            if (f.Kind != FactKind.AgentPhase)
            {
                continue;
            }

            foreach (var b in _byId.Values.Where(b => b.Agent == agent && b.State is BreakView.Approved or BreakView.Taken).ToList())
            {
                var onIt = f.Phase == AgentPhase.NotReady && f.Reason == b.Reason;
                if (b.State == BreakView.Approved && onIt)
                {
                    changed.Add(Set(b with { State = BreakView.Taken }));
                }
                else if (b.State == BreakView.Taken && !onIt)
                {
                    changed.Add(Set(b with { State = BreakView.Ended }));
                }
                else if (b.State == BreakView.Approved && f.Phase == AgentPhase.LoggedOut)
                {
                    changed.Add(Set(b with { State = BreakView.Ended, Why = "logged out before the break" }));
                }
            }
        }
    }
}
