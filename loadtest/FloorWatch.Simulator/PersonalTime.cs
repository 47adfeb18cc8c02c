namespace FloorWatch.Simulator;

/// <summary>
/// Why and for how long an agent steps away from the phone. Weights and lengths follow an ordinary
/// floor: short "away" and restroom breaks (some over the manual's five minutes), 10–17 minute breaks
/// (some over fifteen), the odd lunch, meeting, training or coaching, and now and then a logout.
/// </summary>
internal sealed record PersonalTime(string Reason, double Weight, double MinMinutes, double MaxMinutes, bool Logout = false)
{
    public static IReadOnlyList<PersonalTime> All { get; } =
    [
        new("away", 22, 1, 6),
        new("restroom", 20, 2, 6),
        new("break", 16, 10, 17),
        new("coaching", 8, 5, 15),
        new("meeting", 6, 15, 30),
        new("training", 5, 15, 30),
        new("lunch", 6, 30, 40),
        new("personal", 4, 2, 8, Logout: true),
    ];
}
