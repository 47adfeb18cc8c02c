using FloorWatch.Domain.Events;
using static FloorWatch.Domain.Tests.Ev;

namespace FloorWatch.Domain.Tests;

/// <summary>
/// How many of a queue's members are away for given reasons, as the rules ask after every fact: the
/// queue keeps the count as members come and go, and it must be what counting them one by one gives.
/// </summary>
public class NotReadyCountTests
{
    private static readonly string[] Reasons = ["break", "lunch", "away", "training"];
    private static readonly string[] Agents = ["A1", "A2", "A3", "A4", "A5", "A6"];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 20)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_count_is_what_counting_the_members_gives(int seed)
    {
        var random = new Random(seed);
        var floor = new TestFloor();
        var asked = new[] { "break", "lunch", "break" };
        for (var step = 0; step < 300; step++)
        {
            var agent = Agents[random.Next(Agents.Length)];
            CtiEvent e = random.Next(6) switch
            {
                0 => Login(step, agent, "q"),
                1 => Logout(step, agent),
                2 => Ready(step, agent),
                3 => Skills(step, agent, random.Next(2) == 0 ? "q" : "other"),
                _ => NotReady(step, agent, Reasons[random.Next(Reasons.Length)]),
            };
            floor.Apply(e);
            if (!floor.Queues.TryGetValue("q", out var q))
            {
                continue;
            }

            var byReason = q.Now(T0.AddSeconds(step)).NotReadyByReason;
            Assert.Equal(byReason.GetValueOrDefault("break") + byReason.GetValueOrDefault("lunch"), q.NotReadyFor(asked));
        }
    }
}
