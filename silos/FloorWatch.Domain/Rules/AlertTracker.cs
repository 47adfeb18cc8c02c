namespace FloorWatch.Domain.Rules;

/// <summary>
/// Turns the causes that hold at a moment into alerts: raised once when a cause passes its limit,
/// escalated once when it passes the critical limit, resolved when the cause is gone. Pure and
/// driven by the time it is given, so the same facts at the same times give the same alerts.
/// </summary>
public sealed class AlertTracker
{
    private readonly Dictionary<ConditionKey, RaisedAlert> _active = [];
    private readonly List<ConditionKey> _gone = [];

    public IReadOnlyCollection<RaisedAlert> Active => _active.Values;

    /// <summary>The agent's own early warning, while one holds.</summary>
    public AgentNotice? Notice { get; private set; }

    /// <summary>Brings the alerts in line with <paramref name="conditions"/> at <paramref name="now"/>; what changed is added to <paramref name="changes"/>. True when the notice changed.</summary>
    public bool Update(List<RuleCondition> conditions, DateTimeOffset now, List<RaisedAlert> changes)
    {
        RuleCondition? noticed = null;
        var holding = 0;
        foreach (var c in conditions)
        {
            if (c.NoticeAt is { } noticeAt && noticeAt <= now && noticed is null)
            {
                noticed = c;
            }

            if (now < c.RaiseAt)
            {
                continue;
            }

            var key = c.Key;
            var critical = c.Critical || (c.CriticalAt is { } at && at <= now);
            if (!_active.TryGetValue(key, out var alert))
            {
                alert = new RaisedAlert
                {
                    Key = key.ToString(),
                    Kind = c.Kind,
                    Severity = critical ? AlertKinds.Critical : AlertKinds.Warning,
                    Agent = c.Agent,
                    Queue = c.Queue,
                    Call = c.Call,
                    RaisedAt = c.RaiseAt,
                    EscalatedAt = critical && !c.Critical ? c.CriticalAt : null,
                    Detail = RuleDetail.Describe(c),
                    Version = 1,
                };
                _active[key] = alert;
                changes.Add(alert);
            }
            else if (critical && alert.Severity != AlertKinds.Critical)
            {
                alert = alert with { Severity = AlertKinds.Critical, EscalatedAt = c.CriticalAt, Version = alert.Version + 1 };
                _active[key] = alert;
                changes.Add(alert);
            }

            holding++;
        }

        if (_active.Count > holding)
        {
            Resolve(conditions, now, changes);
        }

        return SetNotice(noticed);
    }

    /// <summary>Resolves the alerts whose cause no longer holds (rare: only when a state ends).</summary>
    private void Resolve(List<RuleCondition> conditions, DateTimeOffset now, List<RaisedAlert> changes)
    {
        _gone.Clear();
        foreach (var key in _active.Keys)
        {
            var holds = false;
            foreach (var c in conditions)
            {
                if (now >= c.RaiseAt && c.Key == key)
                {
                    holds = true;
                    break;
                }
            }

            if (!holds)
            {
                _gone.Add(key);
            }
        }

        foreach (var key in _gone)
        {
            var ended = _active[key];
            _active.Remove(key);
            changes.Add(ended with { ResolvedAt = now < ended.RaisedAt ? ended.RaisedAt : now, Version = ended.Version + 1 });
        }
    }

    private bool SetNotice(RuleCondition? c)
    {
        if (c is not { } n)
        {
            var had = Notice is not null;
            Notice = null;
            return had;
        }

        if (Notice is { } held && held.Since == n.Since && held.Kind == n.Kind && held.LimitSeconds == n.LimitSeconds)
        {
            return false;
        }

        var detail = $"not ready ({n.Reason}) for {RuleDetail.Seconds(n.LimitSeconds * AgentRules.NoticeShare)} of the {RuleDetail.Seconds(n.LimitSeconds)} allowed";
        Notice = new AgentNotice(n.Kind, detail, n.NoticeAt!.Value, n.LimitSeconds, n.Since);
        return true;
    }

    /// <summary>The next moment after <paramref name="now"/> at which one of <paramref name="conditions"/> warns, raises or escalates; null when none will.</summary>
    public static DateTimeOffset? NextDeadline(List<RuleCondition> conditions, DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var c in conditions)
        {
            Consider(c.NoticeAt);
            Consider(c.RaiseAt);
            Consider(c.CriticalAt);
        }

        return next;

        void Consider(DateTimeOffset? at)
        {
            if (at is { } t && t > now && (next is null || t < next))
            {
                next = t;
            }
        }
    }
}
