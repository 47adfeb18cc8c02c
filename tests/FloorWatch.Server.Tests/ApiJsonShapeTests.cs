using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Figures;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;
using FloorWatch.Server.Api;
using FloorWatch.Server.Centers;
using FloorWatch.Server.Ingest;
using FloorWatch.Server.Journal;
using FloorWatch.Server.Options;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace FloorWatch.Server.Tests;

/// <summary>
/// The snapshot's and the deltas' JSON (contract sections 3 and 4, client/src/lib/api/types.ts),
/// property by property, as the read API and the hub write them. The expected texts are what the
/// server wrote when these shapes were anonymous objects; a renamed, dropped or added property, a
/// null left out or a number or time written differently fails here.
/// </summary>
public class ApiJsonShapeTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 21, 9, 30, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static WindowFigures Figures => new()
    {
        Offered = 12, Answered = 10, Abandoned = 2, ShortAbandoned = 1, Overflowed = 0, TransferredOut = 1,
        AnsweredWithinThreshold = 8, ServiceLevel = 8.0 / 11, AsaSeconds = 12.5, AbandonRate = null,
        Handled = 9, AhtSeconds = 180, Occupancy = double.NaN,
    };

    private static QueueView Queue(string id, string? name, params WaitingCall[] waiting) => new()
    {
        Id = id,
        Name = name,
        Now = new QueueNowView
        {
            Counts = new QueueNow
            {
                Waiting = waiting.Length, LongestWaitSeconds = 42.25, Staffed = 5, Available = 1, Ringing = 0, OnCall = 2,
                WrapUp = 1, NotReady = 1, NotReadyByReason = new Dictionary<string, int> { ["away"] = 1 },
            },
            RequiredAgents = 4,
            EstimatedWaitSeconds = waiting.Length > 0 ? 30.5 : null,
        },
        Interval = Figures,
        Today = Figures with { Occupancy = 0.75, AbandonRate = 0.2 },
        RequiredAgents = 6,
        Settings = new QueueSettings { Name = name, SlFormula = SlFormula.AnsweredOnly },
        WaitingCalls = waiting,
    };

    private static readonly WaitingCall Waiting1 = new() { Call = "c2", Queue = "billing", EnteredAt = AsOf.AddSeconds(-20), Position = 2 };
    private static readonly WaitingCall Waiting2 = new() { Call = "c3", Queue = "billing", EnteredAt = new DateTimeOffset(2026, 11, 21, 17, 29, 17, 750, TimeSpan.FromHours(8)), Position = 1, Vip = true };

    private static readonly AgentView OnCall = new()
    {
        Id = "A01", Name = "Ann", Seat = "S-01", Queues = ["billing", "sales"], State = "oncall", Since = AsOf.AddSeconds(-83.5),
        Call = new AgentCallInfo("c1", "billing", AsOf.AddSeconds(-83.5), Vip: true, Held: true, ["complaint"]),
        Handled = 3, AhtSeconds = 200.5,
        SecondsByState = new Dictionary<string, double> { ["oncall"] = 600.5, ["available"] = 30 },
        SecondsByReason = new Dictionary<string, double>(), MissedOffers = 1,
    };

    private static readonly AgentView Away = new()
    {
        Id = "A02", State = "notready", Reason = "away", Since = AsOf.AddSeconds(-5),
        SecondsByState = new Dictionary<string, double> { ["notready"] = 5 },
        SecondsByReason = new Dictionary<string, double> { ["away"] = 5 },
    };

    private static readonly LiveCall Call = new()
    {
        Call = "c1", Queue = "billing", Agent = "A01", TalkSeconds = 83.5, Held = true, Vip = true, Tags = ["complaint"], Since = AsOf.AddSeconds(-83.5),
    };

    private static readonly FeedView Feed = new()
    {
        EventsApplied = 1234, JournalSeq = 1240, LastEventTs = AsOf.AddMilliseconds(-250), Anomalies = 1,
        RecentAnomalies = [new Anomaly(AsOf.AddSeconds(-60), "e-9", "abandon of a connected call")],
    };

    private static readonly CenterSnapshot Snapshot = new()
    {
        Center = "hq", Name = "Head office", AsOf = AsOf, Seq = 7,
        Totals = Queue("hq", "Head office", Waiting1, Waiting2),
        Queues = [Queue("billing", "Billing", Waiting1, Waiting2), Queue("sales", null)],
        Agents = [OnCall, Away],
        Calls = [Call],
        Feed = Feed,
        Settings = CenterSettings.Default,
    };

    private static readonly FloorDelta Delta = new()
    {
        Center = "hq", Seq = 8, AsOf = AsOf, OldestEventTs = AsOf.AddMilliseconds(-180), NewestEventTs = null,
        Totals = Queue("hq", "Head office"),
        Queues = [Queue("sales", null)],
        Agents = [Away],
        Calls = [Call],
        EndedCalls = ["c0"],
        Feed = Feed,
    };

    /// <summary>The feed status of a center heard from at <see cref="AsOf"/>.</summary>
    private static FeedStatus Feeds()
    {
        var status = new FeedStatus(new FixedClock(AsOf), new CenterRegistry(Microsoft.Extensions.Options.Options.Create(new FloorWatchOptions())));
        status.Heard("hq");
        return status;
    }

    private const string Figures1 = """
        "offered": 12, "answered": 10, "abandoned": 2, "shortAbandoned": 1, "overflowed": 0, "transferredOut": 1,
        "answeredWithinThreshold": 8, "serviceLevel": 0.7272727272727273, "asaSeconds": 12.5, "abandonRate": null,
        "handled": 9, "ahtSeconds": 180, "occupancy": "NaN"
        """;

    private const string Figures2 = """
        "offered": 12, "answered": 10, "abandoned": 2, "shortAbandoned": 1, "overflowed": 0, "transferredOut": 1,
        "answeredWithinThreshold": 8, "serviceLevel": 0.7272727272727273, "asaSeconds": 12.5, "abandonRate": 0.2,
        "handled": 9, "ahtSeconds": 180, "occupancy": 0.75
        """;

    private static string QueueJson(string id, string? name, string? oldest) => $$"""
        {
          "id": "{{id}}", "name": {{(name is null ? "null" : $"\"{name}\"")}},
          "now": {
            "waiting": {{(oldest is null ? 0 : 2)}}, "longestWaitSeconds": 42.25, "oldestWaitingSince": {{oldest ?? "null"}},
            "staffed": 5, "available": 1, "ringing": 0, "onCall": 2, "wrapUp": 1, "notReady": 1,
            "notReadyByReason": { "away": 1 }, "requiredAgents": 4, "estimatedWaitSeconds": {{(oldest is null ? "null" : "30.5")}}
          },
          "interval": { {{Figures1}} },
          "today": { {{Figures2}} },
          "requiredAgents": 6,
          "settings": {
            "name": {{(name is null ? "null" : $"\"{name}\"")}}, "slThresholdSeconds": 20, "slTarget": 0.8, "shortAbandonSeconds": 5,
            "slFormula": "answeredOnly", "wrapUpSeconds": 0
          }
        }
        """;

    // The earlier of the two waiting calls, in the offset it was given.
    private const string Oldest = "\"2026-11-21T17:29:17.75+08:00\"";

    private const string AgentA01 = """
        {
          "id": "A01", "name": "Ann", "state": "oncall", "reason": null, "since": "2026-11-21T09:28:36.5+00:00", "seat": "S-01",
          "queues": ["billing", "sales"], "call": "c1", "queue": "billing", "talkSeconds": 83.5, "held": true, "vip": true,
          "handled": 3, "ahtSeconds": 200.5, "secondsByState": { "oncall": 600.5, "available": 30 }, "secondsByReason": {},
          "missedOffers": 1, "alerts": []
        }
        """;

    private const string AgentA02 = """
        {
          "id": "A02", "name": null, "state": "notready", "reason": "away", "since": "2026-11-21T09:29:55+00:00", "seat": null,
          "queues": [], "call": null, "queue": null, "talkSeconds": null, "held": false, "vip": false,
          "handled": 0, "ahtSeconds": null, "secondsByState": { "notready": 5 }, "secondsByReason": { "away": 5 },
          "missedOffers": 0, "alerts": []
        }
        """;

    private const string CallC1 = """
        {
          "call": "c1", "queue": "billing", "position": null, "waitSeconds": null, "agent": "A01", "talkSeconds": 83.5,
          "held": true, "vip": true, "tags": ["complaint"], "monitoredBy": [], "since": "2026-11-21T09:28:36.5+00:00"
        }
        """;

    private const string FeedJson = """
        {
          "status": "up", "lastHeardAt": "2026-11-21T09:30:00+00:00", "lastEventTs": "2026-11-21T09:29:59.75+00:00",
          "eventsApplied": 1234, "journalSeq": 1240, "anomalies": 1,
          "recentAnomalies": [{ "ts": "2026-11-21T09:29:00+00:00", "eventId": "e-9", "what": "abandon of a connected call" }]
        }
        """;

    private static readonly string ExpectedSnapshot = $$"""
        {
          "center": "hq", "name": "Head office", "asOf": "2026-11-21T09:30:00+00:00", "seq": 7,
          "totals": {{QueueJson("hq", "Head office", Oldest)}},
          "queues": [{{QueueJson("billing", "Billing", Oldest)}}, {{QueueJson("sales", null, null)}}],
          "agents": [{{AgentA01}}, {{AgentA02}}],
          "calls": [{{CallC1}}],
          "alerts": [],
          "feed": {{FeedJson}}
        }
        """;

    private static readonly string ExpectedDelta = $$"""
        {
          "center": "hq", "seq": 8, "asOf": "2026-11-21T09:30:00+00:00",
          "oldestEventTs": "2026-11-21T09:29:59.82+00:00", "newestEventTs": null,
          "totals": {{QueueJson("hq", "Head office", null)}},
          "queues": [{{QueueJson("sales", null, null)}}],
          "agents": [{{AgentA02}}],
          "calls": [{{CallC1}}],
          "endedCalls": ["c0"],
          "feed": {{FeedJson}}
        }
        """;

    /// <summary>What the read API writes (Results.Json with JournalJson's options, the runtime type).</summary>
    private static string Api(object value) => JsonSerializer.Serialize(value, value.GetType(), JournalJson.Options);

    /// <summary>What the hub writes: SignalR's JSON protocol with the options PushSetup gives it; the message's one argument.</summary>
    private static string Hub(string target, object value)
    {
        var options = new JsonHubProtocolOptions();
        JournalJson.Configure(options.PayloadSerializerOptions);
        var protocol = new JsonHubProtocol(Microsoft.Extensions.Options.Options.Create(options));
        var buffer = new ArrayBufferWriter<byte>();
        protocol.WriteMessage(new InvocationMessage(target, [value]), buffer);
        using var message = JsonDocument.Parse(buffer.WrittenMemory[..^1]); // without the record separator
        return message.RootElement.GetProperty("arguments")[0].GetRawText();
    }

    [Fact]
    public void A_snapshot_is_written_as_the_contract_shape_by_the_api_and_the_hub()
    {
        var snapshot = ApiJson.Snapshot(Snapshot, Feeds().For("hq", Snapshot.Feed), []);

        Assert.Equal(Canonical(ExpectedSnapshot), Canonical(Api(snapshot)));
        Assert.Equal(Canonical(ExpectedSnapshot), Canonical(Hub("snapshot", snapshot)));
    }

    [Fact]
    public void A_delta_is_written_as_the_contract_shape_by_the_hub()
    {
        var delta = ApiJson.Delta(Delta, Feeds().For("hq", Delta.Feed));

        Assert.Equal(Canonical(ExpectedDelta), Canonical(Hub("delta", delta)));
        Assert.Equal(Canonical(ExpectedDelta), Canonical(Api(delta)));
    }

    /// <summary>The tree with each object's properties sorted by name and numbers, strings and times exactly as written.</summary>
    private static string Canonical(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var text = new StringBuilder();
        Write(doc.RootElement, text, 0);
        return text.ToString();
    }

    private static void Write(JsonElement e, StringBuilder text, int depth)
    {
        var indent = new string(' ', 2 * (depth + 1));
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append("{\n");
                foreach (var p in e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    text.Append(indent).Append(p.Name).Append(": ");
                    Write(p.Value, text, depth + 1);
                    text.Append('\n');
                }

                text.Append(' ', 2 * depth).Append('}');
                break;
            case JsonValueKind.Array:
                text.Append("[\n");
                foreach (var item in e.EnumerateArray())
                {
                    text.Append(indent);
                    Write(item, text, depth + 1);
                    text.Append('\n');
                }

                text.Append(' ', 2 * depth).Append(']');
                break;
            default:
                text.Append(e.GetRawText());
                break;
        }
    }
}
