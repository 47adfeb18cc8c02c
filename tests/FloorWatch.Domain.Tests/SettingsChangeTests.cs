using FloorWatch.Domain.Settings;
using static FloorWatch.Domain.Tests.Ev;

namespace FloorWatch.Domain.Tests;

/// <summary>Settings are in force for events from the change on: history is not rewritten.</summary>
public class SettingsChangeTests
{
    [Fact]
    public void A_new_threshold_applies_to_answers_from_the_change_on()
    {
        // c1 answered after 15 s under the default 20 s threshold: within. Then the threshold becomes 10 s;
        // c2 answered after 15 s: not within. c1 keeps its verdict.
        var floor = new TestFloor().Apply(Queued(0, "c1", "q"), Answered(15, "c1", "A1"));
        floor.Sequencer.Settings = new CenterSettings
        {
            Queues = new Dictionary<string, QueueSettings> { ["q"] = new() { SlThresholdSeconds = 10, ShortAbandonSeconds = 20 } },
        };
        floor.Apply(Queued(100, "c2", "q"), Answered(115, "c2", "A2"), Queued(0, "c3", "q"), Abandoned(12, "c3"));

        var f = floor.Interval("q", T0);
        Assert.Equal(2, f.Answered);
        Assert.Equal(1, f.AnsweredWithinThreshold);

        // 12 s < 20 s: short under the new setting.
        Assert.Equal(1, f.ShortAbandoned);
    }
}
