using FloorWatch.Domain.Time;

namespace FloorWatch.Domain.Floor;

/// <summary>One agent's own view, folded from its ordered facts: state, seat, current call, and time per state per interval.</summary>
public sealed class AgentProjection
{
    // The intervals that hold any time, in the order of their starts: a pair of lists costs about
    // a fifth of what a dictionary entry does, and facts nearly always add to the newest one.
    private readonly List<long> _starts = [];
    private readonly List<AgentInterval> _intervals = [];

    public AgentProjection(string id) => Id = id;

    public string Id { get; }
    public string? Seat { get; private set; }
    public string? Name { get; private set; }
    public IReadOnlyList<string> Queues { get; private set; } = [];
    public AgentPhase Phase { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset Since { get; private set; }
    public DateTimeOffset? LoggedInAt { get; private set; }
    public AgentCallInfo? Call { get; private set; }
    public long MissedOffers { get; private set; }

    /// <summary>When the current call went on hold, while it is held.</summary>
    public DateTimeOffset? HeldSince { get; private set; }

    /// <summary>When the current call got its tags.</summary>
    public DateTimeOffset? TaggedAt { get; private set; }

    /// <summary>Set while this work id is logged in at a second seat.</summary>
    public DuplicateLogin? DuplicateLogin { get; private set; }

    /// <summary>The break approved and not yet over.</summary>
    public ApprovedBreak? ApprovedBreak { get; private set; }

    // The sum of the intervals in [_settledFrom, _settledTo): those of the day views ask for that end
    // before the interval of Since, which only a late fact still changes. So a view adds the newest
    // intervals to it, not the whole day.
    private AgentInterval? _settled;
    private long _settledFrom;
    private long _settledTo;

    // Today's intervals that left memory for the archive, as one sum, [_movedFrom, _movedTo): a view
    // of the day adds it to the intervals still held. Agents' intervals leave by the hour, so without
    // it a view of today would need the files.
    private AgentInterval? _moved;
    private long _movedFrom;
    private long _movedTo;

    private bool _breakTaken;
    private ulong _callHash;

    /// <summary>True when the current call is one of the share drawn for quality review.</summary>
    public bool Sampled(double share) => Call is not null && Rules.QualitySample.Picks(_callHash, share);

    /// <summary>How many intervals hold any time or handled legs.</summary>
    public int IntervalCount => _starts.Count;

    /// <summary>The interval that starts at <paramref name="start"/> (UTC ticks), if it holds anything.</summary>
    public AgentInterval? IntervalStartingAt(long start)
    {
        var k = LowerBound(start);
        return k < _starts.Count && _starts[k] == start ? _intervals[k] : null;
    }

    /// <summary>Adds the intervals that start before <paramref name="ticks"/> to <paramref name="into"/>, in time order.</summary>
    public void IntervalsBefore(long ticks, List<KeyValuePair<long, AgentInterval>> into)
    {
        var n = LowerBound(ticks);
        for (var k = 0; k < n; k++)
        {
            into.Add(new(_starts[k], _intervals[k]));
        }
    }

    /// <summary>
    /// Forgets the intervals that start before <paramref name="ticks"/>, once they are on disk. Those
    /// that start at or after <paramref name="dayStart"/>, the start of the business day in progress,
    /// are kept as one sum that views of the day add (<see cref="Closed"/>); a sum kept for another
    /// day is dropped, as views no longer ask for that day.
    /// </summary>
    public void ForgetIntervalsBefore(long ticks, long dayStart)
    {
        var n = LowerBound(ticks);
        if (_movedFrom != dayStart)
        {
            _moved = null;
            _movedFrom = _movedTo = dayStart;
        }

        for (var k = LowerBound(dayStart); k < n; k++)
        {
            (_moved ??= new AgentInterval()).Add(_intervals[k]);
        }

        _movedTo = Math.Max(_movedTo, ticks);
        _starts.RemoveRange(0, n);
        _intervals.RemoveRange(0, n);
        if (n > 0 && _settledFrom < ticks)
        {
            _settled = null;
        }
    }

    public void Apply(in FloorFact f)
    {
        switch (f.Kind)
        {
            case FactKind.AgentLoggedIn:
                if (Phase != AgentPhase.LoggedOut && Seat is not null && f.Text is not null && Seat != f.Text)
                {
                    DuplicateLogin = new DuplicateLogin(Seat, f.Text, f.Ts);
                }

                Seat = f.Text;
                Name = f.Reason ?? Name;
                LoggedInAt = f.Ts;
                break;
            case FactKind.AgentPhase:
                if (f.Ts > Since && Phase != AgentPhase.LoggedOut)
                {
                    AddTime(Phase, Reason, Since, f.Ts);
                }

                Phase = f.Phase;
                Reason = f.Reason;
                Since = f.Ts > Since ? f.Ts : Since;
                if (f.Phase == AgentPhase.LoggedOut)
                {
                    LoggedInAt = null;
                    DuplicateLogin = null;
                    ApprovedBreak = null;
                }

                TrackBreak();

                break;
            case FactKind.AgentQueues:
                Queues = f.List ?? [];
                break;
            case FactKind.AgentCall:
                Call = f.Call is null ? null : new AgentCallInfo(f.Call, f.Queue, f.Ts, f.Flag, false, f.List ?? []);
                HeldSince = null;
                TaggedAt = f.List is { Count: > 0 } ? f.Ts : null;
                _callHash = f.Call is null ? 0 : Rules.StableHash.Of(f.Call);
                break;
            case FactKind.CallHold:
                if (Call is not null && Call.Call == f.Call)
                {
                    HeldSince = f.Flag ? (Call.Held ? HeldSince : f.Ts) : null;
                    Call = Call with { Held = f.Flag };
                }

                break;
            case FactKind.CallTags:
                if (Call is not null && Call.Call == f.Call)
                {
                    Call = Call with { Tags = f.List ?? [] };
                    TaggedAt = f.Ts;
                }

                break;
            case FactKind.LegHandled:
                var i = IntervalAt(CenterClock.IntervalStartTicks(f.Ts));
                i.Handled++;
                i.HandleTimeSum += f.Seconds;
                break;
            case FactKind.MissedOffer:
                MissedOffers++;
                break;
            case FactKind.BreakApproved:
                ApprovedBreak = new ApprovedBreak(f.Text!, f.Reason!, (int)f.Seconds, f.Ts);
                _breakTaken = false;
                TrackBreak();
                break;
            default:
                break;
        }
    }

    /// <summary>An approved break is taken by the not-ready with its reason, and over when that not-ready ends.</summary>
    private void TrackBreak()
    {
        if (ApprovedBreak is not { } b)
        {
            return;
        }

        var onIt = Phase == AgentPhase.NotReady && Reason == b.Reason;
        if (onIt)
        {
            _breakTaken = true;
        }
        else if (_breakTaken)
        {
            ApprovedBreak = null;
            _breakTaken = false;
        }
    }

    /// <summary>
    /// The agent's sums over the intervals starting in [fromTicks, toTicks), in time order, the open
    /// state counted up to <paramref name="asOf"/>.
    /// </summary>
    public AgentInterval Sum(long fromTicks, long toTicks, DateTimeOffset asOf) => WithOpen(Closed(fromTicks, toTicks), fromTicks, toTicks, asOf);

    /// <summary>
    /// As <see cref="Sum"/>, of the intervals still in memory only: an interval row, which is read
    /// with what the archive holds of it.
    /// </summary>
    public AgentInterval HeldSum(long fromTicks, long toTicks, DateTimeOffset asOf) => WithOpen(HeldClosed(fromTicks, toTicks), fromTicks, toTicks, asOf);

    private AgentInterval WithOpen(AgentInterval sum, long fromTicks, long toTicks, DateTimeOffset asOf)
    {
        if (Phase != AgentPhase.LoggedOut && OpenSeconds(Since, fromTicks, toTicks, asOf) is > 0 and var open)
        {
            sum.AddSeconds(Phase, Reason, open);
        }

        return sum;
    }

    /// <summary>
    /// The seconds of a state open since <paramref name="since"/> that fall in [fromTicks, toTicks)
    /// by <paramref name="asOf"/>; none when it opened later.
    /// </summary>
    public static double OpenSeconds(DateTimeOffset since, long fromTicks, long toTicks, DateTimeOffset asOf)
    {
        var start = Math.Max(since.UtcTicks, fromTicks);
        var end = Math.Min(asOf.UtcTicks, toTicks);
        return end > start ? (end - start) / (double)TimeSpan.TicksPerSecond : 0;
    }

    /// <summary>
    /// The agent's sums over the intervals starting in [fromTicks, toTicks) without the open state:
    /// what <see cref="Sum"/> gives at any time until the agent's next fact. A range that holds
    /// all of today's intervals that left memory (a view of the day) counts them too.
    /// </summary>
    public AgentInterval Closed(long fromTicks, long toTicks)
    {
        var sum = HeldClosed(fromTicks, toTicks);
        if (_moved is not null && fromTicks <= _movedFrom && toTicks >= _movedTo)
        {
            sum.Add(_moved);
        }

        return sum;
    }

    private AgentInterval HeldClosed(long fromTicks, long toTicks)
    {
        var first = fromTicks % CenterClock.IntervalTicks == 0 ? fromTicks : fromTicks - (fromTicks % CenterClock.IntervalTicks) + CenterClock.IntervalTicks;
        var settleTo = Math.Clamp(CenterClock.IntervalStartTicks(Since), first, Math.Max(first, toTicks));
        var sum = new AgentInterval();
        var t = first;
        if (_settled is not null && _settledFrom == first && _settledTo <= settleTo)
        {
            sum.Add(_settled);
            t = _settledTo;
        }

        AddRange(sum, t, settleTo);

        // A view asks for the same day again and again; an interval row asks once.
        if (toTicks - first > CenterClock.IntervalTicks && settleTo > first && (_settled is null || _settledFrom != first || _settledTo != settleTo))
        {
            // Kept and overwritten: a new one per agent per interval lived long enough to die in the collector's oldest generation.
            _settled ??= new AgentInterval();
            _settled.Set(sum);
            _settledFrom = first;
            _settledTo = settleTo;
        }

        AddRange(sum, Math.Max(t, settleTo), toTicks);
        return sum;
    }

    /// <summary>Adds the intervals that start in [from, to).</summary>
    private void AddRange(AgentInterval sum, long from, long to)
    {
        for (var k = LowerBound(from); k < _starts.Count && _starts[k] < to; k++)
        {
            sum.Add(_intervals[k]);
        }
    }

    /// <summary>The index of the first interval that starts at or after <paramref name="start"/>.</summary>
    private int LowerBound(long start)
    {
        var n = _starts.Count;
        if (n == 0 || _starts[n - 1] < start)
        {
            return n;
        }

        if (_starts[n - 1] == start)
        {
            return n - 1;
        }

        var k = _starts.BinarySearch(start);
        return k >= 0 ? k : ~k;
    }

    private AgentInterval IntervalAt(long start)
    {
        if (start >= _settledFrom && start < _settledTo)
        {
            // A late fact changed a settled interval.
            _settled = null;
        }

        // Facts come in time order, so the interval asked for is nearly always the newest.
        var k = LowerBound(start);
        if (k < _starts.Count && _starts[k] == start)
        {
            return _intervals[k];
        }

        var i = new AgentInterval();
        _starts.Insert(k, start);
        _intervals.Insert(k, i);
        return i;
    }

    private void AddTime(AgentPhase phase, string? reason, DateTimeOffset from, DateTimeOffset to)
    {
        var t = from.UtcTicks;
        var endTicks = to.UtcTicks;
        while (t < endTicks)
        {
            var start = t - (t % CenterClock.IntervalTicks);
            var end = Math.Min(endTicks, start + CenterClock.IntervalTicks);
            IntervalAt(start).AddSeconds(phase, reason, (end - t) / (double)TimeSpan.TicksPerSecond);
            t = end;
        }
    }
}
