namespace FloorWatch.Domain.Rules;

/// <summary>Draws the random share of calls for quality review: by a hash of the call id, so a replay draws the same calls.</summary>
public static class QualitySample
{
    public static bool Picks(string call, double share) => Picks(StableHash.Of(call), share);

    public static bool Picks(ulong callHash, double share) => share > 0 && callHash % 1_000_000 < share * 1_000_000;
}
