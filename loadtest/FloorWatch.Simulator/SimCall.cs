namespace FloorWatch.Simulator;

/// <summary>One simulated call: waiting in a queue (perhaps ringing an agent) or connected to an agent.</summary>
internal sealed class SimCall(string id, long order, QueueProfile queue, bool vip, int priority)
{
    public string Id { get; } = id;

    /// <summary>Creation order: the last tie-break of queue position, so routing never depends on hash order.</summary>
    public long Order { get; } = order;

    public QueueProfile Queue { get; set; } = queue;

    /// <summary>Entry into the current queue (arrival, or a transfer to it): the wait that routing ranks by.</summary>
    public DateTimeOffset EnteredAt { get; set; }

    public bool Vip { get; } = vip;
    public int Priority { get; } = priority;

    public bool Waiting { get; set; } = true;
    public SimAgent? RingingAgent { get; set; }

    /// <summary>Handed on once already: a call is transferred at most once.</summary>
    public bool Transferred { get; set; }

    /// <summary>The planned answer or ring-no-answer of the agent ringing now.</summary>
    public Calendar.Planned? RingTimer { get; set; }

    /// <summary>The planned steps of the call's current phase (patience or overflow while waiting; hold, tags and the end while connected).</summary>
    public List<Calendar.Planned> Timers { get; } = [];

    public void CancelTimers()
    {
        RingTimer?.Cancel();
        RingTimer = null;
        Timers.ForEach(t => t.Cancel());
        Timers.Clear();
    }
}
