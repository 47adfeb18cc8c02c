using FloorWatch.Contracts.Views;

namespace FloorWatch.Grains.Rules;

/// <summary>
/// One grain timer to a rule deadline on the feed's clock, made once and then moved or stopped.
/// Re-arming to the deadline it already waits for does nothing: a busy agent is judged after
/// every fact, and a new timer each time was a measurable share of the server's work. A timer
/// that fires a little early finds nothing due and is armed again; alerts carry their deadline's
/// time, not the timer's.
/// </summary>
/// <remarks>
/// The timer fires <paramref name="grace"/> after the deadline: a watched center sends its facts
/// with its next push, so a fact from just before the deadline (an agent back from away at 4:59.9)
/// can reach the grain up to one push interval later, and is then judged before the deadline is.
/// </remarks>
public sealed class DeadlineTimer(IGrainBase grain, Func<Task> onDue, TimeProvider time, TimeSpan grace)
{
    private IGrainTimer? _timer;
    private DateTimeOffset? _armedFor;

    /// <summary>Waits for <paramref name="deadline"/> while the center is live; no deadline, or not live, stops waiting.</summary>
    public void Arm(DateTimeOffset? deadline, RuleContext context)
    {
        var due = context.Live ? deadline : null;
        if (due == _armedFor)
        {
            return;
        }

        _armedFor = due;
        if (due is not { } at)
        {
            // Stopped, not disposed: an agent that goes from a state with a limit to one without and
            // back made a new timer each time, and the old ones were a good share of what the
            // collector found dead in its oldest generation.
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var wait = RuleJudge.Until(at, context, time) + grace;
        if (_timer is null)
        {
            _timer = grain.RegisterGrainTimer(Fire, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan));
        }
        else
        {
            _timer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private Task Fire()
    {
        _armedFor = null;
        return onDue();
    }
}
