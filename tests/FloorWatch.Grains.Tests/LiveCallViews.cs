using System.Text.Json;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Figures;
using FloorWatch.Domain.Floor;
using FloorWatch.Domain.Settings;

namespace FloorWatch.Grains.Tests;

/// <summary>Queue and agent views with only what the live calls read, and a live call's content to compare by value.</summary>
internal static class LiveCallViews
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static QueueView QueueWith(string id, params WaitingCall[] waiting) => new()
    {
        Id = id,
        Now = new QueueNowView { Counts = new QueueNow() },
        Interval = new WindowFigures(),
        Today = new WindowFigures(),
        Settings = QueueSettings.Default,
        WaitingCalls = waiting,
    };

    public static WaitingCall Waiting(string call, string queue, int position = 1) => new()
    {
        Call = call,
        Queue = queue,
        EnteredAt = T0,
        Position = position,
    };

    public static AgentView AgentWith(string id, AgentCallInfo? call = null) => new()
    {
        Id = id,
        State = call is null ? "ready" : "oncall",
        Call = call,
    };

    public static AgentCallInfo Connected(string call, string? queue = "q1", bool held = false) => new(call, queue, T0, Vip: false, held, []);

    /// <summary>Every field, lists by their items (a record compares them by reference).</summary>
    public static string Content(LiveCall call) => JsonSerializer.Serialize(call);
}
