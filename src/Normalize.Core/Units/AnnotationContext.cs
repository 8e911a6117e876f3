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

    /// <summary>Which vague or positional words count as numbers (news reading unless a peer convention is asked for).</summary>
    public NumberReading Numbers { get; init; } = NumberReading.News;

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

    /// <summary>The context of an article: its date, and the conventions of the language it was written in.</summary>
    public static AnnotationContext For(Article article)
    {
        var source = article.TranslatedFrom ?? article.Language;
        var primary = source.Split('-')[0];
        return new AnnotationContext
        {
            Reference = ParseReference(article.Date),
            DecimalComma = DecimalCommaLanguages.Contains(primary),
            DayFirst = DayFirstLanguages.Contains(source) || DayFirstLanguages.Contains(primary) ? true : null,
        };
    }

    /// <summary>Reads an ISO 8601 date or date-time ("2024-04-02", "2013-02-12T04:30:00-02:00"); the offset is dropped.</summary>
    public static DateTime? ParseReference(string? iso)
    {
        if (string.IsNullOrWhiteSpace(iso) || iso.Length < 10)
        {
            return null;
        }

        var local = iso.Length > 19 ? iso[..19] : iso;
        return DateTime.TryParse(local, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var value) ? value : null;
    }

    /// <summary>Span and value conventions of quantities with units (owned by the quantities recogniser).</summary>
    public QuantityConventions Quantities { get; init; } = QuantityConventions.News;

    /// <summary>
    /// Times without a date are anchored on the reference date, a bare time at its next occurrence
    /// and interval ends one grain past ("3pm" gives 2013-02-12T15:00, Duckling); false = a time
    /// of day ("T15:00", Recognizers-Text and news).
    /// </summary>
    public bool AnchorBareTimes { get; init; }
}
