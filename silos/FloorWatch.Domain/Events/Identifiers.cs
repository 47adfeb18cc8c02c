namespace FloorWatch.Domain.Events;

/// <summary>The id rules of the contract: centers <c>[A-Za-z0-9_-]{1,64}</c>, agents and calls also allow '.'.</summary>
public static class Identifiers
{
    public const int MaxLength = 64;

    public static bool IsCenterId(ReadOnlySpan<char> s) => IsValid(s, allowDot: false);

    public static bool IsEntityId(ReadOnlySpan<char> s) => IsValid(s, allowDot: true);

    private static bool IsValid(ReadOnlySpan<char> s, bool allowDot) => s.Length is > 0 and <= MaxLength && HasIdCharacters(s, allowDot);

    /// <summary>Only the characters ids may have: letters, digits, '_' and '-', and '.' when <paramref name="allowDot"/>.</summary>
    public static bool HasIdCharacters(ReadOnlySpan<char> s, bool allowDot = true)
    {
        foreach (var c in s)
        {
            var ok = char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-' || (allowDot && c == '.');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
