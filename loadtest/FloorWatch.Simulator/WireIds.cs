namespace FloorWatch.Simulator;

/// <summary>The contract's id rules: centers <c>[A-Za-z0-9_-]{1,64}</c>; agents, calls and queues also allow '.'.</summary>
public static class WireIds
{
    public const int MaxLength = 64;

    public static bool IsCenterId(string? s) => IsValid(s, allowDot: false);

    public static bool IsEntityId(string? s) => IsValid(s, allowDot: true);

    private static bool IsValid(string? s, bool allowDot)
    {
        if (s is null || s.Length is 0 or > MaxLength)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-' || (allowDot && c == '.')))
            {
                return false;
            }
        }

        return true;
    }
}
