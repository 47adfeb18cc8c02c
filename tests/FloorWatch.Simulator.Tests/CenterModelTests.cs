namespace FloorWatch.Simulator.Tests;

/// <summary>Two simulated hours, judged by the contract's parser and sequencer and by a stricter state checker.</summary>
public class CenterModelTests(TwoHourRun run) : IClassFixture<TwoHourRun>
{
    private static readonly DateTimeOffset End = Simulation.Start + TwoHourRun.Length;

    [Fact]
    public void Every_line_parses_and_folds_without_an_anomaly()
    {
        Assert.True(run.Events.Count > 5000, $"only {run.Events.Count} events");
        Assert.Empty(run.Fold.ParseErrors);
        Assert.Equal(run.Events.Count, run.Fold.Parsed.Count);
        Assert.Equal(0, run.Fold.Sequencer.Anomalies.Count);
        Assert.Equal(0, run.Fold.Center.NegativeDurations);
    }

    [Fact]
    public void No_event_makes_no_sense_for_the_state_it_meets()
    {
        // Also covers: ids unique, time never runs backwards, calls in a valid order (queued first, nothing after the end).
        Assert.Empty(run.Checker.Violations);
    }

    [Fact]
    public void Event_ids_are_unique_and_carry_the_run_id()
    {
        Assert.Equal(run.Events.Count, run.Events.Select(e => e.Id).Distinct().Count());
        Assert.All(run.Events, e => Assert.StartsWith("t1-", e.Id, StringComparison.Ordinal));
        Assert.All(run.Events.Where(e => e.Call is not null), e => Assert.StartsWith("t1-c", e.Call, StringComparison.Ordinal));
    }

    [Fact]
    public void Times_are_the_fake_clock_s_from_start_to_end_with_an_offset()
    {
        Assert.Equal(Simulation.Start, run.Events[0].Ts);
        Assert.All(run.Events, e => Assert.InRange(e.Ts, Simulation.Start, End));
        var ts = run.Fold.Parsed.Select(e => e.Ts).ToList();
        Assert.Equal(run.Events.Select(e => e.Ts), ts);
    }

    [Fact]
    public void Calls_offered_answered_and_abandoned_are_plausible_for_900_an_hour()
    {
        var f = run.Fold.CenterFigures(Simulation.Start, End);

        // 1,800 arrivals in two hours, plus the transfers that enter a second queue.
        Assert.InRange(f.Offered, 1650, 2100);
        Assert.InRange((double)f.Answered / f.Offered, 0.88, 0.99);
        Assert.InRange((double)f.Abandoned / f.Offered, 0.01, 0.08);
        Assert.InRange(f.ShortAbandoned, 1, f.Abandoned - 1);
        Assert.InRange(f.Overflowed, 1, 60);
        Assert.InRange(f.ServiceLevel!.Value, 0.65, 0.97);
        Assert.InRange(f.AsaSeconds!.Value, 2, 30);
        Assert.InRange(f.AhtSeconds!.Value, 110, 190);
        Assert.InRange(f.Occupancy!.Value, 0.7, 0.95);
    }

    [Fact]
    public void The_floor_shows_every_state_and_every_reason()
    {
        Assert.Equal(Enum.GetValues<StreamChecker.Phase>().ToHashSet(), run.Checker.PhasesSeen);
        string[] reasons = ["login", "away", "restroom", "break", "lunch", "meeting", "training", "coaching", "rona"];
        Assert.Superset(reasons.ToHashSet(), run.Checker.NotReadyReasons);
        Assert.Contains("personal", run.Checker.LogoutReasons);
        string[] types =
        [
            "agent.login", "agent.ready", "agent.notready", "agent.logout", "call.queued", "call.ringing", "call.ringnoanswer",
            "call.answered", "call.held", "call.retrieved", "call.ended", "call.abandoned", "call.overflowed", "call.transferred",
            "call.tagged", "switch.heartbeat",
        ];
        Assert.Superset(types.ToHashSet(), run.Checker.Types.Keys.ToHashSet());
    }

    [Fact]
    public void Transfers_go_both_to_queues_and_to_agents_and_about_four_percent_of_answers_are_transferred()
    {
        var transfers = run.Events.Where(e => e.Type == EventTypes.CallTransferred).ToList();
        Assert.Contains(transfers, e => e.Queue is not null);
        Assert.Contains(transfers, e => e.Agent is not null);
        var answered = run.Events.Count(e => e.Type == EventTypes.CallAnswered);
        Assert.InRange((double)transfers.Count / answered, 0.02, 0.06);
    }

    [Fact]
    public void Rings_last_two_to_six_seconds_and_about_one_in_twenty_goes_unanswered()
    {
        var rings = new Dictionary<(string, string), DateTimeOffset>();
        var ringNoAnswers = 0;
        foreach (var e in run.Events)
        {
            switch (e.Type)
            {
                case EventTypes.CallRinging:
                    rings[(e.Call!, e.Agent!)] = e.Ts;
                    break;
                case EventTypes.CallAnswered:
                    Assert.InRange((e.Ts - rings[(e.Call!, e.Agent!)]).TotalSeconds, 2, 6);
                    break;
                case EventTypes.CallRingNoAnswer:
                    Assert.Equal(12, (e.Ts - rings[(e.Call!, e.Agent!)]).TotalSeconds);
                    ringNoAnswers++;
                    break;
            }
        }

        Assert.InRange((double)ringNoAnswers / rings.Count, 0.03, 0.08);
    }

    [Fact]
    public void After_a_ring_no_answer_the_agent_is_not_ready_for_rona_then_ready_again()
    {
        var ronas = run.Events.Where(e => e.Type == EventTypes.CallRingNoAnswer).ToList();
        Assert.NotEmpty(ronas);
        foreach (var r in ronas)
        {
            var next = run.Events.Where(e => e.Agent == r.Agent && e.Ts >= r.Ts && e.Type.StartsWith("agent.", StringComparison.Ordinal)).Take(2).ToList();
            Assert.Equal(EventTypes.AgentNotReady, next[0].Type);
            Assert.Equal("rona", next[0].Reason);
            Assert.Equal(r.Ts, next[0].Ts);
            if (next.Count == 2)
            {
                Assert.InRange((next[1].Ts - r.Ts).TotalSeconds, 20, 60);
            }
        }
    }

    [Fact]
    public void Agents_log_in_over_the_first_half_minute_with_a_seat_a_name_and_one_to_three_queues()
    {
        var logins = run.Events.Where(e => e.Type == EventTypes.AgentLogin).GroupBy(e => e.Agent!).Select(g => g.First()).ToList();
        Assert.Equal(48, logins.Count);
        Assert.All(logins, l => Assert.InRange(l.Ts, Simulation.Start, Simulation.Start.AddSeconds(30)));
        Assert.True(logins.Max(l => l.Ts) - logins.Min(l => l.Ts) > TimeSpan.FromSeconds(20), "logins should be spread, not all at once");
        Assert.All(logins, l =>
        {
            Assert.False(string.IsNullOrWhiteSpace(l.Seat));
            Assert.False(string.IsNullOrWhiteSpace(l.Name));
            Assert.InRange(l.Queues!.Count, 1, 3);
        });
        Assert.Equal(48, logins.Select(l => l.Seat).Distinct().Count());

        // Every queue is staffed by someone.
        Assert.Superset(QueueProfile.Defaults.Select(q => q.Id).ToHashSet(), logins.SelectMany(l => l.Queues!).ToHashSet());
    }

    [Fact]
    public void Away_spells_last_one_to_six_minutes_so_some_break_the_five_minute_rule_and_breaks_ten_to_seventeen()
    {
        var spells = NotReadySpells();
        var away = spells.Where(s => s.Reason == "away").Select(s => s.Seconds).ToList();
        var breaks = spells.Where(s => s.Reason == "break").Select(s => s.Seconds).ToList();
        Assert.Contains(away, s => s > 300);
        Assert.Contains(away, s => s < 300);
        Assert.All(away, s => Assert.InRange(s, 60, 360));
        Assert.NotEmpty(breaks);
        Assert.All(breaks, s => Assert.InRange(s, 600, 1020));
    }

    [Fact]
    public void Callers_give_up_before_the_overflow_and_overflow_comes_at_the_queue_s_limit_or_the_callback_offer()
    {
        var entry = new Dictionary<string, (DateTimeOffset Ts, string Queue)>();
        var waits = new List<double>();
        var overflows = new List<string>();
        foreach (var e in run.Events)
        {
            if (e.Type == EventTypes.CallQueued || (e.Type == EventTypes.CallTransferred && e.Queue is not null))
            {
                entry[e.Call!] = (e.Ts, e.Queue!);
            }
            else if (e.Type == EventTypes.CallAbandoned)
            {
                var (ts, queue) = entry[e.Call!];
                waits.Add((e.Ts - ts).TotalSeconds);
                Assert.True(waits[^1] < QueueProfile.ForId(queue).MaxWaitSeconds);
            }
            else if (e.Type == EventTypes.CallOverflowed)
            {
                var (ts, queue) = entry[e.Call!];
                var limit = e.Reason == "callback" ? 60 : QueueProfile.ForId(queue).MaxWaitSeconds;
                Assert.Equal(limit, (e.Ts - ts).TotalSeconds);
                overflows.Add(e.Reason!);
            }
        }

        Assert.Contains(waits, w => w < 5);
        Assert.Contains(waits, w => w > 30);
        Assert.Contains("callback", overflows);
    }

    [Fact]
    public void Higher_priority_calls_wait_less_than_the_others_of_their_queue()
    {
        var queued = run.Events.Where(e => e.Type == EventTypes.CallQueued).ToDictionary(e => e.Call!);
        var waits = run.Events.Where(e => e.Type == EventTypes.CallAnswered && queued.ContainsKey(e.Call!))
            .Select(e => (queued[e.Call!].Queue, Priority: queued[e.Call!].Priority ?? 0, Wait: (e.Ts - queued[e.Call!].Ts).TotalSeconds))
            .ToList();
        foreach (var queue in new[] { "billing", "sales", "tech" })
        {
            var urgent = waits.Where(w => w.Queue == queue && w.Priority > 0).Average(w => w.Wait);
            var ordinary = waits.Where(w => w.Queue == queue && w.Priority == 0).Average(w => w.Wait);
            Assert.True(urgent < ordinary * 0.8, $"{queue}: priority calls waited {urgent:0.0} s on average, the others {ordinary:0.0} s");
        }

        // The VIP line is staffed beyond its share and its calls come first.
        var vip = waits.Where(w => w.Queue == "vip").Average(w => w.Wait);
        Assert.True(vip < waits.Where(w => w.Queue != "vip" && w.Priority == 0).Average(w => w.Wait));
    }

    [Fact]
    public void Each_call_rings_the_longest_idle_available_agent_who_serves_its_queue()
    {
        var queues = new Dictionary<string, string[]>();
        var idleSince = new Dictionary<string, DateTimeOffset>();
        var callQueue = new Dictionary<string, string>();
        var ringing = new Dictionary<string, string>();
        var checkedRings = 0;
        foreach (var e in run.Events)
        {
            switch (e.Type)
            {
                case EventTypes.AgentLogin or EventTypes.AgentQueues:
                    queues[e.Agent!] = [.. e.Queues!];
                    break;
                case EventTypes.AgentReady:
                    idleSince.TryAdd(e.Agent!, e.Ts);
                    break;
                case EventTypes.AgentNotReady or EventTypes.AgentLogout:
                    idleSince.Remove(e.Agent!);
                    break;
                case EventTypes.CallQueued:
                    callQueue[e.Call!] = e.Queue!;
                    break;
                case EventTypes.CallTransferred when e.Queue is not null:
                    callQueue[e.Call!] = e.Queue;
                    break;
                case EventTypes.CallTransferred or EventTypes.CallAnswered:
                    ringing.Remove(e.Call!);
                    idleSince.Remove(e.Agent!);
                    break;
                case EventTypes.CallRingNoAnswer or EventTypes.CallAbandoned or EventTypes.CallOverflowed:
                    // A caller who hangs up while ringing leaves the agent their place in line.
                    ringing.Remove(e.Call!);
                    break;
                case EventTypes.CallRinging:
                    var free = idleSince.Where(a => !ringing.ContainsValue(a.Key) && queues[a.Key].Contains(callQueue[e.Call!])).ToList();
                    Assert.Equal(free.Min(a => a.Value), idleSince[e.Agent!]);
                    ringing[e.Call!] = e.Agent!;
                    checkedRings++;
                    break;
            }
        }

        Assert.True(checkedRings > 1500);
    }

    [Fact]
    public void After_a_call_the_agent_wraps_up_mostly_five_to_forty_seconds()
    {
        var ended = new Dictionary<string, DateTimeOffset>();
        var wrapUps = new List<double>();
        var agentOf = new Dictionary<string, string>();
        foreach (var e in run.Events)
        {
            if (e.Type is EventTypes.CallAnswered || (e.Type == EventTypes.CallTransferred && e.Agent is not null))
            {
                agentOf[e.Call!] = e.Agent!;
            }
            else if (e.Type == EventTypes.CallEnded)
            {
                ended[agentOf[e.Call!]] = e.Ts;
            }
            else if (e.Type.StartsWith("agent.", StringComparison.Ordinal) && ended.Remove(e.Agent!, out var end))
            {
                wrapUps.Add((e.Ts - end).TotalSeconds);
            }
        }

        Assert.True(wrapUps.Count > 1500);
        Assert.All(wrapUps, w => Assert.InRange(w, 5, 200));
        Assert.InRange(wrapUps.Count(w => w <= 40) / (double)wrapUps.Count, 0.95, 0.995);
    }

    [Fact]
    public void Heartbeats_come_every_five_seconds()
    {
        var beats = run.Events.Where(e => e.Type == EventTypes.SwitchHeartbeat).Select(e => e.Ts).ToList();
        Assert.Equal((int)(TwoHourRun.Length.TotalSeconds / 5) + 1, beats.Count);
        Assert.All(beats.Zip(beats.Skip(1)), p => Assert.Equal(TimeSpan.FromSeconds(5), p.Second - p.First));
    }

    private List<(string Reason, double Seconds)> NotReadySpells()
    {
        var open = new Dictionary<string, SwitchEvent>();
        var spells = new List<(string, double)>();
        foreach (var e in run.Events.Where(e => e.Type.StartsWith("agent.", StringComparison.Ordinal) && e.Type != EventTypes.AgentQueues))
        {
            if (open.Remove(e.Agent!, out var start))
            {
                spells.Add((start.Reason!, (e.Ts - start.Ts).TotalSeconds));
            }

            if (e.Type == EventTypes.AgentNotReady)
            {
                open[e.Agent!] = e;
            }
        }

        return spells;
    }
}
