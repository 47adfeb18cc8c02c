namespace FloorWatch.Domain.Rules;

/// <summary>
/// A cause that holds now and the moments it turns into an alert: raised at <see cref="RaiseAt"/>,
/// critical at <see cref="CriticalAt"/>; <see cref="NoticeAt"/> warns the agent alone before that.
/// The same cause (kind, subject, call, since) is the same alert, however often it is evaluated.
/// </summary>
public sealed record RuleCondition
{
    public required string Kind { get; init; }
    public string? Agent { get; init; }
    public string? Queue { get; init; }
    public string? Call { get; init; }

    /// <summary>When the cause began (the state's start, the call's answer...).</summary>
    public required DateTimeOffset Since { get; init; }
    public required DateTimeOffset RaiseAt { get; init; }
    public DateTimeOffset? CriticalAt { get; init; }
    public DateTimeOffset? NoticeAt { get; init; }

    /// <summary>The limit broken, in seconds; 0 for causes with no limit (a duplicate login).</summary>
    public double LimitSeconds { get; init; }

    /// <summary>Starts critical: a rule broken twice (leave in the first hour without approval).</summary>
    public bool Critical { get; init; }

    /// <summary>What a person reads.</summary>
    public required string Detail { get; init; }

    public string Key => $"{Kind}|{Agent}|{Queue}|{Call}|{Since.UtcTicks}";
}
