using System.Globalization;
using System.Text.RegularExpressions;

namespace Normalize.Core.Boilerplate;

/// <summary>
/// Recognises a paragraph that is only a publication date/time ("April 2, 2024 5:28 AM",
/// "13:45, 04.01.2024", "2 April 2024") and returns it as ISO 8601.
/// </summary>
public static partial class Datelines
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static string? TryParse(string paragraph, IReadOnlyList<string> prefixes)
    {
        var text = paragraph.Trim().TrimEnd('.', '|', ' ');
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && text.Length > prefix.Length && !char.IsLetter(text[prefix.Length]))
            {
                text = text[prefix.Length..].TrimStart(':', ' ', '\u00A0');
                text = OnWord().Replace(text, "");
                break;
            }
        }

        // "…, updated at 17:45" / "(updated …)": the first date is the publication date.
        text = UpdatedTail().Replace(text, "");
        if (text.Length is < 6 or > 60)
        {
            return null;
        }

        var match = MonthFirst().Match(text);
        if (match.Success)
        {
            return Build(match, Number(match.Groups["d"]), Month(match.Groups["m"].Value));
        }

        match = DayFirst().Match(text);
        if (match.Success)
        {
            return Build(match, Number(match.Groups["d"]), Month(match.Groups["m"].Value));
        }

        match = Numeric().Match(text);
        if (match.Success)
        {
            // Dotted day.month.year is the European form; ISO is year first.
            return Build(match, Number(match.Groups["d"]),
                Number(match.Groups["mo"]));
        }

        match = Slashed().Match(text);
        if (match.Success)
        {
            // dd/mm/yyyy unless the first number cannot be a day of that reading; ambiguous is not guessed.
            var first = Number(match.Groups["a"]);
            var second = Number(match.Groups["b"]);
            return first > 12 ? Build(match, first, second)
                : second > 12 ? Build(match, second, first)
                : first == second ? Build(match, first, second)
                : AmbiguousDate;
        }

        match = Iso().Match(text);
        return match.Success
            ? Build(match, Number(match.Groups["d"]),
                Number(match.Groups["mo"]))
            : null;
    }

    /// <summary>
    /// The first full date written inside a short text ("Jun 08, 2023 • 11 min read", "By Ann Lee • March 12, 2025",
    /// "Posted on the 15/12/2025 at 19:00"), as yyyy-MM-dd, and where it starts; null when there is none or the
    /// day/month order of a numeric date cannot be told.
    /// </summary>
    public static (string Iso, int Index)? Find(string text)
    {
        text = DecimalDigits.ToAscii(text);
        (string Iso, int Index)? first = null;
        foreach (var (pattern, numeric) in Inside)
        {
            for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
            {
                if (first is { } found && match.Index >= found.Index)
                {
                    break;
                }

                var iso = numeric switch
                {
                    NumericOrder.MonthName => Build(match, Int(match.Groups["d"]), Month(match.Groups["m"].Value)),
                    NumericOrder.DayMonth => Build(match, Int(match.Groups["d"]), Int(match.Groups["mo"])),
                    _ => Unambiguous(match, Int(match.Groups["a"]), Int(match.Groups["b"])),
                };
                if (iso is { Length: > 0 })
                {
                    first = (iso, match.Index);
                    break;
                }
            }
        }

        return first;

        static int Int(Group group) => Number(group);

        static string? Unambiguous(Match match, int first, int second) =>
            first > 12 ? Build(match, first, second) : second > 12 ? Build(match, second, first) : first == second ? Build(match, first, second) : null;
    }

    private enum NumericOrder
    {
        MonthName,
        DayMonth,
        Either,
    }

    private static readonly (Regex Pattern, NumericOrder Order)[] Inside =
    [
        (MonthFirstInside(), NumericOrder.MonthName),
        (DayFirstInside(), NumericOrder.MonthName),
        (IsoInside(), NumericOrder.DayMonth),
        (NumericInside(), NumericOrder.DayMonth),
        (SlashedInside(), NumericOrder.Either),
    ];

    /// <summary>A date line whose day/month order cannot be told: still a dateline, but no date is taken.</summary>
    public const string AmbiguousDate = "";

    /// <summary>A captured number (the patterns' \d takes digits of any script, "２"); -1 when it cannot be read.</summary>
    private static int Number(Group digits) => DecimalDigits.Parse(digits.ValueSpan) ?? -1;

    private static int Month(string name)
    {
        var key = name[..3].ToLowerInvariant();
        return Array.IndexOf(Months, key) + 1;
    }

    private static string? Build(Match match, int day, int month)
    {
        var year = Number(match.Groups["y"]);
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var date = new DateOnly(year, month, day);
        var hour = match.Groups["h"];
        if (!hour.Success)
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var h = Number(hour);
        var minute = Number(match.Groups["min"]);
        var ampm = match.Groups["ampm"].Value.ToLowerInvariant().Replace(".", "");
        if (ampm == "pm" && h < 12)
        {
            h += 12;
        }
        else if (ampm == "am" && h == 12)
        {
            h = 0;
        }

        if (h is < 0 or > 23 || minute is < 0 or > 59)
        {
            return null;
        }

        return new DateTime(date, new TimeOnly(h, minute)).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }

    private const string Time = @"(?<h>\d{1,2})[:.](?<min>\d{2})\s*(?<ampm>[ap]\.?m\.?)?(\s*(?:[A-Z]{2,4}|UTC[+-]?\d*|GMT[+-]?\d*))?";
    private const string MonthName = @"(?<m>jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?";

    [GeneratedRegex(@"^(?:(?:mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?,?\s+)?" + MonthName + @"\s+(?<d>\d{1,2})(st|nd|rd|th)?,?\s+(?<y>\d{4})(?:(?:,|\s+at|\s+-|\s+·|\s+\|)?\s+" + Time + ")?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"^(?:(?:mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?,?\s+)?(?<d>\d{1,2})(st|nd|rd|th)?\.?\s+" + MonthName + @",?\s+(?<y>\d{4})(?:(?:,|\s+at|\s+-|\s+·|\s+\|)?\s+" + Time + ")?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"^(?:" + Time + @",?\s+)?(?<d>\d{1,2})\.(?<mo>\d{1,2})\.(?<y>\d{4})(?:,?\s+" + Time + ")?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"(?<![\p{L}\d])" + MonthName + @"\s+(?<d>\d{1,2})(st|nd|rd|th)?,?\s+(?<y>\d{4})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthFirstInside();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<d>\d{1,2})(st|nd|rd|th)?\.?\s+(?:of\s+)?" + MonthName + @",?\s+(?<y>\d{4})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayFirstInside();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex IsoInside();

    [GeneratedRegex(@"(?<![\p{L}\d.])(?<d>\d{1,2})\.(?<mo>\d{1,2})\.(?<y>\d{4})(?![\d.])", RegexOptions.CultureInvariant)]
    private static partial Regex NumericInside();

    [GeneratedRegex(@"(?<![\p{L}\d/])(?<a>\d{1,2})/(?<b>\d{1,2})/(?<y>\d{4})(?![\d/])", RegexOptions.CultureInvariant)]
    private static partial Regex SlashedInside();

    [GeneratedRegex(@"^(on|am|le|el|op)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex OnWord();

    [GeneratedRegex(@"^(?<a>\d{1,2})/(?<b>\d{1,2})/(?<y>\d{4})(?:,?\s+(?:at\s+|à\s+|um\s+|om\s+)?" + Time + ")?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Slashed();

    [GeneratedRegex(@"\s*[,(]?\s*(updated|last updated|modified|aktualisiert|mis à jour|bijgewerkt|actualizado)\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UpdatedTail();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})(?:[T ]" + Time + @"(:\d{2})?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Iso();
}
