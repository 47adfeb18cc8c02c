using System.Text;
using System.Text.Json;

namespace FloorWatch.Simulator.Tests;

public class WireFormatTests
{
    [Fact]
    public void An_event_line_has_the_common_fields_first_an_rfc_3339_time_and_no_unset_fields()
    {
        var e = new SwitchEvent
        {
            Id = "r-7", Ts = new DateTimeOffset(2026, 11, 17, 8, 0, 1, 250, TimeSpan.FromHours(8)), Center = "demo",
            Type = EventTypes.CallQueued, Call = "r-c1", Queue = "vip", Caller = "+8613900000000", Vip = true, Priority = 2,
        };

        var line = Encoding.UTF8.GetString(SwitchEventJson.ToLine(e));

        Assert.Equal(
            """{"id":"r-7","ts":"2026-11-17T08:00:01.250+08:00","center":"demo","type":"call.queued","call":"r-c1","queue":"vip","caller":"+8613900000000","vip":true,"priority":2}""" + "\n",
            line);
    }

    [Fact]
    public void Lists_are_written_as_arrays_of_strings()
    {
        var e = new SwitchEvent { Id = "r-1", Center = "demo", Type = EventTypes.AgentLogin, Agent = "A01", Seat = "3F-A01", Name = "Wang Fang", Queues = ["billing", "vip"] };

        using var doc = JsonDocument.Parse(SwitchEventJson.ToLine(e));

        Assert.Equal(["billing", "vip"], doc.RootElement.GetProperty("queues").EnumerateArray().Select(q => q.GetString()));
        Assert.False(doc.RootElement.TryGetProperty("tags", out _));
        Assert.False(doc.RootElement.TryGetProperty("vip", out _));
    }

    [Fact]
    public void A_command_is_read_with_every_field_it_carries()
    {
        using var doc = JsonDocument.Parse("""{"id":"c9","command":"agent.setQueues","agent":"A07","queues":["tech","vip"],"extra":{"kept":"ignored"}}""");

        var c = SwitchCommand.FromJson(doc.RootElement, out var error);

        Assert.Null(error);
        Assert.NotNull(c);
        Assert.Equal(("c9", "agent.setQueues", "A07"), (c.Id, c.Command, c.Agent));
        Assert.Equal(["tech", "vip"], c.Queues);
    }

    [Theory]
    [InlineData("""{"agent":"A01"}""", "field 'command'")]
    [InlineData("""{"command":"agent.forceReady","agent":7}""", "field 'agent'")]
    [InlineData("""{"command":"agent.setQueues","agent":"A01","queues":"tech"}""", "field 'queues'")]
    [InlineData("""["agent.forceReady"]""", "not an object")]
    public void A_malformed_command_is_refused_naming_the_field(string json, string expected)
    {
        using var doc = JsonDocument.Parse(json);

        Assert.Null(SwitchCommand.FromJson(doc.RootElement, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
