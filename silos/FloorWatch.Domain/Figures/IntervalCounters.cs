namespace FloorWatch.Domain.Figures;

/// <summary>The raw sums behind a queue's figures for one window (contract section 2).</summary>
public sealed class IntervalCounters
{
    public long Offered { get; set; }
    public long Answered { get; set; }
    public long Abandoned { get; set; }
    public long ShortAbandoned { get; set; }
    public long Overflowed { get; set; }
    public long TransferredOut { get; set; }
    public long AnsweredWithinThreshold { get; set; }
    public long Handled { get; set; }
    public double AnsweredWaitSum { get; set; }
    public double HandleTimeSum { get; set; }
    public double BusySeconds { get; set; }
    public double AvailableSeconds { get; set; }

    public void Add(IntervalCounters o)
    {
        Offered += o.Offered;
        Answered += o.Answered;
        Abandoned += o.Abandoned;
        ShortAbandoned += o.ShortAbandoned;
        Overflowed += o.Overflowed;
        TransferredOut += o.TransferredOut;
        AnsweredWithinThreshold += o.AnsweredWithinThreshold;
        Handled += o.Handled;
        AnsweredWaitSum += o.AnsweredWaitSum;
        HandleTimeSum += o.HandleTimeSum;
        BusySeconds += o.BusySeconds;
        AvailableSeconds += o.AvailableSeconds;
    }

    public IntervalCounters Clone()
    {
        var c = new IntervalCounters();
        c.Add(this);
        return c;
    }
}
