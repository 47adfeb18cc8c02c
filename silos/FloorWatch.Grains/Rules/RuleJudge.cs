using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Rules;

namespace FloorWatch.Grains.Rules;

/// <summary>
/// What an agent or queue grain does with its rules: judge the causes at a moment, keep the next
/// deadline, and run one grain timer to it while the center is live (no polling).
/// </summary>
public sealed class RuleJudge(Action<List<RuleCondition>, DateTimeOffset> conditions)
{
    private readonly AlertTracker _tracker = new();
    private readonly List<RuleCondition> _conditions = [];
    private readonly List<RaisedAlert> _changes = [];
    private DateTimeOffset? _next;

    public AgentNotice? Notice => _tracker.Notice;

    /// <summary>The alerts changed since <see cref="Clear"/>.</summary>
    public List<RaisedAlert> Changes => _changes;

    public bool NoticeChanged { get; private set; }

    /// <summary>Judges at <paramref name="at"/> if a deadline has passed by then.</summary>
    public void CatchUp(DateTimeOffset at)
    {
        if (_next is { } next && next <= at)
        {
            Judge(at);
        }
    }

    public void Judge(DateTimeOffset at)
    {
        conditions(_conditions, at);
        NoticeChanged |= _tracker.Update(_conditions, at, _changes);
        _next = AlertTracker.NextDeadline(_conditions, at);
    }

    public DateTimeOffset? Next => _next;

    /// <summary>True while some alert of this grain is open.</summary>
    public bool HasActive => _tracker.Active.Count > 0;

    public void Clear()
    {
        _changes.Clear();
        NoticeChanged = false;
    }

    /// <summary>The moment rules are judged at: the feed's clock, run on by the wall clock since it last moved once the center is live.</summary>
    public static DateTimeOffset Now(RuleContext context, TimeProvider time)
    {
        if (!context.Live)
        {
            return context.FeedNow;
        }

        var since = time.GetUtcNow() - context.FeedNowAt;
        return since > TimeSpan.Zero ? context.FeedNow + since : context.FeedNow;
    }

    /// <summary>How long from now, on the wall clock, until the feed's clock reaches <paramref name="deadline"/>.</summary>
    public static TimeSpan Until(DateTimeOffset deadline, RuleContext context, TimeProvider time)
    {
        var due = deadline - Now(context, time);
        return due > TimeSpan.Zero ? due : TimeSpan.Zero;
    }
}
