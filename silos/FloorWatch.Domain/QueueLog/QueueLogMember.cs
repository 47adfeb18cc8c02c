using System.Text.Json.Serialization;

namespace FloorWatch.Domain.QueueLog;

/// <summary>
/// What a queue_log translator holds of a member: its queues, its pause, its call and its wrap-up.
/// Asterisk logs no agent states, so this is what tells what the member's next line means.
/// </summary>
public sealed class QueueLogMember
{
    public required string Id { get; init; }

    public string Seat { get; set; } = "";

    public List<string> Queues { get; init; } = [];

    public bool LoggedIn { get; set; }

    public bool Paused { get; set; }

    public string PauseReason { get; set; } = "paused";

    public string? Call { get; set; }

    /// <summary>When the wrap-up after the last call ends, while it runs.</summary>
    public DateTimeOffset? WrapUntil { get; set; }

    /// <summary>The line that ended the call, and the id the wrap-up's end gets.</summary>
    public long WrapLine { get; set; }

    public string? WrapId { get; set; }

    /// <summary>Free for a call as the floor holds it: logged in, not paused, not on a call or in wrap-up.</summary>
    [JsonIgnore]
    public bool Free => LoggedIn && !Paused && Call is null && WrapUntil is null;
}
