using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;
using FloorWatch.Grains.Push;
using static FloorWatch.Grains.Tests.LiveCallViews;

namespace FloorWatch.Grains.Tests;

/// <summary>
/// The incremental live-call set against the full rebuild it replaced, on seeded random reports from a
/// few queues and agents sharing a small pool of calls (so calls move, double up and come back).
/// </summary>
public class LiveCallSetMatchesFullRebuildTests
{
    private const int Steps = 400;
    private static readonly string[] CallIds = ["c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"];
    private static readonly string[] QueueIds = ["q0", "q1", "q2", "q3"];
    private static readonly string[] AgentIds = ["a0", "a1", "a2", "a3", "a4"];
    private static readonly string[] Users = ["m0", "m1", "m2"];

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 0; seed < 40; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_reports_diff_as_the_full_rebuild_did(int seed)
    {
        var random = new Random(seed);

        // Even seeds let agents clear their call, and then never put one call at two agents: after a
        // clear, which of the two the full rebuild showed was its dictionary's reuse of a freed slot.
        var agentsClear = seed % 2 == 0;
        var set = new LiveCallSet();
        var reference = new FullRebuildLiveCalls();
        var connected = new Dictionary<string, string>(StringComparer.Ordinal);

        for (var step = 0; step < Steps; step++)
        {
            switch (random.Next(10))
            {
                case < 3:
                    var queue = RandomQueue(random);
                    set.SetQueue(queue);
                    reference.SetQueue(queue);
                    break;
                case < 6:
                    var agent = RandomAgent(random, agentsClear, connected);
                    set.SetAgent(agent);
                    reference.SetAgent(agent);
                    break;
                case < 7:
                    var call = Pick(random, CallIds);
                    var by = Pick(random, Users);
                    var expectedAgent = reference.Monitor(call, by);
                    var agentShown = set.Monitor(call, by);
                    var at = connected.Where(kv => kv.Value == call).Select(kv => kv.Key).ToList();
                    if (at.Count > 1)
                    {
                        // The rebuild answered the agent met first and showed the one met last; this answers the one shown.
                        Assert.Contains(agentShown, at);
                    }
                    else
                    {
                        Assert.Equal(expectedAgent, agentShown);
                    }

                    Assert.Equal(reference.WithMonitors(new LiveCall { Call = call }).MonitoredBy, set.WithMonitors(new LiveCall { Call = call }).MonitoredBy);
                    break;
                default:
                    AssertSameDiff(random, set, reference);
                    break;
            }
        }

        AssertSameDiff(random, set, reference);
    }

    private static void AssertSameDiff(Random random, LiveCallSet set, FullRebuildLiveCalls reference)
    {
        var ended = CallIds.Where(_ => random.Next(5) == 0).ToHashSet(StringComparer.Ordinal);
        bool IsLive(string id) => !ended.Contains(id);

        var expected = reference.Diff(IsLive);
        var actual = set.Diff(IsLive);

        Assert.Equal(expected.Changed.OrderBy(c => c.Call, StringComparer.Ordinal).Select(Content), actual.Changed.Select(Content));
        Assert.Equal(expected.Ended.Order(StringComparer.Ordinal), actual.Ended);
    }

    private static QueueView RandomQueue(Random random)
    {
        var id = Pick(random, QueueIds);

        // Drawn with repeats, so a list may carry one call twice.
        var waiting = Enumerable.Range(0, random.Next(5)).Select(_ => new WaitingCall
        {
            Call = Pick(random, CallIds),
            Queue = id,
            EnteredAt = T0.AddSeconds(random.Next(2)),
            Position = random.Next(1, 4),
            Vip = random.Next(4) == 0,
            RingingAgent = random.Next(3) == 0 ? Pick(random, AgentIds) : null,
            Tags = random.Next(3) == 0 ? ["vip"] : [],
        }).ToArray();
        return QueueWith(id, waiting);
    }

    private static AgentView RandomAgent(Random random, bool agentsClear, Dictionary<string, string> connected)
    {
        var id = Pick(random, AgentIds);
        string? call;
        if (agentsClear)
        {
            var free = CallIds.Where(c => !connected.Any(kv => kv.Key != id && kv.Value == c)).ToArray();
            call = random.Next(3) == 0 || free.Length == 0 ? null : Pick(random, free);
        }
        else
        {
            call = Pick(random, CallIds);
        }

        if (call is null)
        {
            connected.Remove(id);
            return AgentWith(id);
        }

        connected[id] = call;
        var info = new AgentCallInfo(call, random.Next(4) == 0 ? null : Pick(random, QueueIds), T0.AddSeconds(random.Next(2)), random.Next(4) == 0, random.Next(3) == 0, random.Next(3) == 0 ? ["vip"] : []);
        return AgentWith(id, info);
    }

    private static string Pick(Random random, string[] from) => from[random.Next(from.Length)];
}
