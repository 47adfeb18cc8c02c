namespace FloorWatch.Simulator;

/// <summary>Builds the floor's people: ids, seats, names and skills, drawn from the model's seeded randomness.</summary>
internal static class FloorPlan
{
    private static readonly string[] Surnames =
    [
        "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu",
        "Xu", "Sun", "Hu", "Zhu", "Gao", "Lin", "He", "Guo", "Ma", "Luo",
    ];

    private static readonly string[] GivenNames =
    [
        "Wei", "Fang", "Na", "Min", "Jing", "Li", "Qiang", "Lei", "Jun", "Yang",
        "Yan", "Jie", "Tao", "Ming", "Chao", "Xiu", "Hui", "Ying", "Hong", "Yu",
    ];

    private const int SeatsPerRow = 12;
    private const int RowsPerFloor = 20;

    /// <summary>Agents A01…An (wider numbers past 99), seated row by row from the third floor up.</summary>
    public static List<SimAgent> Agents(int count, IReadOnlyList<QueueProfile> queues, Random random)
    {
        var width = Math.Max(2, count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var primaries = new double[queues.Count];
        var shareTotal = queues.Sum(q => q.Share);
        var agents = new List<SimAgent>(count);
        for (var i = 0; i < count; i++)
        {
            var floor = 3 + (i / (SeatsPerRow * RowsPerFloor));
            var row = (char)('A' + (i / SeatsPerRow % RowsPerFloor));
            var seat = FormattableString.Invariant($"{floor}F-{row}{(i % SeatsPerRow) + 1:00}");
            var name = $"{random.Pick(Surnames)} {random.Pick(GivenNames)}";
            var id = "A" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0');
            agents.Add(new SimAgent(id, seat, name) { Queues = Skills(i, queues, shareTotal, primaries, random) });
        }

        return agents;
    }

    /// <summary>Seniors serve the VIP line besides their own queue: it is staffed well beyond its share of calls.</summary>
    private const double VipSkillBoost = 4;

    /// <summary>
    /// 1–3 queues: the primary one keeps each queue's share of primaries in line with its share of
    /// calls (largest deficit first), and the extra skills are drawn by share (the VIP line's boosted).
    /// </summary>
    private static string[] Skills(int index, IReadOnlyList<QueueProfile> queues, double shareTotal, double[] primaries, Random random)
    {
        var primary = 0;
        var worst = double.MinValue;
        for (var q = 0; q < queues.Count; q++)
        {
            var deficit = (queues[q].Share / shareTotal * (index + 1)) - primaries[q];
            if (deficit > worst)
            {
                worst = deficit;
                primary = q;
            }
        }

        primaries[primary]++;
        var skills = new List<QueueProfile> { queues[primary] };
        var roll = random.NextDouble();
        var extras = roll < 0.15 ? 2 : roll < 0.55 ? 1 : 0;
        for (var e = 0; e < extras && skills.Count < queues.Count; e++)
        {
            var others = queues.Where(q => !skills.Contains(q)).ToList();
            skills.Add(random.Weighted(others, q => q.Vip ? q.Share * VipSkillBoost : q.Share));
        }

        return skills.Select(q => q.Id).ToArray();
    }

    /// <summary>A mainland mobile number, as the switch's caller id shows it.</summary>
    public static string Caller(Random random) =>
        FormattableString.Invariant($"+861{random.Pick(MobilePrefixes)}{random.Next(0, 100_000_000):00000000}");

    private static readonly string[] MobilePrefixes = ["30", "35", "38", "39", "50", "58", "86", "88"];
}
