namespace FloorWatch.Domain.Events;

/// <summary>Either a valid event or the reason the input was refused (naming the field).</summary>
public readonly record struct ParseResult(CtiEvent? Event, string? Error)
{
    public bool IsValid => Event is not null;

    public static ParseResult Ok(CtiEvent e) => new(e, null);

    public static ParseResult Fail(string error) => new(null, error);
}
