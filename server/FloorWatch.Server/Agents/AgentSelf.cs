using FloorWatch.Contracts.Grains;
using FloorWatch.Server.Api;

namespace FloorWatch.Server.Agents;

/// <summary>What an agent's own page shows: their row, their break requests, the supervisor's messages, the early warning.</summary>
public sealed class AgentSelf(IGrainFactory grains, AgentMessages messages, TimeProvider time)
{
    /// <summary>Null for an agent the center has never seen.</summary>
    public async Task<object?> Build(string center, string agent)
    {
        var grain = grains.GetGrain<ICenterGrain>(center);
        var asOf = time.GetUtcNow();
        if (await grain.Agent(agent, asOf) is not { } view)
        {
            return null;
        }

        var alerts = (await grain.Alerts(all: false)).Where(a => a.Agent == agent).ToArray();
        var breaks = (await grain.Breaks(all: true)).Where(b => b.Agent == agent).Take(20).ToArray();
        return new
        {
            center,
            agent = ApiJson.Agent(view, asOf, alerts),
            breaks,
            messages = messages.For(center, agent),
            notice = view.Notice,
        };
    }
}
