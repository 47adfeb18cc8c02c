using System.Text;
using System.Text.Json;
using FloorWatch.Domain.QueueLog;

namespace FloorWatch.Domain.Tests;

/// <summary>How queue_log lines become CTI events: the contract's table, and what a member's pause and wrap-up mean.</summary>
public class QueueLogTranslatorTests
{
    [Theory]
    [InlineData("Local/2004@from-internal/n", "2004")]
    [InlineData("SIP/0004f2040001", "0004f2040001")]
    [InlineData("PJSIP/1002", "1002")]
    [InlineData("SIP/1001/n", "1001")]
    [InlineData("1005", "1005")]
    public void A_member_interface_names_its_agent_without_technology_and_context(string member, string agent) =>
        Assert.Equal(agent, MemberInterface.AgentId(member));

    [Fact]
    public void A_static_member_that_answers_joins_the_queue_free_and_takes_the_call()
    {
        var events = Events(
            "1794816000|1794816000.1|general|NONE|ENTERQUEUE||13800000001|1",
            "1794816006|1794816000.1|general|Local/2004@from-internal/n|CONNECT|6|1794816006.2|2");

        Assert.Equal(["call.queued", "agent.login", "agent.ready", "call.answered"], events.Select(Type));
        Assert.Equal("Local/2004@from-internal/n", events[1].GetProperty("seat").GetString());
        Assert.Equal(["general"], events[1].GetProperty("queues").EnumerateArray().Select(q => q.GetString()));
        // The second line starts at byte 63 of the file; its second and third events number on.
        Assert.Equal(["ql:queue_log:0", "ql:queue_log:63", "ql:queue_log:63:2", "ql:queue_log:63:3"], events.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal("2026-11-16T08:00:06Z", events[3].GetProperty("ts").GetString());
    }

    [Fact]
    public void Members_join_queues_one_by_one_and_leave_with_the_last()
    {
        var events = Events(
            "1794816000|MANAGER|general|SIP/1001|ADDMEMBER|",
            "1794816000|MANAGER|vip|SIP/1001|ADDMEMBER|",
            "1794816100|MANAGER|general|SIP/1001|REMOVEMEMBER|",
            "1794816100|MANAGER|vip|SIP/1001|REMOVEMEMBER|");

        Assert.Equal(["agent.login", "agent.ready", "agent.queues", "agent.queues", "agent.logout"], events.Select(Type));
        Assert.Equal(["general", "vip"], events[2].GetProperty("queues").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal(["vip"], events[3].GetProperty("queues").EnumerateArray().Select(q => q.GetString()));
    }

    [Fact]
    public void Wrap_up_lasts_the_queues_seconds_and_ends_before_the_next_line_after_it()
    {
        var events = Events(
            ["1794816000|MANAGER|general|SIP/1001|ADDMEMBER|",
            "1794816010|1794816010.1|general|NONE|ENTERQUEUE||13800000001|1",
            "1794816012|1794816010.1|general|SIP/1001|CONNECT|2|1794816012.2|1",
            "1794816100|1794816010.1|general|SIP/1001|COMPLETECALLER|2|88|1",
            "1794816200|1794816200.1|general|NONE|ENTERQUEUE||13800000002|1"],
            wrapUp: 30);

        Assert.Equal(["agent.login", "agent.ready", "call.queued", "call.answered", "call.ended", "agent.ready", "call.queued"], events.Select(Type));
        Assert.Equal("2026-11-16T08:02:10Z", events[5].GetProperty("ts").GetString());
    }

    [Fact]
    public void A_pause_in_wrap_up_ends_it_and_no_ready_follows()
    {
        var events = Events(
            ["1794816000|MANAGER|general|SIP/1001|ADDMEMBER|",
            "1794816012|1794816010.1|general|SIP/1001|CONNECT|2|1794816012.2|1",
            "1794816100|1794816010.1|general|SIP/1001|COMPLETEAGENT|2|88|1",
            "1794816110|NONE|NONE|SIP/1001|PAUSEALL|break"],
            wrapUp: 30);

        Assert.Equal(["agent.login", "agent.ready", "call.answered", "call.ended", "agent.notready"], events.Select(Type));
        Assert.Equal("break", events[4].GetProperty("reason").GetString());
    }

    [Fact]
    public void A_member_paused_during_a_call_is_not_ready_after_it_and_ready_when_unpaused()
    {
        var events = Events(
            "1794816000|MANAGER|general|SIP/1001|ADDMEMBER|",
            "1794816012|1794816010.1|general|SIP/1001|CONNECT|2|1794816012.2|1",
            "1794816050|NONE|NONE|SIP/1001|PAUSEALL|",
            "1794816100|1794816010.1|general|SIP/1001|COMPLETECALLER|2|88|1",
            "1794816160|NONE|NONE|SIP/1001|UNPAUSEALL|");

        Assert.Equal(["agent.login", "agent.ready", "call.answered", "call.ended", "agent.notready", "agent.ready"], events.Select(Type));
        Assert.Equal("paused", events[4].GetProperty("reason").GetString());
    }

    [Fact]
    public void Only_a_ring_of_five_seconds_or_more_to_a_free_member_is_a_missed_offer()
    {
        var batch = Translate(
            "1794816000|MANAGER|general|SIP/1001|ADDMEMBER|",
            "1794816010|1794816010.1|general|SIP/1001|RINGNOANSWER|2000",
            "1794816020|1794816010.1|general|SIP/1001|RINGNOANSWER|5000",
            "1794816021|NONE|NONE|SIP/1001|PAUSEALL|rona",
            "1794816030|1794816010.1|general|SIP/1001|RINGNOANSWER|15000");

        Assert.Equal(["agent.login", "agent.ready", "call.ringing", "call.ringnoanswer", "agent.notready"], Parsed(batch).Select(Type));
        Assert.Equal(2, batch.Skipped);
    }

    [Fact]
    public void Bad_lines_name_their_field_and_change_nothing_that_follows()
    {
        var batch = Translate(
            "1794816000|MANAGER|general|SIP/1001|ADDMEMBER|",
            "not a queue_log line",
            "1794816005|1794816005.1|general|SIP/10 01|CONNECT|2|x|1",
            "-5|1794816005.1|general|NONE|ENTERQUEUE||1|1",
            "1794816006|1794816005.1||NONE|ENTERQUEUE||1|1",
            new string('x', QueueLogLine.MaxBytes + 1),
            "1794816010|1794816010.1|general|NONE|ENTERQUEUE||1|1");

        Assert.Equal([2L, 3, 4, 5, 6], batch.Rejected.Select(r => r.Line));
        Assert.Contains("fields", batch.Rejected[0].Error, StringComparison.Ordinal);
        Assert.Contains("field 4 (agent)", batch.Rejected[1].Error, StringComparison.Ordinal);
        Assert.Contains("field 1 (epoch)", batch.Rejected[2].Error, StringComparison.Ordinal);
        Assert.Contains("field 3 (queue)", batch.Rejected[3].Error, StringComparison.Ordinal);
        Assert.Contains("longer than", batch.Rejected[4].Error, StringComparison.Ordinal);
        Assert.Equal(["agent.login", "agent.ready", "call.queued"], Parsed(batch).Select(Type));
    }

    [Fact]
    public void A_wrap_up_with_no_line_after_it_ends_when_the_clock_passes_it()
    {
        var translator = new QueueLogTranslator("c1", _ => 30);
        var batch = new QueueLogBatch();
        translator.AddText(Encoding.UTF8.GetBytes(string.Join('\n',
            "1794816000|MANAGER|general|SIP/1001|ADDMEMBER|",
            "1794816012|1794816010.1|general|SIP/1001|CONNECT|2|1794816012.2|1",
            "1794816100|1794816010.1|general|SIP/1001|COMPLETECALLER|2|88|1") + "\n"), "queue_log", batch);
        var ended = DateTimeOffset.FromUnixTimeSeconds(1794816130);

        translator.EndWrapUpsBy(ended.AddSeconds(-1), batch);
        Assert.Equal(4, batch.Events.Count);
        translator.EndWrapUpsBy(ended.AddMinutes(5), batch);

        var ready = JsonDocument.Parse(batch.Events[^1].Json).RootElement;
        Assert.Equal("agent.ready", Type(ready));
        Assert.Equal("2026-11-16T08:02:10Z", ready.GetProperty("ts").GetString());
        Assert.Equal(3, batch.Events[^1].Line);
    }

    [Fact]
    public void A_translator_restored_from_its_saved_members_goes_on_as_if_it_never_stopped()
    {
        var text = File.ReadAllBytes(FloorWatch.Tests.Support.ExpectedFigures.DataFile("asterisk-2026-11-16.queue_log"));
        // Stopped just after a call's end, while its agent's wrap-up runs.
        var complete = text.AsSpan(text.Length / 2).IndexOf("|COMPLETECALLER|"u8) + (text.Length / 2);
        var half = complete + text.AsSpan(complete).IndexOf((byte)'\n') + 1;
        var whole = new QueueLogBatch();
        var once = new QueueLogTranslator("c1", _ => 20);
        once.AddText(text, "queue_log", whole);
        once.Finish(whole);

        var parts = new QueueLogBatch();
        var first = new QueueLogTranslator("c1", _ => 20);
        first.AddText(text.AsSpan(0, half), "queue_log", parts);
        var saved = JsonSerializer.Serialize(first.Members);
        var second = new QueueLogTranslator("c1", _ => 20);
        second.Restore(JsonSerializer.Deserialize<List<QueueLogMember>>(saved)!);
        second.AddText(text.AsSpan(half), "queue_log", parts, half, text.AsSpan(0, half).Count((byte)'\n') + 1);
        second.Finish(parts);

        Assert.Equal(whole.Events.Select(e => Encoding.UTF8.GetString(e.Json)), parts.Events.Select(e => Encoding.UTF8.GetString(e.Json)));
        Assert.Equal(whole.Events.Select(e => e.Line), parts.Events.Select(e => e.Line));
    }

    [Fact]
    public void Lines_that_mean_nothing_to_the_floor_are_counted_as_skipped()
    {
        var batch = Translate(
            "1794815892|NONE|NONE|NONE|QUEUESTART|",
            "1794815893|NONE|NONE|NONE|CONFIGRELOAD",
            "1794815894|NONE|NONE|SIP/1001|UNPAUSEALL|");

        Assert.Empty(batch.Events);
        Assert.Empty(batch.Rejected);
        Assert.Equal(3, batch.Skipped);
    }

    private static string Type(JsonElement e) => e.GetProperty("type").GetString()!;

    private static List<JsonElement> Events(params string[] lines) => Events(lines, 0);

    private static List<JsonElement> Events(string[] lines, double wrapUp)
    {
        var batch = Translate(lines, wrapUp);
        Assert.Empty(batch.Rejected);
        return Parsed(batch);
    }

    private static List<JsonElement> Parsed(QueueLogBatch batch) =>
        batch.Events.Select(e => JsonDocument.Parse(e.Json).RootElement).ToList();

    private static QueueLogBatch Translate(params string[] lines) => Translate(lines, 0);

    private static QueueLogBatch Translate(string[] lines, double wrapUp)
    {
        var translator = new QueueLogTranslator("c1", _ => wrapUp);
        var batch = new QueueLogBatch();
        translator.AddText(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"), "queue_log", batch);
        translator.Finish(batch);
        return batch;
    }
}
