using FloorWatch.LoadGen.Checks;
using FloorWatch.LoadGen.Options;

namespace FloorWatch.LoadGen.Tests;

public class ArgumentsTests
{
    private static readonly string Dll = typeof(ArgumentsTests).Assembly.Location;

    [Fact]
    public void Defaults_are_the_province_of_the_issue()
    {
        var o = LoadArguments.Parse(["--server-dll", Dll], null).Options!;

        Assert.Equal((10, 20_000, 500, 100_000.0, 60.0, 200, 100, Transport.Tcp, DeltaRows.Changes), (o.Centers, o.Agents, o.Queues, o.Rate, o.DurationSeconds, o.Clients, o.PushMs, o.Transport, o.Rows));
    }

    [Fact]
    public void Values_are_read_with_a_space_or_an_equals_sign()
    {
        var o = LoadArguments.Parse(["--url=http://127.0.0.1:5080", "--cti-key", "k", "--password=pw", "--rate", "5000", "--transport", "http", "--rows=whole"], null).Options!;

        Assert.Equal(new Uri("http://127.0.0.1:5080"), o.Url);
        Assert.Equal(("k", "pw", 5000.0, Transport.Http, DeltaRows.Whole), (o.CtiKey, o.Password, o.Rate, o.Transport, o.Rows));
    }

    [Theory]
    [InlineData("--centers", "0", "--centers:")]
    [InlineData("--agents", "5", "--agents:")]
    [InlineData("--agents", "200000", "--agents: at most 10000 per center")]
    [InlineData("--rate", "fast", "--rate: 'fast' is not a number")]
    [InlineData("--transport", "udp", "--transport: 'udp' must be tcp or http")]
    [InlineData("--rows", "some", "--rows: 'some' must be changes or whole")]
    [InlineData("--push-ms", "1", "--push-ms:")]
    [InlineData("--center-prefix", "a b", "--center-prefix:")]
    [InlineData("--bogus", "1", "--bogus: unknown option")]
    public void A_bad_value_names_its_argument(string name, string value, string error)
    {
        var parsed = LoadArguments.Parse(["--server-dll", Dll, name, value], null);

        Assert.Null(parsed.Options);
        Assert.Contains("bad argument " + error, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_is_required_and_a_running_one_needs_its_key_and_password()
    {
        Assert.Contains("--server-dll or --url", LoadArguments.Parse([], null).Error, StringComparison.Ordinal);
        var error = LoadArguments.Parse(["--url", "http://127.0.0.1:5080"], null).Error;
        Assert.Contains("--cti-key: required", error, StringComparison.Ordinal);
        Assert.Contains("--password: required", error, StringComparison.Ordinal);
        Assert.Null(LoadArguments.Parse(["--url", "http://127.0.0.1:5080", "--password", "p"], "key-from-env").Error);
    }

    [Fact]
    public void Too_many_events_for_one_center_s_buffer_is_refused_up_front()
    {
        var error = LoadArguments.Parse(["--server-dll", Dll, "--centers", "1", "--agents", "100", "--queues", "1", "--rate", "1000000", "--duration", "60"], null).Error;

        Assert.Contains("--rate:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Business_days_follow_the_zone_and_the_day_start()
    {
        var utc = new BusinessDays("UTC", "00:00");
        var shanghai = new BusinessDays("Asia/Shanghai", "06:00");
        var ts = new DateTimeOffset(2026, 11, 24, 21, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 24), utc.DayOf(ts));
        Assert.Equal(new DateOnly(2026, 11, 24), shanghai.DayOf(ts)); // 05:30 local, before the 06:00 start
        Assert.Equal(new DateOnly(2026, 11, 25), shanghai.DayOf(ts.AddHours(1)));
    }
}
