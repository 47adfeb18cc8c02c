using FloorWatch.Domain.Settings;

namespace FloorWatch.Domain.Figures;

/// <summary>Turns raw counters into the contract's figures; ratios are null when their denominator is 0.</summary>
public static class FigureCalculator
{
    public static WindowFigures Compute(IntervalCounters c, SlFormula formula)
    {
        var counted = c.Answered + c.Abandoned - c.ShortAbandoned;
        var slDenominator = ServiceLevelDenominator(c, formula);
        var occupied = c.BusySeconds + c.AvailableSeconds;
        return new WindowFigures
        {
            Offered = c.Offered,
            Answered = c.Answered,
            Abandoned = c.Abandoned,
            ShortAbandoned = c.ShortAbandoned,
            Overflowed = c.Overflowed,
            TransferredOut = c.TransferredOut,
            AnsweredWithinThreshold = c.AnsweredWithinThreshold,
            ServiceLevel = Ratio(c.AnsweredWithinThreshold, slDenominator),
            AsaSeconds = Ratio(c.AnsweredWaitSum, c.Answered),
            AbandonRate = Ratio(c.Abandoned - c.ShortAbandoned, counted),
            Handled = c.Handled,
            AhtSeconds = Ratio(c.HandleTimeSum, c.Handled),
            Occupancy = occupied > 0 ? c.BusySeconds / occupied : null,
        };
    }

    /// <summary>The service level alone, for the rules that judge it after every answer (no figures object made).</summary>
    public static double? ServiceLevel(IntervalCounters c, SlFormula formula) => Ratio(c.AnsweredWithinThreshold, ServiceLevelDenominator(c, formula));

    /// <summary>The calls the service level counts under <paramref name="formula"/>.</summary>
    public static long ServiceLevelDenominator(IntervalCounters c, SlFormula formula)
    {
        var counted = c.Answered + c.Abandoned - c.ShortAbandoned;
        return formula switch
        {
            SlFormula.AnsweredOnly => c.Answered,
            SlFormula.WithOverflow => counted + c.Overflowed,
            _ => counted,
        };
    }

    private static double? Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : null;
}
