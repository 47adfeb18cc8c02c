namespace FloorWatch.Domain.Rules;

/// <summary>
/// A cause that holds now and the moments it turns into an alert: raised at <see cref="RaiseAt"/>,
/// critical at <see cref="CriticalAt"/>; <see cref="NoticeAt"/> warns the agent alone before that.
/// The same cause (kind, subject, call, since) is the same alert, however often it is judged.
/// A small value: it is made again on every fact an agent or queue folds, so its text
/// (<see cref="RuleDetail"/>) is written only when an alert is raised.
/// </summary>
public readonly record struct RuleCondition
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

    /// <summary>What the text needs besides the fields above: the not-ready reason, the seats, the tags.</summary>
    public string? Reason { get; init; }
    public string? Extra { get; init; }
    public double Figure { get; init; }
    public double Figure2 { get; init; }
    public double Figure3 { get; init; }

    public ConditionKey Key => new(Kind, Agent, Queue, Call, Since.UtcTicks);
}

/// <summary>What makes two judgements of a cause the same alert.</summary>
public readonly record struct ConditionKey(string Kind, string? Agent, string? Queue, string? Call, long SinceTicks)
{
    /// <summary>The stable text an alert id is hashed from.</summary>
    public override string ToString() => $"{Kind}|{Agent}|{Queue}|{Call}|{SinceTicks}";
}
