using System.Text;
using System.Text.Json;
using FloorWatch.LoadGen.Province;

namespace FloorWatch.LoadGen.Tests;

public class FeedTests
{
    private static readonly CenterPlan Plan = new("c01", 48, QueueMix.Of(4), 900, 7, 3000);

    [Fact]
    public void A_feed_holds_the_planned_events_as_lines_with_ids_counting_from_one()
    {
        var feed = FeedGenerator.Generate(Plan, "run1");
        var lines = Lines(feed, 0, feed.Count);

        Assert.Equal(3000, feed.Count);
        Assert.Equal(3000, lines.Count);
        Assert.Equal("run1-1", lines[0].GetProperty("id").GetString());
        Assert.Equal("run1-3000", lines[^1].GetProperty("id").GetString());
        Assert.Equal(3000, feed.NumberOf("run1-3000"));
        Assert.Equal(-1, feed.NumberOf("other-3"));
        Assert.All(lines, l => Assert.Equal("c01", l.GetProperty("center").GetString()));
    }

    [Fact]
    public void Stamped_times_are_the_start_plus_each_event_s_time_in_the_feed()
    {
        var feed = FeedGenerator.Generate(Plan, "run1");
        var start = new DateTimeOffset(2026, 11, 25, 6, 0, 0, 250, TimeSpan.Zero);
        feed.StampTimes(start);
        var lines = Lines(feed, 0, feed.Count);

        for (var i = 0; i < feed.Count; i += 97)
        {
            Assert.Equal(start.AddMilliseconds(feed.RelMs(i)), lines[i].GetProperty("ts").GetDateTimeOffset());
        }

        Assert.Equal(start + feed.Span, lines[^1].GetProperty("ts").GetDateTimeOffset());
    }

    [Fact]
    public void Due_events_are_those_up_to_a_time_in_the_feed()
    {
        var feed = FeedGenerator.Generate(Plan, "run1");
        var mid = feed.RelMs(1500);

        var due = feed.DueBy(mid, 0);

        Assert.True(due > 1500);
        Assert.True(due == feed.Count || feed.RelMs(due) > mid);
        Assert.Equal(due, feed.DueBy(mid, 1000));
        Assert.Equal(0, feed.DueBy(-1, 0));
    }

    [Fact]
    public void The_same_plan_makes_the_same_feed()
    {
        var a = FeedGenerator.Generate(Plan, "run1");
        var b = FeedGenerator.Generate(Plan, "run1");

        Assert.Equal(Encoding.UTF8.GetString(a.Lines(0, a.Count).Span), Encoding.UTF8.GetString(b.Lines(0, b.Count).Span));
    }

    [Fact]
    public void Calls_per_agent_follow_the_demo_floor_and_events_follow_the_floor_size()
    {
        var plans = ProvincePlan.Of(new Options.LoadOptions { Centers = 3, Agents = 100, Queues = 10, Rate = 1000, DurationSeconds = 6, Url = new Uri("http://x") });

        Assert.Equal([34, 33, 33], plans.Select(p => p.Agents));
        Assert.Equal([4, 3, 3], plans.Select(p => p.Queues.Count));
        Assert.Equal(34 * 900.0 / 48, plans[0].CallsPerHour, 9);
        Assert.Equal(2040, plans[0].Events);
        Assert.Equal(["lg01", "lg02", "lg03"], plans.Select(p => p.Id));
    }

    private static List<JsonElement> Lines(CenterFeed feed, int from, int to) =>
        Encoding.UTF8.GetString(feed.Lines(from, to).Span)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToList();
}
