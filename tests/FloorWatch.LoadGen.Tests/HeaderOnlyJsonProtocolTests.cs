using System.Buffers;
using System.Text;
using FloorWatch.LoadGen.Viewers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace FloorWatch.LoadGen.Tests;

public class HeaderOnlyJsonProtocolTests
{
    private const string Delta = """
        {"type":1,"target":"delta","arguments":[{"center":"lg01","seq":42,"asOf":"2026-11-25T08:00:01Z","oldestEventTs":"2026-11-25T06:00:00.100Z","newestEventTs":"2026-11-25T06:00:02.250+00:00","totals":{"id":"*","today":{"offered":1}},"queues":[{"id":"q001"}],"agents":[],"calls":[],"endedCalls":[],"feed":{}}]}
        """;

    [Fact]
    public void A_delta_is_read_as_its_header()
    {
        var message = Parse(Delta + "\u001e");

        var invocation = Assert.IsType<InvocationMessage>(message);
        Assert.Equal("delta", invocation.Target);
        var header = Assert.IsType<DeltaHeader>(Assert.Single(invocation.Arguments));
        Assert.Equal(new DeltaHeader("lg01", 42, new DateTimeOffset(2026, 11, 25, 6, 0, 0, 100, TimeSpan.Zero), new DateTimeOffset(2026, 11, 25, 6, 0, 2, 250, TimeSpan.Zero)), header);
    }

    [Fact]
    public void A_delta_where_only_time_moved_has_no_event_times()
    {
        var message = Parse("""{"type":1,"target":"delta","arguments":[{"center":"c","seq":7,"asOf":"2026-11-25T08:00:01Z","oldestEventTs":null,"newestEventTs":null,"totals":{}}]}""" + "\u001e");

        Assert.Equal(new DeltaHeader("c", 7, null, null), ((InvocationMessage)message).Arguments[0]);
    }

    [Fact]
    public void A_snapshot_is_read_as_its_seq()
    {
        var message = Parse("""{"type":1,"target":"snapshot","arguments":[{"center":"lg01","name":"lg01","asOf":"2026-11-25T08:00:01Z","seq":3,"totals":{},"queues":[]}]}""" + "\u001e");

        Assert.Equal(new SnapshotHeader("lg01", 3), ((InvocationMessage)message).Arguments[0]);
    }

    [Fact]
    public void Other_messages_go_to_the_standard_protocol()
    {
        Assert.IsType<PingMessage>(Parse("""{"type":6}""" + "\u001e"));
        var completion = Assert.IsType<CompletionMessage>(Parse("""{"type":3,"invocationId":"1","result":null}""" + "\u001e"));
        Assert.Equal("1", completion.InvocationId);
    }

    [Fact]
    public void Messages_are_taken_one_at_a_time_and_a_partial_one_waits()
    {
        var protocol = new HeaderOnlyJsonProtocol();
        var input = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(Delta + "\u001e" + """{"type":6}""" + "\u001e" + """{"type":1,"tar"""));

        Assert.True(protocol.TryParseMessage(ref input, new NoBinder(), out var first));
        Assert.True(protocol.TryParseMessage(ref input, new NoBinder(), out var second));
        Assert.False(protocol.TryParseMessage(ref input, new NoBinder(), out _));
        Assert.IsType<InvocationMessage>(first);
        Assert.IsType<PingMessage>(second);
        Assert.Equal("""{"type":1,"tar""", Encoding.UTF8.GetString(input.ToArray()));
    }

    private static HubMessage Parse(string text)
    {
        var input = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(text));
        Assert.True(new HeaderOnlyJsonProtocol().TryParseMessage(ref input, new NoBinder(), out var message));
        Assert.True(input.IsEmpty);
        return message;
    }

    private sealed class NoBinder : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) => [];

        public Type GetReturnType(string invocationId) => typeof(object);

        public Type GetStreamItemType(string streamId) => typeof(object);
    }
}
