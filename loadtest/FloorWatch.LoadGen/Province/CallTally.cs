using FloorWatch.Simulator;

namespace FloorWatch.LoadGen.Province;

/// <summary>
/// The generator's own count of what it sent, per queue, as the contract counts it (section 2):
/// <c>offered</c> = entries into the queue (<c>call.queued</c>, or <c>call.transferred</c> to it),
/// <c>answered</c> and <c>abandoned</c> while waiting there; each in the window of its own event's ts,
/// so the facts keep their time and are summed per business day once the feed's times are known.
/// </summary>
internal sealed class CallTally
{
    private readonly Dictionary<string, int> _queueIndex = new(StringComparer.Ordinal);
    private readonly List<string> _queues = [];
    private readonly Dictionary<string, int> _waitingIn = new(StringComparer.Ordinal);
    private readonly List<Fact> _facts = [];

    private enum Figure : byte
    {
        Offered,
        Answered,
        Abandoned,
    }

    /// <summary>One counted event: which of the feed, when (milliseconds into the feed), in which queue, what.</summary>
    private readonly record struct Fact(int Index, int RelMs, int Queue, Figure Figure);

    /// <summary>Folds event <paramref name="index"/> of the feed, <paramref name="relMs"/> into it, in feed order.</summary>
    public void Add(SwitchEvent e, int index, int relMs)
    {
        if (e.Call is not { } call)
        {
            return;
        }

        switch (e.Type)
        {
            case EventTypes.CallQueued when e.Queue is { } queue:
                var q = IndexOf(queue);
                if (!_waitingIn.TryGetValue(call, out var current) || current != q)
                {
                    _facts.Add(new Fact(index, relMs, q, Figure.Offered));
                    _waitingIn[call] = q;
                }

                break;
            case EventTypes.CallTransferred:
                if (e.Queue is { } to)
                {
                    var t = IndexOf(to);
                    _facts.Add(new Fact(index, relMs, t, Figure.Offered));
                    _waitingIn[call] = t;
                }

                break;
            case EventTypes.CallAnswered:
                if (_waitingIn.Remove(call, out var answeredIn))
                {
                    _facts.Add(new Fact(index, relMs, answeredIn, Figure.Answered));
                }

                break;

            // A call.ended for a call still waiting counts as an abandon (the server's README); the model sends none.
            case EventTypes.CallAbandoned or EventTypes.CallEnded:
                if (_waitingIn.Remove(call, out var abandonedIn))
                {
                    _facts.Add(new Fact(index, relMs, abandonedIn, Figure.Abandoned));
                }

                break;
            case EventTypes.CallOverflowed:
                _waitingIn.Remove(call);
                break;
        }
    }

    /// <summary>
    /// The counts of the first <paramref name="events"/> events of the feed (those the server took) per
    /// (business day, queue), the day of each given by <paramref name="dayOf"/> from its time in the feed.
    /// </summary>
    public Dictionary<(DateOnly Day, string Queue), QueueCounts> ByDay(long events, Func<int, DateOnly> dayOf)
    {
        var counts = new Dictionary<(DateOnly, string), QueueCounts>();
        foreach (var f in _facts)
        {
            if (f.Index >= events)
            {
                break;
            }

            var key = (dayOf(f.RelMs), _queues[f.Queue]);
            var one = f.Figure switch
            {
                Figure.Offered => new QueueCounts(1, 0, 0),
                Figure.Answered => new QueueCounts(0, 1, 0),
                _ => new QueueCounts(0, 0, 1),
            };
            counts[key] = counts.GetValueOrDefault(key) + one;
        }

        return counts;
    }

    /// <summary>Every queue the feed named in a counted event.</summary>
    public IReadOnlyList<string> Queues => _queues;

    private int IndexOf(string queue)
    {
        if (!_queueIndex.TryGetValue(queue, out var i))
        {
            i = _queues.Count;
            _queues.Add(queue);
            _queueIndex[queue] = i;
        }

        return i;
    }
}
