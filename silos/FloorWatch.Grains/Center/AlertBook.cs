using FloorWatch.Contracts.Views;

namespace FloorWatch.Grains.Center;

/// <summary>
/// A center's alerts: the rules' changes merged in version order, with who acknowledged what.
/// Every open alert is kept; of the resolved, the newest <see cref="KeepResolved"/>.
/// </summary>
public sealed class AlertBook
{
    public const int KeepResolved = 5000;
    private readonly Dictionary<string, AlertView> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string By, DateTimeOffset At)> _acks = new(StringComparer.Ordinal);
    private readonly Queue<string> _resolved = new();

    // Each push asks for the open alerts of the agents that changed; the book holds thousands of resolved ones.
    private readonly Dictionary<string, List<string>> _openByAgent = new(StringComparer.Ordinal);

    /// <summary>Merges a rule's change; the alert as it now stands, or null when the change was older than what is held.</summary>
    public AlertView? Merge(AlertView change)
    {
        _byId.TryGetValue(change.Id, out var held);
        if (held is not null && held.Version >= change.Version)
        {
            return null;
        }

        var merged = change;
        if (_acks.TryGetValue(change.Id, out var ack))
        {
            merged = merged with { By = ack.By, AcknowledgedAt = ack.At };

            // Escalation asks for a person again; otherwise an acknowledged alert stays acknowledged.
            var escalated = held is not null && held.Severity != change.Severity;
            if (change.ResolvedAt is null && !escalated)
            {
                merged = merged with { State = "acknowledged" };
            }
        }

        _byId[change.Id] = merged;
        IndexOpen(merged);
        if (merged.ResolvedAt is not null)
        {
            _resolved.Enqueue(merged.Id);
            Trim();
        }

        return merged;
    }

    /// <summary>Acknowledges an alert; remembered even before the alert is raised again by a replay.</summary>
    public AlertView? Acknowledge(string id, string by, DateTimeOffset at)
    {
        _acks[id] = (by, at);
        if (!_byId.TryGetValue(id, out var held) || held.ResolvedAt is not null)
        {
            return null;
        }

        var acked = held with { State = "acknowledged", By = by, AcknowledgedAt = at };
        _byId[id] = acked;
        return acked;
    }

    public AlertView? Get(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Newest first.</summary>
    public AlertView[] List(bool all) =>
        _byId.Values.Where(a => all || a.ResolvedAt is null)
            .OrderByDescending(a => a.RaisedAt)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The open alerts of <paramref name="agents"/>, each agent's in the order they were raised.</summary>
    public AlertView[] OpenFor(IEnumerable<string> agents)
    {
        var open = new List<AlertView>();
        foreach (var agent in agents)
        {
            if (_openByAgent.TryGetValue(agent, out var ids))
            {
                open.AddRange(ids.Select(id => _byId[id]));
            }
        }

        return [.. open];
    }

    private void IndexOpen(AlertView alert)
    {
        if (alert.Agent is not { } agent)
        {
            return;
        }

        var ids = _openByAgent.GetValueOrDefault(agent);
        if (alert.ResolvedAt is null)
        {
            if (ids is null)
            {
                _openByAgent[agent] = ids = [];
            }

            if (!ids.Contains(alert.Id))
            {
                ids.Add(alert.Id);
            }
        }
        else if (ids is not null && ids.Remove(alert.Id) && ids.Count == 0)
        {
            _openByAgent.Remove(agent);
        }
    }

    private void Trim()
    {
        while (_resolved.Count > KeepResolved)
        {
            var id = _resolved.Dequeue();
            if (_byId.TryGetValue(id, out var a) && a.ResolvedAt is not null)
            {
                _byId.Remove(id);
                _acks.Remove(id);
            }
        }
    }
}
