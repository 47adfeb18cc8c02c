using System.Globalization;
using FloorWatch.LoadGen.Options;

namespace FloorWatch.LoadGen.Province;

/// <summary>Splits the province's agents, queues and events over its centers.</summary>
internal static class ProvincePlan
{
    /// <summary>The demo floor's load (900 calls an hour on 48 agents), which keeps agents busy and mostly within service level.</summary>
    public const double CallsPerAgentHour = 900.0 / 48;

    public static IReadOnlyList<CenterPlan> Of(LoadOptions o)
    {
        var width = Math.Max(2, o.Centers.ToString(CultureInfo.InvariantCulture).Length);
        var totalEvents = o.Rate * o.DurationSeconds;
        var centers = new List<CenterPlan>(o.Centers);
        for (var i = 0; i < o.Centers; i++)
        {
            var agents = Share(o.Agents, o.Centers, i);
            var queues = Share(o.Queues, o.Centers, i);

            // Events in proportion to the floor, so every center runs at about the same speed-up.
            var events = (int)Math.Max(1, Math.Round(totalEvents * agents / o.Agents));
            centers.Add(new CenterPlan(
                o.CenterPrefix + (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'),
                agents,
                QueueMix.Of(queues),
                agents * CallsPerAgentHour,
                unchecked((o.Seed * 7919) + i),
                events));
        }

        return centers;
    }

    /// <summary>The <paramref name="index"/>th of <paramref name="parts"/> near-equal parts of <paramref name="total"/> (the first ones take the remainder).</summary>
    public static int Share(int total, int parts, int index) => (total / parts) + (index < total % parts ? 1 : 0);
}
