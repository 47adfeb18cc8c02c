using FloorWatch.Domain.Figures;
using FloorWatch.Domain.Settings;

namespace FloorWatch.Domain.Floor;

/// <summary>
/// One queue's figures, folded from its ordered facts: waiting calls, members' states, and the
/// 15-minute counters. The center's own figures use the same fold over every queue's call facts
/// and every agent once.
/// </summary>
public sealed class QueueProjection
{
    private readonly WindowedCounters _windows = new();
    private readonly Dictionary<string, MemberState> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WaitingCall> _waiting = new(StringComparer.Ordinal);

    // The rules ask after every fact how many members are away for given reasons; counting them kept
    // that from walking every member each time.
    private readonly Dictionary<string, int> _notReadyByReason = new(StringComparer.Ordinal);

    public QueueProjection(string id) => Id = id;

    public string Id { get; }

    /// <summary>Count of negative durations met (a state that ends before it started).</summary>
    public long NegativeDurations { get; private set; }

    public WindowedCounters Windows => _windows;

    private readonly record struct MemberState(AgentPhase Phase, string? Reason, DateTimeOffset Since);

    public void Apply(in FloorFact f)
    {
        switch (f.Kind)
        {
            case FactKind.CallOffered:
                _windows.At(f.Ts).Offered++;
                _waiting[f.Call!] = new WaitingCall
                {
                    Call = f.Call!, Queue = f.Queue ?? Id, EnteredAt = f.Ts, Vip = f.Flag, Priority = f.Priority, Caller = f.Text, Tags = f.List ?? [],
                };
                break;
            case FactKind.CallAnswered:
                var answered = _windows.At(f.Ts);
                answered.Answered++;
                answered.AnsweredWaitSum += f.Seconds;
                answered.AnsweredWithinThreshold += f.Flag ? 1 : 0;
                _waiting.Remove(f.Call!);
                break;
            case FactKind.CallAbandoned:
                var abandoned = _windows.At(f.Ts);
                abandoned.Abandoned++;
                abandoned.ShortAbandoned += f.Flag ? 1 : 0;
                _waiting.Remove(f.Call!);
                break;
            case FactKind.CallOverflowed:
                _windows.At(f.Ts).Overflowed++;
                _waiting.Remove(f.Call!);
                break;
            case FactKind.CallTransferredOut:
                _windows.At(f.Ts).TransferredOut++;
                _waiting.Remove(f.Call!);
                break;
            case FactKind.CallRinging:
                if (_waiting.TryGetValue(f.Call!, out var ringing))
                {
                    _waiting[f.Call!] = ringing with { RingingAgent = f.Agent };
                }

                break;
            case FactKind.CallTags:
                if (_waiting.TryGetValue(f.Call!, out var tagged))
                {
                    _waiting[f.Call!] = tagged with { Tags = f.List ?? [] };
                }

                break;
            case FactKind.LegHandled:
                var handled = _windows.At(f.Ts);
                handled.Handled++;
                handled.HandleTimeSum += f.Seconds;
                break;
            case FactKind.MemberPhase:
                Member(f);
                break;
            default:
                break;
        }
    }

    private void Member(in FloorFact f)
    {
        var agent = f.Agent!;
        if (_members.TryGetValue(agent, out var m))
        {
            CountNotReady(m, -1);
            if (f.Ts < m.Since)
            {
                NegativeDurations++;
            }
            else if (m.Phase.IsBusy() || m.Phase == AgentPhase.Available)
            {
                _windows.AddTime(m.Since, f.Ts, m.Phase.IsBusy());
            }
        }

        if (f.Phase == AgentPhase.LoggedOut)
        {
            _members.Remove(agent);
        }
        else
        {
            // A state that ended "before it started" restarts at its own later start, never earlier.
            var since = m.Phase != AgentPhase.LoggedOut && f.Ts < m.Since ? m.Since : f.Ts;
            _members[agent] = m = new MemberState(f.Phase, f.Reason, since);
            CountNotReady(m, +1);
        }
    }

    private void CountNotReady(MemberState m, int by)
    {
        if (m.Phase == AgentPhase.NotReady && m.Reason is { } reason)
        {
            var n = _notReadyByReason.GetValueOrDefault(reason) + by;
            if (n == 0)
            {
                _notReadyByReason.Remove(reason);
            }
            else
            {
                _notReadyByReason[reason] = n;
            }
        }
    }

    /// <summary>
    /// Figures of the intervals starting in [fromTicks, toTicks), with open states counted up to
    /// <paramref name="asOf"/>, and with <paramref name="archived"/>: what was moved to disk of them.
    /// </summary>
    public WindowFigures Figures(long fromTicks, long toTicks, DateTimeOffset asOf, SlFormula formula, IntervalCounters? archived = null)
    {
        var sum = _windows.Sum(fromTicks, toTicks);
        if (archived is not null)
        {
            sum.Add(archived);
        }

        foreach (var m in _members.Values)
        {
            if (m.Phase.IsBusy() || m.Phase == AgentPhase.Available)
            {
                WindowedCounters.AddClippedTime(sum, m.Since.UtcTicks, asOf.UtcTicks, fromTicks, toTicks, m.Phase.IsBusy());
            }
        }

        return FigureCalculator.Compute(sum, formula);
    }

    /// <summary>Members now, counted as staffed.</summary>
    public int Staffed => _members.Count;

    /// <summary>Members not ready for one of <paramref name="reasons"/>, counted without building the "now" figures.</summary>
    public int NotReadyFor(IReadOnlyList<string> reasons)
    {
        var n = 0;

        // By index: a foreach over the interface would allocate an enumerator.
        for (var i = 0; i < reasons.Count; i++)
        {
            if (!Named(reasons, reasons[i], before: i))
            {
                n += _notReadyByReason.GetValueOrDefault(reasons[i]);
            }
        }

        return n;
    }

    // A reason listed twice counts its members once.
    private static bool Named(IReadOnlyList<string> reasons, string reason, int before)
    {
        for (var j = 0; j < before; j++)
        {
            if (string.Equals(reasons[j], reason, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The call counters of the interval holding <paramref name="at"/>; null before its first call.</summary>
    public IntervalCounters? CountersAt(DateTimeOffset at) =>
        _windows.Intervals.TryGetValue(Time.CenterClock.IntervalStartTicks(at), out var c) ? c : null;

    public QueueNow Now(DateTimeOffset asOf)
    {
        int available = 0, ringing = 0, onCall = 0, wrapUp = 0, notReady = 0;
        var byReason = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in _members.Values)
        {
            switch (m.Phase)
            {
                case AgentPhase.Available: available++; break;
                case AgentPhase.Ringing: ringing++; break;
                case AgentPhase.OnCall: onCall++; break;
                case AgentPhase.WrapUp: wrapUp++; break;
                case AgentPhase.NotReady:
                    notReady++;
                    var reason = m.Reason ?? "notready";
                    byReason[reason] = byReason.GetValueOrDefault(reason) + 1;
                    break;
                default: break;
            }
        }

        var longest = 0.0;
        foreach (var w in _waiting.Values)
        {
            longest = Math.Max(longest, (asOf - w.EnteredAt).TotalSeconds);
        }

        return new QueueNow
        {
            Waiting = _waiting.Count,
            LongestWaitSeconds = longest,
            Staffed = _members.Count,
            Available = available,
            Ringing = ringing,
            OnCall = onCall,
            WrapUp = wrapUp,
            NotReady = notReady,
            NotReadyByReason = byReason,
        };
    }

    /// <summary>The waiting calls in queue order: higher priority first, then VIP, then longest waiting.</summary>
    public IReadOnlyList<WaitingCall> WaitingCalls()
    {
        var ordered = _waiting.Values
            .OrderByDescending(w => w.Priority)
            .ThenByDescending(w => w.Vip)
            .ThenBy(w => w.EnteredAt)
            .ThenBy(w => w.Call, StringComparer.Ordinal)
            .ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i] = ordered[i] with { Position = i + 1 };
        }

        return ordered;
    }
}
