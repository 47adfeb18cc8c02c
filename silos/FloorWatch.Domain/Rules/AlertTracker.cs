namespace FloorWatch.Domain.Rules;

/// <summary>
/// Turns the causes that hold at a moment into alerts: raised once when a cause passes its limit,
/// escalated once when it passes the critical limit, resolved when the cause is gone. Pure and
/// driven by the time it is given, so the same facts at the same times give the same alerts.
/// </summary>
public sealed class AlertTracker
{
    private readonly Dictionary<string, RaisedAlert> _active = new(StringComparer.Ordinal);
    private readonly HashSet<string> _holding = new(StringComparer.Ordinal);

    public IReadOnlyCollection<RaisedAlert> Active => _active.Values;

    /// <summary>The agent's own early warning, while one holds.</summary>
    public AgentNotice? Notice { get; private set; }

    /// <summary>Brings the alerts in line with <paramref name="conditions"/> at <paramref name="now"/>; what changed is added to <paramref name="changes"/>. True when the notice changed.</summary>
    public bool Update(IReadOnlyList<RuleCondition> conditions, DateTimeOffset now, List<RaisedAlert> changes)
    {
        _holding.Clear();
        AgentNotice? notice = null;
        foreach (var c in conditions)
        {
            var key = c.Key;
            _holding.Add(key);
            if (c.NoticeAt is { } noticeAt && noticeAt <= now && notice is null)
            {
                notice = new AgentNotice(c.Kind, c.Detail, noticeAt, c.LimitSeconds, c.Since);
            }

            if (now < c.RaiseAt)
            {
                continue;
            }

            var critical = c.Critical || (c.CriticalAt is { } at && at <= now);
            if (!_active.TryGetValue(key, out var alert))
            {
                alert = new RaisedAlert
                {
                    Key = key,
                    Kind = c.Kind,
                    Severity = critical ? AlertKinds.Critical : AlertKinds.Warning,
                    Agent = c.Agent,
                    Queue = c.Queue,
                    Call = c.Call,
                    RaisedAt = c.RaiseAt,
                    EscalatedAt = critical && !c.Critical ? c.CriticalAt : null,
                    Detail = c.Detail,
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
        }

        if (_active.Count > _holding.Count || _active.Keys.Any(k => !_holding.Contains(k)))
        {
            foreach (var key in _active.Keys.Where(k => !_holding.Contains(k)).ToList())
            {
                var ended = _active[key];
                _active.Remove(key);
                changes.Add(ended with { ResolvedAt = now < ended.RaisedAt ? ended.RaisedAt : now, Version = ended.Version + 1 });
            }
        }

        var noticeChanged = notice != Notice;
        Notice = notice;
        return noticeChanged;
    }

    /// <summary>The next moment after <paramref name="now"/> at which one of <paramref name="conditions"/> warns, raises or escalates; null when none will.</summary>
    public static DateTimeOffset? NextDeadline(IReadOnlyList<RuleCondition> conditions, DateTimeOffset now)
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
