using FloorWatch.LoadGen.Report;

namespace FloorWatch.LoadGen.Tests;

public class FmtTests
{
    [Theory]
    [InlineData(1, "center", "1 center")]
    [InlineData(0, "queue", "0 queues")]
    [InlineData(2, "client", "2 clients")]
    [InlineData(20000, "agent", "20,000 agents")]
    public void One_is_named_in_the_singular_and_the_rest_in_the_plural(long value, string one, string expected) =>
        Assert.Equal(expected, Fmt.Count(value, one));
}
