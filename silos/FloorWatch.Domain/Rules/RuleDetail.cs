using System.Globalization;

namespace FloorWatch.Domain.Rules;

/// <summary>The sentence a person reads for a cause, written only when its alert or notice is made.</summary>
public static class RuleDetail
{
    public static string Describe(in RuleCondition c) => c.Kind switch
    {
        AlertKinds.NotReadyOvertime => c.Extra is null
            ? $"not ready ({c.Reason}) longer than the limit of {Seconds(c.LimitSeconds)}"
            : $"not ready ({c.Reason}, approved for {Seconds(c.LimitSeconds)}) longer than the approval",
        AlertKinds.WrapUpOvertime => $"in wrap-up longer than the limit of {Seconds(c.LimitSeconds)}",
        AlertKinds.HoldOvertime => $"call {c.Call} on hold longer than the limit of {Seconds(c.LimitSeconds)}",
        AlertKinds.UnapprovedLeave => c.Critical
            ? $"left the seat ({c.Reason}) without approval, in the first {Number(c.Figure)} minutes after login"
            : $"left the seat ({c.Reason}) without a duty manager's approval",
        AlertKinds.LoginDuplicate => $"work id {c.Agent} logged in at seat {c.Extra} while logged in at seat {c.Reason}",
        AlertKinds.QaLongCall => $"call {c.Call} longer than {Seconds(c.LimitSeconds)}",
        AlertKinds.QaVip => $"VIP call {c.Call} connected to {c.Agent}",
        AlertKinds.QaTagged => $"call {c.Call} tagged {c.Extra}",
        AlertKinds.QaSample => $"call {c.Call} drawn for the quality sample",
        AlertKinds.QaProbation => $"{c.Agent} (on the watch list) is on call {c.Call}",
        AlertKinds.BreakConcurrency => $"queue {c.Queue}: {Number(c.Figure)} of {Number(c.Figure2)} staffed away from the seat at once (quota {c.Extra?.Trim()}, {Number(c.Figure3)} now)",
        AlertKinds.SlBreach => $"queue {c.Queue}: service level this interval {Number(c.Figure * 100)} % under the target of {Number(c.Figure2 * 100)} %",
        _ => c.Extra ?? c.Kind,
    };

    public static string Seconds(double s) => Number(s) + " s";

    public static string Number(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
