using FloorWatch.Server.Options;

namespace FloorWatch.Server.Tests;

/// <summary>A queue_log to follow needs its center; each problem names its key.</summary>
public class QueueLogOptionsTests
{
    [Fact]
    public void Nothing_to_follow_is_valid() => Assert.Empty(new QueueLogOptions().Validate());

    [Fact]
    public void A_path_with_its_center_is_valid() =>
        Assert.Empty(new QueueLogOptions { Path = "/var/log/asterisk/queue_log", Center = "hz-1" }.Validate());

    [Theory]
    [InlineData("/var/log/asterisk/queue_log", null, 250, "FloorWatch:QueueLog:Center")]
    [InlineData("/var/log/asterisk/queue_log", "bad center", 250, "FloorWatch:QueueLog:Center")]
    [InlineData(null, "hz-1", 250, "FloorWatch:QueueLog:Path")]
    [InlineData("/var/log/asterisk/queue_log", "hz-1", 5, "FloorWatch:QueueLog:PollMs")]
    public void A_missing_or_bad_value_is_refused_by_its_key(string? path, string? center, int pollMs, string key)
    {
        var error = Assert.Single(new QueueLogOptions { Path = path, Center = center, PollMs = pollMs }.Validate());

        Assert.Contains(key, error, StringComparison.Ordinal);
    }
}
