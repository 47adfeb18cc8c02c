using System.Globalization;

namespace FloorWatch.Domain.Time;

/// <summary>
/// A center's local clock: 15-minute intervals and business days (contract section 2, windows).
/// Every UTC offset in use is a multiple of 15 minutes, so a 15-minute boundary of local time is
/// also one of UTC; only the business day needs the zone.
/// </summary>
public sealed class CenterClock
{
    public static readonly TimeSpan IntervalLength = TimeSpan.FromMinutes(15);
    public static readonly long IntervalTicks = IntervalLength.Ticks;
    public static CenterClock Utc { get; } = new("UTC", "00:00");

    private readonly TimeZoneInfo _zone;
    private readonly TimeOnly _dayStart;

    public CenterClock(string timeZone, string dayStartsAt)
    {
        if (!TryFindZone(timeZone, out var zone))
        {
            throw new ArgumentException($"unknown time zone '{timeZone}'", nameof(timeZone));
        }

        if (!TryParseDayStart(dayStartsAt, out var start))
        {
            throw new ArgumentException($"dayStartsAt '{dayStartsAt}' must be HH:mm on a 15-minute boundary", nameof(dayStartsAt));
        }

        _zone = zone;
        _dayStart = start;
        TimeZone = timeZone;
        DayStartsAt = dayStartsAt;
    }

    public string TimeZone { get; }

    public string DayStartsAt { get; }

    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    public static bool TryParseDayStart(string? text, out TimeOnly start)
    {
        start = default;
        return text is { Length: 5 }
            && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out start)
            && start.Minute % 15 == 0;
    }

    /// <summary>The UTC ticks of the start of the 15-minute interval holding <paramref name="ts"/>.</summary>
    public static long IntervalStartTicks(DateTimeOffset ts)
    {
        var t = ts.UtcTicks;
        return t - (t % IntervalTicks);
    }

    public static DateTimeOffset FromTicks(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    /// <summary>The business day (local date from <c>dayStartsAt</c>) that holds <paramref name="ts"/>.</summary>
    public DateOnly BusinessDay(DateTimeOffset ts)
    {
        var local = TimeZoneInfo.ConvertTime(ts, _zone).DateTime;
        var day = DateOnly.FromDateTime(local - _dayStart.ToTimeSpan());

        // When the clock falls back over dayStartsAt, the wall time repeats; the day's own bounds decide.
        if (ts >= DayStart(day.AddDays(1)))
        {
            return day.AddDays(1);
        }

        return ts < DayStart(day) ? day.AddDays(-1) : day;
    }

    /// <summary>UTC start of business day <paramref name="day"/>.</summary>
    public DateTimeOffset DayStart(DateOnly day)
    {
        var local = day.ToDateTime(_dayStart, DateTimeKind.Unspecified);
        while (_zone.IsInvalidTime(local))
        {
            // In a spring-forward gap the day starts at the first local time that exists.
            local = local.AddMinutes(15);
        }

        var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>[start, end) of business day <paramref name="day"/> in UTC.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) DayBounds(DateOnly day) => (DayStart(day), DayStart(day.AddDays(1)));

    /// <summary>UTC start ticks of every interval of business day <paramref name="day"/>: 96, or 92/100 on a DST change.</summary>
    public IEnumerable<long> IntervalsOf(DateOnly day)
    {
        var (start, end) = DayBounds(day);
        for (var t = start.UtcTicks; t < end.UtcTicks; t += IntervalTicks)
        {
            yield return t;
        }
    }
}
