using System.Globalization;

namespace FloorWatch.LoadGen.Checks;

/// <summary>
/// Which business day a ts belongs to (contract section 2): the local date of the center's time
/// zone, counted from <c>dayStartsAt</c>. The checker's own small version (loadtest/ references no
/// domain code); it ignores the hour a clock repeats when it falls back over the day's start.
/// </summary>
internal sealed class BusinessDays
{
    private readonly TimeZoneInfo _zone;
    private readonly TimeSpan _dayStart;

    public BusinessDays(string timeZone, string dayStartsAt)
    {
        _zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        _dayStart = TimeOnly.ParseExact(dayStartsAt, "HH:mm", CultureInfo.InvariantCulture).ToTimeSpan();
    }

    public DateOnly DayOf(DateTimeOffset ts) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(ts, _zone).DateTime - _dayStart);
}
