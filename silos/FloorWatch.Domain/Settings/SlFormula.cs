namespace FloorWatch.Domain.Settings;

/// <summary>How a queue's service level is computed (contract section 2).</summary>
public enum SlFormula
{
    /// <summary>answeredWithinThreshold / (answered + abandoned − shortAbandoned).</summary>
    AbandonsCount,

    /// <summary>answeredWithinThreshold / answered.</summary>
    AnsweredOnly,

    /// <summary>answeredWithinThreshold / (answered + abandoned − shortAbandoned + overflowed).</summary>
    WithOverflow,
}

public static class SlFormulaNames
{
    public static string Name(this SlFormula f) => f switch
    {
        SlFormula.AnsweredOnly => "answeredOnly",
        SlFormula.WithOverflow => "withOverflow",
        _ => "abandonsCount",
    };

    public static bool TryParse(string? s, out SlFormula f)
    {
        (var ok, f) = s switch
        {
            "abandonsCount" => (true, SlFormula.AbandonsCount),
            "answeredOnly" => (true, SlFormula.AnsweredOnly),
            "withOverflow" => (true, SlFormula.WithOverflow),
            _ => (false, SlFormula.AbandonsCount),
        };
        return ok;
    }
}
