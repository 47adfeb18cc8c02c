namespace FloorWatch.Domain.QueueLog;

/// <summary>
/// The agent id of an Asterisk queue member: its interface without the technology and the context
/// (<c>Local/2004@from-internal/n</c> → <c>2004</c>, <c>SIP/0004f2040001</c> → <c>0004f2040001</c>).
/// </summary>
public static class MemberInterface
{
    public static string AgentId(string member)
    {
        var slash = member.IndexOf('/', StringComparison.Ordinal);
        var rest = slash < 0 ? member : member[(slash + 1)..];
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            rest = rest[..at];
        }

        // A channel's own suffix (SIP/1001/n without a context) is not part of the member's name.
        var next = rest.IndexOf('/', StringComparison.Ordinal);
        return next < 0 ? rest : rest[..next];
    }
}
