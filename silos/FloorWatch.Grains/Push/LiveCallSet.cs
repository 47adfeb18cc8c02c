using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Floor;

namespace FloorWatch.Grains.Push;

/// <summary>
/// The live calls of a center as last sent, so a delta carries only the calls that started,
/// changed or ended. Queues report their waiting calls, agents their connected call; a connected
/// call wins over a waiting entry of the same id.
/// </summary>
/// <remarks>
/// A center has thousands of live calls and pushes every 100 ms, so a diff looks only at the calls
/// touched since the last one (in a queue's old or new list, an agent's old or new call, monitored or
/// no longer monitored), each found through an index of where it is listed.
/// Where one call is listed more than once (a transfer, a view not yet refreshed): a connected entry wins
/// over a waiting one; among agents, the one whose current stretch of being connected (to any call)
/// began last; among queues, the one first reported last; within one queue's list, the later entry.
/// That is the order in which a full rebuild of all calls met them, as long as no agent cleared its call;
/// after that, the rebuild's order was the dictionary's reuse of freed slots.
/// </remarks>
internal sealed class LiveCallSet
{
    private readonly Dictionary<string, WaitingList> _waitingByQueue = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Listing> _connectedByAgent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Place> _places = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LiveCall> _sent = new(StringComparer.Ordinal);
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _monitors = new(StringComparer.Ordinal);
    private long _arrivals;

    /// <summary>
    /// Notes that <paramref name="by"/> monitors a live call; answers the agent whose view carries it
    /// connected, or null when it is not connected yet as last seen here (the switch may have answered
    /// it a moment before this center heard so). Of two agents carrying it, the one whose entry is shown.
    /// </summary>
    public string? Monitor(string call, string by)
    {
        if (!_monitors.TryGetValue(call, out var users))
        {
            _monitors[call] = users = new SortedSet<string>(StringComparer.Ordinal);
        }

        if (users.Add(by))
        {
            _touched.Add(call);
        }

        return _places.TryGetValue(call, out var place) ? Latest(in place.Connected)?.By : null;
    }

    /// <summary>The call with who monitors it.</summary>
    public LiveCall WithMonitors(LiveCall call) =>
        _monitors.TryGetValue(call.Call, out var users) ? call with { MonitoredBy = [.. users] } : call;

    public void SetQueue(QueueView queue)
    {
        long rank;
        if (_waitingByQueue.TryGetValue(queue.Id, out var before))
        {
            rank = before.Rank;
            foreach (var c in before.Calls)
            {
                Unlist(c.Call, connected: false, queue.Id);
            }
        }
        else
        {
            rank = ++_arrivals;
        }

        var calls = queue.WaitingCalls.Select(LiveCalls.Waiting).ToArray();
        _waitingByQueue[queue.Id] = new WaitingList(rank, calls);
        foreach (var c in calls)
        {
            List(new Listing(rank, queue.Id, c), connected: false);
        }
    }

    public void SetAgent(AgentView agent)
    {
        var had = _connectedByAgent.TryGetValue(agent.Id, out var before);
        if (had && agent.Call is { } still && SameCall(before.Call, still))
        {
            // Most changes of a connected agent leave its call as it was: nothing to list again.
            return;
        }

        if (had)
        {
            Unlist(before.Call.Call, connected: true, agent.Id);
        }

        if (agent.Call is { } call)
        {
            // An agent that stays connected keeps its rank when its call changes.
            var listing = new Listing(had ? before.Rank : ++_arrivals, agent.Id, LiveCalls.Connected(agent.Id, call));
            _connectedByAgent[agent.Id] = listing;
            List(listing, connected: true);
        }
        else if (had)
        {
            _connectedByAgent.Remove(agent.Id);
        }
    }

    /// <summary>
    /// The calls that are new or differ from what was last sent, and the ids that are gone; then this becomes what was sent.
    /// <paramref name="isLive"/> says which calls have not ended. Both lists are in ordinal order of call id.
    /// </summary>
    public (List<LiveCall> Changed, List<string> Ended) Diff(Func<string, bool> isLive)
    {
        // Monitoring ends with its call, and the call goes out again without it. Few calls are
        // monitored, and whether a call is live is not told here, so all of them are asked.
        if (_monitors.Count > 0)
        {
            foreach (var call in _monitors.Keys.Where(id => !isLive(id)).ToList())
            {
                _monitors.Remove(call);
                _touched.Add(call);
            }
        }

        var changed = new List<LiveCall>();
        var ended = new List<string>();
        foreach (var id in _touched)
        {
            if (Present(id) is { } now)
            {
                if (!_sent.TryGetValue(id, out var before) || !Same(before, now))
                {
                    changed.Add(now);
                }

                _sent[id] = now;
            }
            else
            {
                _places.Remove(id);
                if (_sent.Remove(id))
                {
                    ended.Add(id);
                }
            }
        }

        _touched.Clear();
        changed.Sort(static (a, b) => string.CompareOrdinal(a.Call, b.Call));
        ended.Sort(StringComparer.Ordinal);
        return (changed, ended);
    }

    /// <summary>The call as a full rebuild would show it now, or null when nothing lists it.</summary>
    private LiveCall? Present(string call)
    {
        if (!_places.TryGetValue(call, out var place))
        {
            return null;
        }

        if (Latest(in place.Connected) is { } connected)
        {
            return WithMonitors(connected.Call);
        }

        return Latest(in place.Waiting)?.Call;
    }

    private void List(Listing listing, bool connected)
    {
        var call = listing.Call.Call;
        if (!_places.TryGetValue(call, out var place))
        {
            _places[call] = place = new Place();
        }

        ref var listings = ref connected ? ref place.Connected : ref place.Waiting;
        var at = IndexOf(in listings, listing.By);
        if (at >= 0)
        {
            // The same call twice in one queue's list: the later entry wins.
            listings[at] = listing;
        }
        else
        {
            listings.Add(listing);
        }

        _touched.Add(call);
    }

    // An emptied place stays until the diff, which removes it: a call leaving one list often comes back in the next.
    private void Unlist(string call, bool connected, string by)
    {
        if (_places.TryGetValue(call, out var place))
        {
            ref var listings = ref connected ? ref place.Connected : ref place.Waiting;
            var at = IndexOf(in listings, by);
            if (at >= 0)
            {
                listings.RemoveAt(at);
            }
        }

        _touched.Add(call);
    }

    private static int IndexOf(in Listings listings, string by)
    {
        for (var i = 0; i < listings.Count; i++)
        {
            if (listings[i].By == by)
            {
                return i;
            }
        }

        return -1;
    }

    private static Listing? Latest(in Listings listings)
    {
        if (listings.Count == 0)
        {
            return null;
        }

        var latest = listings[0];
        for (var i = 1; i < listings.Count; i++)
        {
            if (listings[i].Rank > latest.Rank)
            {
                latest = listings[i];
            }
        }

        return latest;
    }

    /// <summary>True when <paramref name="listed"/> is what <see cref="LiveCalls.Connected"/> makes of <paramref name="call"/>.</summary>
    private static bool SameCall(LiveCall listed, AgentCallInfo call) =>
        listed.Call == call.Call && listed.Queue == call.Queue && listed.Since.EqualsExact(call.Since) && listed.Held == call.Held
        && listed.Vip == call.Vip && (ReferenceEquals(listed.Tags, call.Tags) || listed.Tags.SequenceEqual(call.Tags));

    // Times are left out: a viewer ticks them from Since.
    private static bool Same(LiveCall a, LiveCall b) =>
        a.Queue == b.Queue && a.Position == b.Position && a.Agent == b.Agent && a.Held == b.Held
        && a.Vip == b.Vip && a.Since == b.Since && a.Tags.SequenceEqual(b.Tags) && a.MonitoredBy.SequenceEqual(b.MonitoredBy);

    /// <summary>A queue's waiting calls, with the rank of the queue's first report.</summary>
    private readonly record struct WaitingList(long Rank, LiveCall[] Calls);

    /// <summary>One queue's or agent's entry of a call; the higher rank wins.</summary>
    private readonly record struct Listing(long Rank, string By, LiveCall Call);

    /// <summary>Where one call is listed: waiting in queues, connected at agents (mostly one entry in all).</summary>
    private sealed class Place
    {
        public Listings Waiting;
        public Listings Connected;
    }

    /// <summary>
    /// A call's entries of one kind, in the order listed. Mostly there is one, held inline: a call
    /// lives for seconds to minutes, long enough to reach the collector's oldest generation, and two
    /// lists with their arrays per call were much of what died there.
    /// </summary>
    private struct Listings
    {
        private Listing _first;
        private Listing[]? _more;

        public int Count { get; private set; }

        public Listing this[int i]
        {
            readonly get => i == 0 ? _first : _more![i - 1];
            set
            {
                if (i == 0)
                {
                    _first = value;
                }
                else
                {
                    _more![i - 1] = value;
                }
            }
        }

        public void Add(Listing listing)
        {
            if (Count > 0)
            {
                _more ??= new Listing[2];
                if (Count > _more.Length)
                {
                    Array.Resize(ref _more, _more.Length * 2);
                }
            }

            Count++;
            this[Count - 1] = listing;
        }

        public void RemoveAt(int at)
        {
            for (var i = at; i < Count - 1; i++)
            {
                this[i] = this[i + 1];
            }

            Count--;
            this[Count] = default;
        }
    }
}
