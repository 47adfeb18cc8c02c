using System.Collections.Concurrent;

namespace FloorWatch.Server.Agents;

/// <summary>The supervisor's messages to each agent, newest kept, for the agent's own page. In memory: a message is for now, not for the record (the audit log keeps that it was sent).</summary>
public sealed class AgentMessages
{
    public const int Keep = 50;
    private readonly ConcurrentDictionary<(string Center, string Agent), List<AgentMessage>> _byAgent = new();

    public AgentMessage Add(string center, string agent, AgentMessage message)
    {
        var list = _byAgent.GetOrAdd((center, agent), _ => []);
        lock (list)
        {
            list.Add(message);
            if (list.Count > Keep)
            {
                list.RemoveAt(0);
            }
        }

        return message;
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<AgentMessage> For(string center, string agent)
    {
        if (!_byAgent.TryGetValue((center, agent), out var list))
        {
            return [];
        }

        lock (list)
        {
            return list.AsEnumerable().Reverse().ToList();
        }
    }
}
