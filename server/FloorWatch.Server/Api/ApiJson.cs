using System.Text.Json;
using System.Text.Json.Nodes;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Figures;
using FloorWatch.Server.Journal;

namespace FloorWatch.Server.Api;

/// <summary>The read API's JSON shapes (contract section 3), made from the grains' views.</summary>
public static class ApiJson
{
    /// <summary>A queue's row, or the center's totals.</summary>
    public static QueueRow Queue(QueueView q) => new(q);

    /// <summary>An agent's row with its open alerts (<paramref name="alerts"/> holds only this agent's).</summary>
    public static AgentRow Agent(AgentView a, DateTimeOffset asOf, AlertView[] alerts) => new(a, asOf, alerts);

    /// <summary>The rows of <paramref name="agents"/>, each with its own alerts: grouped once, not searched per agent.</summary>
    /// <remarks>Made as they are read: a delta's whole rows are built for a group that may have no viewer, and then never are.</remarks>
    public static IEnumerable<AgentRow> Agents(IReadOnlyList<AgentView> agents, DateTimeOffset asOf, IReadOnlyList<AlertView> alerts)
    {
        var byAgent = AlertsByAgent(alerts);
        foreach (var a in agents)
        {
            yield return Agent(a, asOf, byAgent.GetValueOrDefault(a.Id) ?? []);
        }
    }

    /// <summary>The alerts of each agent that has any.</summary>
    public static Dictionary<string, AlertView[]> AlertsByAgent(IReadOnlyList<AlertView> alerts) =>
        alerts.Where(x => x.Agent is not null).GroupBy(x => x.Agent!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>The snapshot with the alerts its reader may see.</summary>
    public static object Snapshot(CenterSnapshot s, object feed, IReadOnlyList<AlertView> alerts) => new
    {
        center = s.Center,
        name = s.Name,
        asOf = s.AsOf,
        seq = s.Seq,
        totals = Queue(s.Totals),
        queues = s.Queues.Select(Queue),
        agents = Agents(s.Agents, s.AsOf, alerts),
        calls = s.Calls,
        alerts,
        feed,
    };

    /// <summary>A hub <c>delta</c> (contract section 4): only what changed, in the snapshot's shapes.</summary>
    public static object Delta(FloorDelta d, object feed) =>
        Delta(d, feed, Queue(d.Totals), d.Queues.Select(Queue), Agents(d.Agents, d.AsOf, d.AgentAlerts), d.Calls, d.EndedCalls);

    /// <summary>A hub <c>delta</c> with its rows given: whole, or only their changes, or none (for a wallboard).</summary>
    public static object Delta(FloorDelta d, object feed, object totals, object queues, object agents, object calls, object endedCalls) => new
    {
        center = d.Center,
        seq = d.Seq,
        asOf = d.AsOf,
        oldestEventTs = d.OldestEventTs,
        newestEventTs = d.NewestEventTs,
        totals,
        queues,
        agents,
        calls,
        endedCalls,
        feed,
    };

    /// <summary>An agent's interval row as <c>{start, end, notready, available, ..., handled, ahtSeconds, notReadyByReason}</c>.</summary>
    public static JsonObject AgentInterval(AgentIntervalRow r)
    {
        var node = new JsonObject { ["start"] = r.Start.UtcDateTime, ["end"] = r.End.UtcDateTime };
        foreach (var (state, seconds) in r.SecondsByState)
        {
            node[state] = seconds;
        }

        node["handled"] = r.Handled;
        node["ahtSeconds"] = r.AhtSeconds;
        node["notReadyByReason"] = new JsonObject(r.SecondsByReason.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        return node;
    }

    /// <summary>An interval row as <c>{start, end, ...figures}</c>.</summary>
    public static JsonObject Interval(DateTimeOffset start, DateTimeOffset end, WindowFigures figures)
    {
        var node = new JsonObject { ["start"] = start.UtcDateTime, ["end"] = end.UtcDateTime };
        foreach (var (k, v) in JsonSerializer.SerializeToNode(figures, JournalJson.Options)!.AsObject())
        {
            node[k] = v?.DeepClone();
        }

        return node;
    }
}
