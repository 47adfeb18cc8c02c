using System.Text.Json.Serialization;

namespace FloorWatch.Contracts.Views;

/// <summary>
/// An alert of contract section 5: raised once by the rule that saw its cause, escalated in place,
/// acknowledged by a person, resolved by itself when the cause ends.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlertView
{
    /// <summary>Made from the kind, the subject and the moment the cause began, so a replay of the journal finds the same alert again.</summary>
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Kind { get; init; }

    /// <summary><c>warning</c> or <c>critical</c>.</summary>
    [Id(2)] public required string Severity { get; init; }
    [Id(3)] public required string Center { get; init; }
    [Id(4)] public string? Agent { get; init; }
    [Id(5)] public string? Queue { get; init; }
    [Id(6)] public string? Call { get; init; }
    [Id(7)] public DateTimeOffset RaisedAt { get; init; }

    /// <summary><c>open</c>, <c>acknowledged</c> or <c>resolved</c>.</summary>
    [Id(8)] public required string State { get; init; }

    /// <summary>Who acknowledged it.</summary>
    [Id(9)] public string? By { get; init; }
    [Id(10)] public DateTimeOffset? AcknowledgedAt { get; init; }
    [Id(11)] public DateTimeOffset? ResolvedAt { get; init; }
    [Id(12)] public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>What a person reads, in English, with the figures (e.g. "away for 301 s, limit 300 s").</summary>
    [Id(13)] public required string Detail { get; init; }

    /// <summary>Orders the changes of one alert that reach the center by different paths (a batch's answer, a timer's message).</summary>
    [Id(14), JsonIgnore] public int Version { get; init; }
}
