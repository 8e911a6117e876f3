namespace Normalize.Core.Units.Holidays;

/// <summary>
/// Conventions for holiday dates that differ between readers (see the normalization bench README).
/// The default is the natural reading of news prose.
/// </summary>
public sealed record HolidayOptions
{
    /// <summary>
    /// A holiday that begins at sunset (Jewish holidays) is dated from its eve: "Yom Kippur 2018" is
    /// 2018-09-18, not 2018-09-19 (Duckling).
    /// </summary>
    public bool FromEve { get; init; }

    /// <summary>
    /// A bare "Christmas" is the next one from the reference (Duckling, Recognizers-Text); false = the
    /// nearest one, past or future (a January article's "Christmas" is the one just gone).
    /// </summary>
    public bool PreferFuture { get; init; }

    /// <summary>"Christmas at 6 pm" is one date-time; false = the holiday alone, the time left to the time recogniser (Recognizers-Text).</summary>
    public bool JoinTime { get; init; } = true;

    public static HolidayOptions News { get; } = new();

    public static HolidayOptions Duckling { get; } = new() { FromEve = true, PreferFuture = true };

    public static HolidayOptions RecognizersText { get; } = new() { PreferFuture = true, JoinTime = false };
}
