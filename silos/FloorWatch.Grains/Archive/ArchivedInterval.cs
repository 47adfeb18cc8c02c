using FloorWatch.Domain.Figures;
using FloorWatch.Domain.Floor;

namespace FloorWatch.Grains.Archive;

/// <summary>One line of an archive file: one entity's intervals within one UTC day.</summary>
internal sealed record ArchivedLine<T>(string Id, T[] Intervals);

/// <summary>An agent's interval on disk: seconds per state in <see cref="AgentPhase"/> order, and per not-ready reason.</summary>
internal sealed record ArchivedAgentInterval(DateTimeOffset Start, double[] Seconds, Dictionary<string, double>? Reasons, long Handled, double HandleTimeSum)
{
    public static ArchivedAgentInterval Of(long start, AgentInterval i)
    {
        Dictionary<string, double>? reasons = null;
        for (var k = 0; k < i.ReasonCount; k++)
        {
            var (reason, seconds) = i.ReasonAt(k);
            (reasons ??= new(StringComparer.Ordinal))[reason] = seconds;
        }

        return new(new DateTimeOffset(start, TimeSpan.Zero), i.SecondsByPhase.ToArray(), reasons, i.Handled, i.HandleTimeSum);
    }

    public AgentInterval ToInterval() => AgentInterval.Of(Seconds, Reasons ?? [], Handled, HandleTimeSum);
}

/// <summary>A queue's (or the center's) counters of one interval on disk.</summary>
internal sealed record ArchivedQueueInterval(DateTimeOffset Start, IntervalCounters Counters);
