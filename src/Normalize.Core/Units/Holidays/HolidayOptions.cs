namespace Normalize.Core.Units.Holidays;

/// <summary>
/// Conventions for holiday dates that differ between readers (see the normalization bench README).
/// The default is the natural reading of news prose. Which occurrence a bare "Christmas" is, and how
/// interval ends are written, follow the date conventions (<see cref="AnnotationContext.PreferFutureDates"/>,
/// <see cref="AnnotationContext.ExclusiveIntervalEnds"/>, <see cref="AnnotationContext.PeriodsAsDayRanges"/>).
/// </summary>
public sealed record HolidayOptions
{
    /// <summary>
    /// A holiday that begins at sunset (Jewish holidays) is dated from its eve: "Yom Kippur 2018" is
    /// 2018-09-18, not 2018-09-19 (Duckling).
    /// </summary>
    public bool FromEve { get; init; }

    /// <summary>"Christmas at 6 pm" is one date-time; false = the holiday alone, the time left to the time recogniser (Recognizers-Text).</summary>
    public bool JoinTime { get; init; } = true;

    public static HolidayOptions News { get; } = new();

    public static HolidayOptions Duckling { get; } = new() { FromEve = true };

    public static HolidayOptions RecognizersText { get; } = new() { JoinTime = false };
}
