namespace Normalize.Core.Units.Dates;

/// <summary>Calendar units, finest first.</summary>
internal enum Grain
{
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// <summary>One calendar unit: the day, week (Monday first), month, ... that starts at <see cref="Start"/>.</summary>
internal readonly record struct Period(DateTime Start, Grain Grain)
{
    /// <summary>The first instant after the period.</summary>
    public DateTime End => Shift(1).Start;

    /// <summary>The period <paramref name="n"/> units later (earlier when negative).</summary>
    public Period Shift(int n) => this with { Start = Add(Start, Grain, n) };

    /// <summary>The unit of <paramref name="grain"/> that contains <paramref name="time"/>.</summary>
    public static Period Containing(DateTime time, Grain grain) => new(Align(time, grain), grain);

    public static DateTime Add(DateTime time, Grain grain, int n) => grain switch
    {
        Grain.Second => time.AddSeconds(n),
        Grain.Minute => time.AddMinutes(n),
        Grain.Hour => time.AddHours(n),
        Grain.Day => time.AddDays(n),
        Grain.Week => time.AddDays(7 * n),
        Grain.Month => time.AddMonths(n),
        Grain.Quarter => time.AddMonths(3 * n),
        Grain.Year => time.AddYears(n),
        Grain.Decade => time.AddYears(10 * n),
        _ => time.AddYears(100 * n),
    };

    public static DateTime Align(DateTime t, Grain grain) => grain switch
    {
        Grain.Second => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second),
        Grain.Minute => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0),
        Grain.Hour => new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0),
        Grain.Day => t.Date,
        Grain.Week => t.Date.AddDays(-(((int)t.DayOfWeek + 6) % 7)),
        Grain.Month => new DateTime(t.Year, t.Month, 1),
        Grain.Quarter => new DateTime(t.Year, (t.Month - 1) / 3 * 3 + 1, 1),
        Grain.Year => new DateTime(t.Year, 1, 1),
        Grain.Decade => new DateTime(Math.Max(1, t.Year / 10 * 10), 1, 1),
        _ => new DateTime(Math.Max(1, t.Year / 100 * 100), 1, 1),
    };

    /// <summary>ISO 8601 truncated to the grain (weeks as their Monday, quarters as their first month).</summary>
    public string Iso => Format(Start, Grain);

    public static string Format(DateTime t, Grain grain) => grain switch
    {
        Grain.Second => t.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        Grain.Minute or Grain.Hour => t.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        Grain.Day or Grain.Week => t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Grain.Month or Grain.Quarter => t.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        _ => t.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture),
    };

    public static int IsoWeekday(DateTime t) => ((int)t.DayOfWeek + 6) % 7 + 1;
}

/// <summary>
/// What a date expression denotes: one period, or an interval from one period to another (both
/// inclusive), possibly open at one end, with RT's modifier ("since", "before", "mid", ...).
/// </summary>
internal sealed record DateValue(Period From, Period? To, bool IsInterval, string? Qualifier = null, bool OpenStart = false, bool OpenEnd = false)
{
    /// <summary>A computed stretch ("the last 2 days", "early March") rather than two named endpoints ("from May to July").</summary>
    public bool IsSpan { get; init; }

    /// <summary>For a part of a period ("the end of 2008"): the whole period and which part ("start", "mid", "end").</summary>
    public Period? Whole { get; init; }

    public string? Part { get; init; }

    /// <summary>The value as another recogniser wrote it (a time of day put on this date).</summary>
    public string? Iso { get; init; }

    public static DateValue Of(Period p) => new(p, null, false);

    public static DateValue Span(Period first, Period last, string? qualifier = null) => new(first, last, true, qualifier) { IsSpan = true };
}
