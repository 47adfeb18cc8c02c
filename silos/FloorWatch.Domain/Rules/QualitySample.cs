namespace FloorWatch.Domain.Rules;

/// <summary>Draws the random share of calls for quality review: by the call id, so a replay draws the same calls.</summary>
public static class QualitySample
{
    public static bool Picks(string call, double share) => share > 0 && StableHash.Of(call) % 1_000_000 < share * 1_000_000;
}
