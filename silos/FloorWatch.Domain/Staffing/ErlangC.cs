namespace FloorWatch.Domain.Staffing;

/// <summary>What Erlang C answers for one staffing level.</summary>
public sealed record StaffingResult(int Agents, double ServiceLevel, double Occupancy, double AsaSeconds, double ProbabilityOfWait);

/// <summary>
/// Erlang C (contract section 2): A = λ·AHT erlangs; C(N, A) the probability of waiting;
/// SL = 1 − C(N, A)·e^(−(N−A)·T/AHT); the least N with SL ≥ target.
/// C is computed through the Erlang B recursion, which stays finite for large N where A^N/N! would not.
/// </summary>
public static class ErlangC
{
    public const int MaxAgents = 100_000;

    /// <summary>Probability that a caller waits, with <paramref name="agents"/> agents and <paramref name="erlangs"/> of traffic.</summary>
    public static double ProbabilityOfWait(int agents, double erlangs)
    {
        if (agents <= 0)
        {
            return 1;
        }

        if (erlangs <= 0)
        {
            return 0;
        }

        if (agents <= erlangs)
        {
            return 1;
        }

        var b = 1.0;
        for (var n = 1; n <= agents; n++)
        {
            b = erlangs * b / (n + erlangs * b);
        }

        return agents * b / (agents - erlangs * (1 - b));
    }

    public static StaffingResult Evaluate(int agents, double callsPerHour, double ahtSeconds, double thresholdSeconds)
    {
        var erlangs = callsPerHour * ahtSeconds / 3600.0;
        if (erlangs <= 0)
        {
            return new StaffingResult(agents, 1, 0, 0, 0);
        }

        if (agents <= erlangs)
        {
            return new StaffingResult(agents, 0, 1, double.PositiveInfinity, 1);
        }

        var c = ProbabilityOfWait(agents, erlangs);
        var sl = 1 - (c * Math.Exp(-(agents - erlangs) * thresholdSeconds / ahtSeconds));
        var asa = c * ahtSeconds / (agents - erlangs);
        return new StaffingResult(agents, sl, erlangs / agents, asa, c);
    }

    /// <summary>The least number of agents whose service level reaches <paramref name="target"/>.</summary>
    public static StaffingResult Required(double callsPerHour, double ahtSeconds, double thresholdSeconds, double target)
    {
        var erlangs = callsPerHour * ahtSeconds / 3600.0;
        if (erlangs <= 0)
        {
            return Evaluate(0, callsPerHour, ahtSeconds, thresholdSeconds);
        }

        // Carry Erlang B forward one agent at a time instead of starting over for each candidate.
        var b = 1.0;
        for (var n = 1; n <= MaxAgents; n++)
        {
            b = erlangs * b / (n + erlangs * b);
            if (n <= erlangs)
            {
                continue;
            }

            var c = n * b / (n - erlangs * (1 - b));
            var sl = 1 - (c * Math.Exp(-(n - erlangs) * thresholdSeconds / ahtSeconds));
            if (sl >= target)
            {
                return new StaffingResult(n, sl, erlangs / n, c * ahtSeconds / (n - erlangs), c);
            }
        }

        return Evaluate(MaxAgents, callsPerHour, ahtSeconds, thresholdSeconds);
    }

    /// <summary>
    /// Expected wait of a caller arriving now: nothing when an agent is free for them; otherwise
    /// their place in line times the time it takes the serving agents to free one seat; null
    /// when no agent is serving the queue at all (no wait can be promised).
    /// </summary>
    public static double? EstimatedWaitSeconds(int waiting, int available, int serving, double ahtSeconds)
    {
        if (available > waiting)
        {
            return 0;
        }

        if (serving <= 0)
        {
            return null;
        }

        var ahead = waiting - available + 1;
        return ahead * ahtSeconds / serving;
    }
}
