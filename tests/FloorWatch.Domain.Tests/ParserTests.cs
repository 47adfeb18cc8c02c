using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FloorWatch.Domain.Events;

namespace FloorWatch.Domain.Tests;

/// <summary>Contract section 1: every event type, its required fields, and every way a line is refused.</summary>
public class ParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 17, 8, 0, 0, TimeSpan.Zero);
    private const string Ts = "2026-11-17T08:00:00Z";

    /// <summary>One valid line per type (both shapes of call.transferred), with every optional field set.</summary>
    public static readonly Dictionary<string, string> Valid = new(StringComparer.Ordinal)
    {
        ["agent.login"] = """{"agent":"A01","seat":"S-01","queues":["general","vip"],"name":"Ann"}""",
        ["agent.ready"] = """{"agent":"A01"}""",
        ["agent.notready"] = """{"agent":"A01","reason":"break"}""",
        ["agent.logout"] = """{"agent":"A01","reason":"shift end"}""",
        ["agent.queues"] = """{"agent":"A01","queues":["billing"]}""",
        ["call.queued"] = """{"call":"c1","queue":"general","caller":"13800000000","vip":true,"priority":3}""",
        ["call.ringing"] = """{"call":"c1","agent":"A01"}""",
        ["call.ringnoanswer"] = """{"call":"c1","agent":"A01"}""",
        ["call.answered"] = """{"call":"c1","agent":"A01"}""",
        ["call.held"] = """{"call":"c1"}""",
        ["call.retrieved"] = """{"call":"c1"}""",
        ["call.ended"] = """{"call":"c1","recordingUrl":"https://rec/c1.wav"}""",
        ["call.abandoned"] = """{"call":"c1"}""",
        ["call.overflowed"] = """{"call":"c1","reason":"timeout"}""",
        ["call.transferred"] = """{"call":"c1","queue":"billing"}""",
        ["call.transferred/agent"] = """{"call":"c1","agent":"A02"}""",
        ["call.tagged"] = """{"call":"c1","tags":["complaint","escalation"]}""",
        ["switch.heartbeat"] = "{}",
    };

    /// <summary>The fields each type cannot do without, beyond the common id, ts, center, type.</summary>
    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        ["agent.login"] = ["agent", "seat", "queues"],
        ["agent.ready"] = ["agent"],
        ["agent.notready"] = ["agent", "reason"],
        ["agent.logout"] = ["agent"],
        ["agent.queues"] = ["agent", "queues"],
        ["call.queued"] = ["call", "queue"],
        ["call.ringing"] = ["call", "agent"],
        ["call.ringnoanswer"] = ["call", "agent"],
        ["call.answered"] = ["call", "agent"],
        ["call.held"] = ["call"],
        ["call.retrieved"] = ["call"],
        ["call.ended"] = ["call"],
        ["call.abandoned"] = ["call"],
        ["call.overflowed"] = ["call"],
        ["call.transferred"] = ["call", "queue"],
        ["call.transferred/agent"] = ["call", "agent"],
        ["call.tagged"] = ["call", "tags"],
        ["switch.heartbeat"] = [],
    };

    private static JsonObject Line(string key)
    {
        var o = (JsonObject)JsonNode.Parse(Valid[key])!;
        var type = key.Split('/')[0];
        var full = new JsonObject { ["id"] = "e1", ["ts"] = Ts, ["center"] = "demo", ["type"] = type };
        foreach (var (name, value) in o.ToList())
        {
            o.Remove(name);
            full[name] = value;
        }

        return full;
    }

    private static ParseResult Parse(string json, DateTimeOffset? now = null) => CtiEventParser.Parse(Encoding.UTF8.GetBytes(json), now ?? Now);

    private static ParseResult Parse(JsonObject o) => Parse(o.ToJsonString());

    private static void AssertRejected(ParseResult r, string mentions)
    {
        Assert.False(r.IsValid);
        Assert.Null(r.Event);
        Assert.NotNull(r.Error);
        Assert.Contains(mentions, r.Error, StringComparison.Ordinal);
    }

    public static TheoryData<string> AllTypes() => new(Valid.Keys);

    public static TheoryData<string, string> EveryRequiredField()
    {
        var data = new TheoryData<string, string>();
        foreach (var (key, fields) in Required)
        {
            foreach (var field in new[] { "id", "ts", "center", "type" }.Concat(fields))
            {
                data.Add(key, field);
            }
        }

        return data;
    }

    [Fact]
    public void Every_type_of_the_contract_has_a_valid_example()
    {
        var types = Enum.GetValues<EventType>().Select(t => t.Name()).ToHashSet();
        Assert.Equal(17, types.Count);
        Assert.Equal(types.Order(), Valid.Keys.Select(k => k.Split('/')[0]).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Every_event_type_is_accepted_with_its_required_fields(string key)
    {
        var r = Parse(Line(key));

        Assert.True(r.IsValid, r.Error);
        Assert.Null(r.Error);
        var e = r.Event!;
        Assert.Equal("e1", e.Id);
        Assert.Equal(Now, e.Ts);
        Assert.Equal("demo", e.Center);
        Assert.Equal(key.Split('/')[0], e.Type.Name());
    }

    [Theory]
    [MemberData(nameof(EveryRequiredField))]
    public void A_missing_required_field_is_rejected_naming_that_field(string key, string field)
    {
        var line = Line(key);
        Assert.True(line.Remove(field));

        AssertRejected(Parse(line), $"'{field}'");
    }

    [Theory]
    [MemberData(nameof(EveryRequiredField))]
    public void A_null_required_field_counts_as_missing(string key, string field)
    {
        var line = Line(key);
        line[field] = null;

        AssertRejected(Parse(line), $"'{field}'");
    }

    [Fact]
    public void Optional_fields_are_read_into_the_event()
    {
        var login = Parse(Line("agent.login")).Event!;
        Assert.Equal("A01", login.Agent);
        Assert.Equal("S-01", login.Seat);
        Assert.Equal("Ann", login.Name);
        Assert.Equal(["general", "vip"], login.Queues!);

        var queued = Parse(Line("call.queued")).Event!;
        Assert.Equal("c1", queued.Call);
        Assert.Equal("general", queued.Queue);
        Assert.Equal("13800000000", queued.Caller);
        Assert.True(queued.Vip);
        Assert.Equal(3, queued.Priority);

        Assert.Equal("https://rec/c1.wav", Parse(Line("call.ended")).Event!.RecordingUrl);
        Assert.Equal("timeout", Parse(Line("call.overflowed")).Event!.Reason);
        Assert.Equal("break", Parse(Line("agent.notready")).Event!.Reason);
        Assert.Equal(["complaint", "escalation"], Parse(Line("call.tagged")).Event!.Tags!);
        Assert.Equal("A02", Parse(Line("call.transferred/agent")).Event!.Agent);
        Assert.Equal("billing", Parse(Line("call.transferred")).Event!.Queue);
    }

    [Fact]
    public void Vip_and_priority_default_to_not_vip_and_none()
    {
        var e = Parse("""{"id":"e1","ts":"2026-11-17T08:00:00Z","center":"demo","type":"call.queued","call":"c1","queue":"q"}""").Event!;

        Assert.False(e.Vip);
        Assert.Null(e.Priority);
        Assert.Null(e.Caller);
    }

    [Fact]
    public void A_transfer_with_neither_queue_nor_agent_names_both_fields()
    {
        var line = Line("call.transferred");
        line.Remove("queue");

        var r = Parse(line);

        AssertRejected(r, "'queue'");
        AssertRejected(r, "'agent'");
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"id\":\"e1\",")]
    [InlineData("{\"id\":\"e1\",\"ts\":\"2026-11-17T08:00:00Z\",\"center\":\"demo\",\"type\":\"agent.ready\",\"agent\":\"A01\"")]
    [InlineData("{\"id\":\"e1\",\"ts\":\"2026-11-17T08:0")]
    [InlineData("{\"id\":\"e1\",}")]
    [InlineData("{'id':'e1'}")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{\"id\":\"e1\",\"ts\":\"2026-11-17T08:00:00Z\",\"center\":\"demo\",\"type\":\"switch.heartbeat\"} {}")]
    public void Text_that_is_not_one_JSON_object_is_rejected(string line)
    {
        var r = Parse(line);

        Assert.False(r.IsValid);
        Assert.False(string.IsNullOrWhiteSpace(r.Error));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"id\":\"e1\"}]")]
    [InlineData("42")]
    [InlineData("\"agent.ready\"")]
    [InlineData("null")]
    [InlineData("true")]
    public void A_JSON_value_that_is_not_an_object_is_rejected(string line)
    {
        AssertRejected(Parse(line), "object");
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46 })]
    [InlineData(new byte[] { 0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D })]
    public void Binary_bytes_are_rejected_without_throwing(byte[] bytes)
    {
        var r = CtiEventParser.Parse(bytes, Now);

        Assert.False(r.IsValid);
        Assert.NotNull(r.Error);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("agent")]
    [InlineData("seat")]
    [InlineData("name")]
    [InlineData("center")]
    public void Invalid_UTF8_inside_a_string_value_is_rejected_without_throwing(string field)
    {
        // {"id":"e1",...,"<field>":"A<0xC3 0x28>"}: 0xC3 starts a two-byte sequence that 0x28 does not continue.
        var line = Line("agent.login");
        line[field] = "PLACEHOLDER";
        var bytes = Encoding.UTF8.GetBytes(line.ToJsonString()).ToList();
        var at = IndexOf(bytes, Encoding.UTF8.GetBytes("PLACEHOLDER"));
        bytes.RemoveRange(at, "PLACEHOLDER".Length);
        bytes.InsertRange(at, [0x41, 0xC3, 0x28]);

        var r = CtiEventParser.Parse(bytes.ToArray(), Now);

        Assert.False(r.IsValid);
        Assert.NotNull(r.Error);
    }

    [Fact]
    public void Invalid_UTF8_in_a_field_name_is_rejected_without_throwing()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"id":"e1","ts":"2026-11-17T08:00:00Z","center":"demo","type":"switch.heartbeat","X":1}""").ToList();
        var at = IndexOf(bytes, Encoding.UTF8.GetBytes("\"X\""));
        bytes[at + 1] = 0xFF;

        var r = CtiEventParser.Parse(bytes.ToArray(), Now);

        Assert.False(r.IsValid);
        Assert.NotNull(r.Error);
    }

    private static int IndexOf(List<byte> haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Count; i++)
        {
            if (haystack.Skip(i).Take(needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        throw new InvalidOperationException("needle not found");
    }

    [Theory]
    [InlineData("ts", "1763366400", "'ts'")]
    [InlineData("ts", "true", "'ts'")]
    [InlineData("id", "17", "'id'")]
    [InlineData("center", "[\"demo\"]", "'center'")]
    [InlineData("type", "{\"name\":\"agent.login\"}", "'type'")]
    [InlineData("agent", "1", "'agent'")]
    [InlineData("queues", "\"general\"", "'queues'")]
    [InlineData("queues", "[\"general\",7]", "'queues'")]
    [InlineData("queues", "[[\"general\"]]", "'queues'")]
    [InlineData("queues", "{\"general\":true}", "'queues'")]
    [InlineData("seat", "12", "'seat'")]
    [InlineData("name", "false", "'name'")]
    public void A_field_of_the_wrong_type_is_rejected_naming_it(string field, string json, string mentions)
    {
        var line = Line("agent.login");
        line[field] = JsonNode.Parse(json);

        AssertRejected(Parse(line), mentions);
    }

    [Theory]
    [InlineData("vip", "\"true\"")]
    [InlineData("vip", "1")]
    [InlineData("priority", "\"3\"")]
    [InlineData("priority", "1.5")]
    [InlineData("priority", "99999999999")]
    [InlineData("caller", "13800000000")]
    [InlineData("queue", "[\"general\"]")]
    public void A_call_field_of_the_wrong_type_is_rejected_naming_it(string field, string json)
    {
        var line = Line("call.queued");
        line[field] = JsonNode.Parse(json);

        AssertRejected(Parse(line), $"'{field}'");
    }

    [Theory]
    [InlineData("tags", "\"complaint\"")]
    [InlineData("tags", "[1,2]")]
    public void Tags_must_be_an_array_of_strings(string field, string json)
    {
        var line = Line("call.tagged");
        line[field] = JsonNode.Parse(json);

        AssertRejected(Parse(line), $"'{field}'");
    }

    [Theory]
    [InlineData("center", "demo.1")]
    [InlineData("center", "de mo")]
    [InlineData("center", "demo/1")]
    [InlineData("center", "中心")]
    [InlineData("center", "")]
    [InlineData("agent", "A 01")]
    [InlineData("agent", "A01@x")]
    [InlineData("agent", "")]
    [InlineData("queues", "general queue")]
    public void A_bad_id_is_rejected_naming_its_field(string field, string value)
    {
        var line = Line("agent.login");
        if (field == "queues")
        {
            line[field] = new JsonArray("ok", value);
        }
        else
        {
            line[field] = value;
        }

        AssertRejected(Parse(line), $"'{field}'");
    }

    [Fact]
    public void Ids_of_64_characters_are_accepted_and_of_65_rejected()
    {
        var line = Line("call.ringing");
        line["center"] = new string('c', 64);
        line["call"] = new string('k', 64);
        line["agent"] = "A." + new string('a', 62);
        Assert.True(Parse(line).IsValid, Parse(line).Error);

        foreach (var field in new[] { "center", "call", "agent" })
        {
            var bad = Line("call.ringing");
            bad[field] = new string('x', 65);
            AssertRejected(Parse(bad), $"'{field}'");
        }
    }

    [Fact]
    public void Agent_and_call_ids_may_contain_dots_underscores_and_dashes_but_center_ids_no_dots()
    {
        var line = Line("call.answered");
        line["center"] = "south_1-b";
        line["call"] = "1731830400.1234";
        line["agent"] = "agent_7-b.x";
        Assert.True(Parse(line).IsValid, Parse(line).Error);

        line["center"] = "south.1";
        AssertRejected(Parse(line), "'center'");
    }

    [Theory]
    [InlineData("agent.Login")]
    [InlineData("agent.break")]
    [InlineData("call.transfer")]
    [InlineData("")]
    [InlineData("heartbeat")]
    public void An_unknown_type_is_rejected_naming_the_type_field(string type)
    {
        var line = Line("switch.heartbeat");
        line["type"] = type;

        AssertRejected(Parse(line), "'type'");
    }

    [Theory]
    [InlineData("2026-11-17T08:00:00")]
    [InlineData("2026-11-17T08:00:00.123")]
    [InlineData("2026-11-17")]
    [InlineData("08:00:00Z")]
    [InlineData("2026-11-17T08:00Z")]
    [InlineData("2026-11-17T08:00:00+0800")]
    [InlineData("2026-11-17T08:00:00+08")]
    [InlineData("17/11/2026 08:00:00 +00:00")]
    [InlineData("2026-13-17T08:00:00Z")]
    [InlineData("2026-02-30T08:00:00Z")]
    [InlineData("2026-11-17T25:00:00Z")]
    [InlineData("2026-11-17T08:00:00.Z")]
    [InlineData("2026-11-17T08:00:00+15:00")]
    [InlineData("2026-11-17T08:00:00+14:01")]
    [InlineData("2026-11-17T08:00:00+08:60")]
    [InlineData("2026-11-17T08:60:00Z")]
    [InlineData("2026-11-17T08:00:60Z")]
    [InlineData("2026-00-17T08:00:00Z")]
    [InlineData("2026-11-00T08:00:00Z")]
    [InlineData("2025-02-29T08:00:00Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("\u0662\u0660\u0662\u0666-11-17T08:00:00Z")]
    [InlineData("\uFF12\uFF10\uFF12\uFF16-11-17T08:00:00Z")]
    [InlineData(" 2026-11-17T08:00:00Z")]
    [InlineData("Tue, 17 Nov 2026 08:00:00 GMT")]
    [InlineData("")]
    public void A_ts_that_is_not_RFC_3339_with_an_offset_is_rejected(string ts)
    {
        var line = Line("switch.heartbeat");
        line["ts"] = ts;

        AssertRejected(Parse(line), "'ts'");
    }

    [Theory]
    [InlineData("2026-11-17T08:00:00Z", "2026-11-17T08:00:00Z")]
    [InlineData("2026-11-17T08:00:00z", "2026-11-17T08:00:00Z")]
    [InlineData("2026-11-17t08:00:00z", "2026-11-17T08:00:00Z")]
    [InlineData("2026-11-17 08:00:00Z", "2026-11-17T08:00:00Z")]
    [InlineData("2026-11-17T16:00:00+08:00", "2026-11-17T08:00:00Z")]
    [InlineData("2026-11-17T02:00:00-06:00", "2026-11-17T08:00:00Z")]
    [InlineData("2026-11-17T13:45:00+05:45", "2026-11-17T08:00:00Z")]
    [InlineData("2026-11-17T07:59:59.5Z", "2026-11-17T07:59:59.5Z")]
    [InlineData("2026-11-17T07:59:59.1234567Z", "2026-11-17T07:59:59.1234567Z")]
    [InlineData("2026-11-17T07:59:59.123456700000Z", "2026-11-17T07:59:59.1234567Z")]
    [InlineData("2026-11-17T08:00:00-00:00", "2026-11-17T08:00:00Z")]
    [InlineData("2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z")]
    [InlineData("2024-02-29T23:59:59.9999999+14:00", "2024-02-29T09:59:59.9999999Z")]
    [InlineData("2026-11-16T20:00:00-12:00", "2026-11-17T08:00:00Z")]
    public void RFC_3339_times_are_accepted_in_all_their_spellings(string ts, string expected)
    {
        var line = Line("switch.heartbeat");
        line["ts"] = ts;

        var r = Parse(line);

        Assert.True(r.IsValid, r.Error);
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), r.Event!.Ts);
    }

    [Fact]
    public void A_ts_with_nine_fraction_digits_is_accepted_to_the_tick()
    {
        var line = Line("switch.heartbeat");
        line["ts"] = "2026-11-17T07:59:59.123456789Z";

        var r = Parse(line);

        Assert.True(r.IsValid, r.Error);
        var ts = r.Event!.Ts;
        Assert.Equal(TimeSpan.Zero, ts.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 17, 7, 59, 59, TimeSpan.Zero), ts.AddTicks(-(ts.Ticks % TimeSpan.TicksPerSecond)));

        // 0.123456789 s is 1 234 567.89 ticks: within one tick of 1 234 568.
        Assert.InRange(ts.Ticks % TimeSpan.TicksPerSecond, 1_234_567, 1_234_568);
    }

    [Fact]
    public void A_ts_keeps_its_offset()
    {
        var line = Line("switch.heartbeat");
        line["ts"] = "2026-11-17T16:00:00+08:00";

        var ts = Parse(line).Event!.Ts;

        Assert.Equal(TimeSpan.FromHours(8), ts.Offset);
        Assert.Equal(Now.UtcTicks, ts.UtcTicks);
    }

    [Fact]
    public void A_ts_more_than_5_minutes_in_the_future_is_rejected()
    {
        var now = new DateTimeOffset(2026, 11, 17, 8, 0, 0, TimeSpan.Zero);
        var line = Line("agent.ready");

        line["ts"] = "2026-11-17T08:05:01Z";
        AssertRejected(Parse(line.ToJsonString(), now), "'ts'");
        AssertRejected(Parse(line.ToJsonString(), now), "future");

        line["ts"] = "2026-11-17T08:05:00.001Z";
        AssertRejected(Parse(line.ToJsonString(), now), "'ts'");

        line["ts"] = "2026-11-17T17:00:00+08:00";
        AssertRejected(Parse(line.ToJsonString(), now), "'ts'");
    }

    [Fact]
    public void A_ts_too_far_ahead_is_named_as_it_was_sent()
    {
        var line = Line("agent.ready");
        line["ts"] = "2026-11-17T17:00:00+08:00";

        Assert.Equal("field 'ts': 2026-11-17T17:00:00+08:00 is more than 5 minutes in the future", Parse(line).Error);
    }

    [Fact]
    public void A_ts_with_a_fraction_longer_than_any_clock_keeps_is_read_as_well()
    {
        var line = Line("switch.heartbeat");
        line["ts"] = "2026-11-17T07:59:59." + new string('5', 80) + "Z";

        var r = Parse(line);

        Assert.True(r.IsValid, r.Error);
        Assert.Equal(new DateTimeOffset(2026, 11, 17, 7, 59, 59, TimeSpan.Zero).AddTicks(5_555_555), r.Event!.Ts);
    }

    [Fact]
    public void A_missing_id_is_reported_before_a_bad_ts_wherever_they_stand()
    {
        Assert.Equal("field 'id': required", Parse("""{"ts":"yesterday","center":"demo","type":"switch.heartbeat"}""").Error);
        Assert.Equal("field 'ts': 'yesterday' is not an RFC 3339 time with offset", Parse("""{"ts":"yesterday","id":"e1","center":"demo","type":"switch.heartbeat"}""").Error);
    }

    [Fact]
    public void A_later_ts_field_stands_for_an_earlier_one()
    {
        Assert.True(Parse("""{"id":"e1","ts":"yesterday","ts":"2026-11-17T08:00:00Z","center":"demo","type":"switch.heartbeat"}""").IsValid);
        Assert.False(Parse("""{"id":"e1","ts":"2026-11-17T08:00:00Z","ts":"yesterday","center":"demo","type":"switch.heartbeat"}""").IsValid);
    }

    [Fact]
    public void A_ts_up_to_5_minutes_in_the_future_is_accepted()
    {
        var now = new DateTimeOffset(2026, 11, 17, 8, 0, 0, TimeSpan.Zero);
        var line = Line("agent.ready");

        line["ts"] = "2026-11-17T08:04:00Z";
        Assert.True(Parse(line.ToJsonString(), now).IsValid);

        line["ts"] = "2026-11-17T08:05:00Z";
        Assert.True(Parse(line.ToJsonString(), now).IsValid);

        // The same instant with the center's own offset is not "in the future".
        line["ts"] = "2026-11-17T16:04:00+08:00";
        Assert.True(Parse(line.ToJsonString(), now).IsValid);
    }

    [Fact]
    public void The_future_limit_follows_the_now_passed_in_not_the_machine_clock()
    {
        var line = Line("agent.ready");
        line["ts"] = "2000-01-01T00:10:00Z";

        AssertRejected(Parse(line.ToJsonString(), new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)), "'ts'");
        Assert.True(Parse(line.ToJsonString(), new DateTimeOffset(2000, 1, 1, 0, 6, 0, TimeSpan.Zero)).IsValid);
    }

    [Fact]
    public void Events_from_long_ago_are_accepted_for_backfill()
    {
        var line = Line("call.queued");
        line["ts"] = "2019-03-01T09:30:00+08:00";

        var r = Parse(line);

        Assert.True(r.IsValid, r.Error);
        Assert.Equal(new DateTimeOffset(2019, 3, 1, 1, 30, 0, TimeSpan.Zero), r.Event!.Ts);
    }

    [Fact]
    public void Unknown_fields_of_any_shape_are_ignored()
    {
        var line = Line("call.queued");
        line["ivrPath"] = new JsonArray(1, "two", new JsonObject { ["three"] = 3 });
        line["sip"] = new JsonObject { ["headers"] = new JsonObject { ["x"] = new JsonArray() } };
        line["score"] = 0.5;
        line["note"] = null;
        line["Queue"] = 12;

        var r = Parse(line);

        Assert.True(r.IsValid, r.Error);
        Assert.Equal("general", r.Event!.Queue);
    }

    [Fact]
    public void A_field_belonging_to_another_type_is_ignored()
    {
        var line = Line("agent.ready");
        line["tags"] = new JsonArray("x");
        line["queue"] = "general";

        Assert.True(Parse(line).IsValid);
    }

    [Fact]
    public void A_10_MB_line_does_not_throw()
    {
        var big = new string('x', 10 * 1024 * 1024);
        var lines = new[]
        {
            $$"""{"id":"e1","ts":"{{Ts}}","center":"demo","type":"agent.ready","agent":"A01","junk":"{{big}}"}""",
            $$"""{"id":"{{big}}","ts":"{{Ts}}","center":"demo","type":"agent.ready","agent":"A01"}""",
            $$"""{"id":"e1","ts":"{{Ts}}","center":"demo","type":"call.tagged","call":"c1","tags":["{{big}}"]}""",
            $$"""{"id":"e1","ts":"{{Ts}}","center":"demo","type":"agent.login","agent":"A01","seat":"S","queues":[{{string.Join(',', Enumerable.Repeat("\"q\"", 1_000_000))}}]}""",
            "{\"a\":" + new string('[', 5_000_000) + new string(']', 5_000_000) + "}",
            big,
        };

        foreach (var line in lines)
        {
            var r = Parse(line);
            Assert.True(r.IsValid || r.Error is { Length: > 0 });
        }

        // An ignored huge field does not stop a valid event.
        Assert.True(Parse(lines[0]).IsValid);

        // A huge id is refused, naming it.
        AssertRejected(Parse(lines[1]), "'id'");
    }

    [Fact]
    public void Escaped_strings_are_unescaped()
    {
        var r = Parse("""{"id":"e\u0031","ts":"2026-11-17T08:00:00Z","center":"demo","type":"agent.notready","agent":"A01","reason":"\u4f11\u606f"}""");

        Assert.True(r.IsValid, r.Error);
        Assert.Equal("e1", r.Event!.Id);
        Assert.Equal("休息", r.Event.Reason);
    }

    [Fact]
    public void Field_names_are_case_sensitive()
    {
        var line = Line("agent.ready");
        line.Remove("agent");
        line["Agent"] = "A01";

        AssertRejected(Parse(line), "'agent'");
    }

    [Fact]
    public void Login_with_an_empty_queue_list_is_accepted()
    {
        var line = Line("agent.login");
        line["queues"] = new JsonArray();

        var r = Parse(line);

        Assert.True(r.IsValid, r.Error);
        Assert.Empty(r.Event!.Queues!);
    }
}
