namespace Normalize.Core.Units;

/// <summary>What the recognisers need to know about the text they read.</summary>
public sealed record AnnotationContext
{
    /// <summary>"Now" for relative and partial dates ("Jan. 2", "on Wednesday"); null = leave them out.</summary>
    public DateTime? Reference { get; init; }

    /// <summary>The source language writes "1,5" for one and a half (German, French, ...).</summary>
    public bool DecimalComma { get; init; }

    /// <summary>Order of "04/05/2024": true day first, false month first, null unknown (ambiguous dates are not emitted).</summary>
    public bool? DayFirst { get; init; }

    /// <summary>The time the reading may take (the article's, when cleaning); checked per candidate number or date.</summary>
    public Deadline Deadline { get; init; } = Deadline.None;

    /// <summary>Which vague or positional words count as numbers (news reading unless a peer convention is asked for).</summary>
    public NumberReading Numbers { get; init; } = NumberReading.News;
    /// <summary>
    /// Ambiguous dates ("Monday", "March 3", "the 15th") take their next occurrence after the reference
    /// (Duckling) instead of the nearest one, leaning to the past for weekdays (a news report's "on Monday").
    /// </summary>
    public bool PreferFutureDates { get; init; }

    /// <summary>
    /// Interval ends are exclusive, one grain past the last unit ("July 13-15" = 2013-07-13/2013-07-16,
    /// Duckling); false gives the inclusive last unit (2013-07-13/2013-07-15).
    /// </summary>
    public bool ExclusiveIntervalEnds { get; init; }

    /// <summary>
    /// Weeks, months, quarters, years and longer periods are written as day intervals with an exclusive
    /// end ("August 2019" = 2019-08-01/2019-09-01, Recognizers-Text); false writes the truncated ISO ("2019-08").
    /// </summary>
    public bool PeriodsAsDayRanges { get; init; }

    /// <summary>
    /// "next Friday"/"last Friday" name the Friday of next/last calendar week (Recognizers-Text); false
    /// takes the next/previous Friday from the reference (Duckling, and the natural news reading).
    /// </summary>
    public bool CalendarWeekWeekdays { get; init; }

    /// <summary>A leading "at"/"on"/"in"/"during"/"around" belongs to the date's span (Duckling's spans); false leaves it out.</summary>
    public bool SpanIncludesPreposition { get; init; }

    /// <summary>
    /// "in 7 days"/"3 years ago" are read to the grain below their unit (2013-02-19T04:00 for days, 2011-02 for years:
    /// Duckling); false reads them to the day (or to the minute for hours and minutes).
    /// </summary>
    public bool ShiftToFinerGrain { get; init; }

    /// <summary>
    /// "in 3 days", "3 days later" are counted from the reference date (Duckling, RT); false leaves them out,
    /// as in news prose they are mostly durations ("the first time in 24 years") or count from another
    /// event ("a day later"). "3 days ago" and "from now" always count from the reference.
    /// </summary>
    public bool CountedOffsetsFromReference { get; init; }

    /// <summary>
    /// "now", "at present", "at the moment", "at this time" name the reference instant (Duckling, RT);
    /// false leaves them out: in news prose they say nothing about a date.
    /// </summary>
    public bool NowIsDate { get; init; }

    /// <summary>The date conventions of a named style: "news" (default), "duckling" or "recognizers-text" (also "rt").</summary>
    public AnnotationContext WithDateStyle(string style) => style.ToLowerInvariant() switch
    {
        "duckling" => this with
        {
            PreferFutureDates = true, ExclusiveIntervalEnds = true, SpanIncludesPreposition = true, ShiftToFinerGrain = true, CountedOffsetsFromReference = true,
            NowIsDate = true, DayFirst = DayFirst ?? false, Holidays = Units.Holidays.HolidayOptions.Duckling,
        },
        "recognizers-text" or "rt" => this with
        {
            PeriodsAsDayRanges = true, CalendarWeekWeekdays = true, CountedOffsetsFromReference = true, NowIsDate = true, DayFirst = DayFirst ?? false,
            Holidays = Units.Holidays.HolidayOptions.RecognizersText,
        },
        "news" => this,
        _ => throw new ArgumentException($"unknown date style '{style}' (news, duckling, recognizers-text)", nameof(style)),
    };

    /// <summary>Languages whose numbers use a decimal comma and whose dates put the day first.</summary>
    private static readonly HashSet<string> DecimalCommaLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        "de", "fr", "es", "nl", "it", "pt", "ru", "uk", "pl", "cs", "sk", "sv", "da", "no", "nb", "fi", "tr",
        "be", "bg", "ro", "hu", "hr", "sr", "sl", "el", "lt", "lv", "et", "id",
    };

    private static readonly HashSet<string> DayFirstLanguages = new(DecimalCommaLanguages, StringComparer.OrdinalIgnoreCase)
    {
        "en-GB", "en-IE", "en-AU", "en-NZ", "en-IN", "ko",
    };

    /// <summary>Whether <paramref name="language"/> (ISO 639-1) writes "1,5" for one and a half.</summary>
    public static bool UsesDecimalComma(string language) => DecimalCommaLanguages.Contains(language);

    /// <summary>
    /// The context of an article's English text: its date, and the conventions of the language it was written in
    /// (the evidence-based source of a translation, else the declared language, else the identified one).
    /// </summary>
    public static AnnotationContext For(Article article)
    {
        var source = article.TranslatedFrom ?? article.DeclaredLanguage ?? article.Language;
        var primary = source.Split('-')[0];
        return new AnnotationContext
        {
            Reference = ParseReference(article.Date),
            Deadline = article.Deadline,
            DecimalComma = DecimalCommaLanguages.Contains(primary),
            DayFirst = DayFirstLanguages.Contains(source) || DayFirstLanguages.Contains(primary) ? true : null,
        };
    }

    public const int MinReferenceYear = 2;
    public const int MaxReferenceYear = 9998;

    /// <summary>Reads an ISO 8601 date or date-time ("2024-04-02", "2013-02-12T04:30:00-02:00"); the offset is dropped.</summary>
    public static DateTime? ParseReference(string? iso)
    {
        if (string.IsNullOrWhiteSpace(iso) || iso.Length < 10)
        {
            return null;
        }

        var local = iso.Length > 19 ? iso[..19] : iso;
        if (!DateTime.TryParse(local, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var value))
        {
            return null;
        }

        // Relative dates step a year or so either way ("next year", "yesterday"); a reference at the
        // very edge of DateTime's range would step out of it.
        return value.Year is >= MinReferenceYear and <= MaxReferenceYear ? value : null;
    }

    /// <summary>Span and value conventions of quantities with units (owned by the quantities recogniser).</summary>
    public QuantityConventions Quantities { get; init; } = QuantityConventions.News;

    /// <summary>Holiday conventions (eve, next or nearest occurrence, time joined); the default reads news.</summary>
    public Holidays.HolidayOptions Holidays { get; init; } = Units.Holidays.HolidayOptions.News;

    /// <summary>
    /// Times without a date are anchored on the reference date, a bare time at its next occurrence and
    /// parts of the day with Duckling's hours ("3pm" gives 2013-02-12T15:00, "this morning" 00:00-12:00);
    /// false = a time of day ("T15:00", Recognizers-Text and news). Interval ends and the span's "at"
    /// follow <see cref="ExclusiveIntervalEnds"/> and <see cref="SpanIncludesPreposition"/>.
    /// </summary>
    public bool AnchorBareTimes { get; init; }
}
