using System.Globalization;
using System.Text.RegularExpressions;

namespace Normalize.Core.Units;

/// <summary>
/// Absolute dates ("2024-01-04", "Dec. 30, 2023", "19/06/2024", "04.01.2024", "13:45, 04.01.2024",
/// "April 2, 2024 5:28 AM"), partial dates completed from the reference date ("Jan. 2"),
/// weekdays and today/yesterday/tomorrow relative to it, and clock times. ISO 8601 out.
/// </summary>
internal sealed partial class DateRecognizer
{
    private const string Month =
        "(?<mon>january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)";

    private const string Weekday =
        "(?<wd>monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thu|friday|fri|saturday|sat|sunday|sun)";

    private const string Time =
        @"(?:(?<h>\d{1,2})(?::(?<mi>\d{2}))?\s?(?<ap>[ap]\.?m\.?|[AP]M)(?![a-z])|(?<h>[01]?\d|2[0-3]):(?<mi>[0-5]\d)(?::(?<s>[0-5]\d))?(?!\d))";

    private const string Day = @"(?<d>[0-3]?\d)(?:st|nd|rd|th)?";

    /// <summary>Words a date can start with (besides digits).</summary>
    public static readonly IReadOnlyList<string> TriggerWords =
    [
        "january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july", "jul",
        "august", "aug", "september", "sept", "sep", "october", "oct", "november", "nov", "december", "dec",
        "monday", "mon", "tuesday", "tues", "tue", "wednesday", "wed", "thursday", "thurs", "thu", "friday", "fri",
        "saturday", "sat", "sunday", "sun", "today", "yesterday", "tomorrow", "tonight", "last", "next", "this", "previous", "coming",
    ];

    private readonly (Regex Pattern, string Kind)[] _patterns =
    [
        (IsoDate(), "iso"),
        (TimeThenDottedDate(), "dotted"),
        (DottedDate(), "dotted"),
        (SlashedDate(), "slashed"),
        (MonthDayYear(), "named"),
        (DayMonthYear(), "named"),
        (MonthYear(), "named"),
        (RelativeDay(), "relative"),
        (WeekdayOnly(), "weekday"),
        (TimeOnly(), "time"),
    ];

    public bool TryMatch(string text, int position, AnnotationContext context, out DateSpan span)
    {
        span = null!;
        var c = text[position];
        if (!char.IsLetterOrDigit(c))
        {
            return false;
        }

        Match? best = null;
        string? bestKind = null;
        var candidates = CandidatePatterns(text, position);
        foreach (var (pattern, kind) in _patterns)
        {
            if ((candidates & KindBit(kind, pattern)) == 0)
            {
                continue;
            }

            var m = pattern.Match(text, position);
            if (m.Success && m.Index == position && m.Length > (best?.Length ?? 0) && EndsAtBoundary(text, m.Index + m.Length))
            {
                best = m;
                bestKind = kind;
            }
        }

        if (best is null || Resolve(best, bestKind!, context) is not { } resolved)
        {
            return false;
        }

        var start = position;
        var end = position + best.Length;
        span = new DateSpan
        {
            Text = text[start..end],
            Iso = resolved.Iso,
            Start = start,
            End = end,
            Grain = resolved.Grain,
            Completed = resolved.Completed,
        };
        return true;
    }

    /// <summary>
    /// Which patterns can match here, from the shape of the start (digits and the character after
    /// them, or the word): most numbers in prose are not dates and try no pattern at all.
    /// </summary>
    private static int CandidatePatterns(string text, int position)
    {
        if (!char.IsDigit(text[position]))
        {
            var wordEnd = position;
            while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
            {
                wordEnd++;
            }

            var word = text.AsSpan(position, wordEnd - position);
            foreach (var modifier in (ReadOnlySpan<string>)["last", "next", "this", "previous", "coming"])
            {
                if (word.Equals(modifier, StringComparison.OrdinalIgnoreCase))
                {
                    return NextWordIn(text, wordEnd, Weekdays) ? WeekdayBit : 0;
                }
            }

            return NamedBit | RelativeBit | WeekdayBit;
        }

        var end = position;
        while (end < text.Length && char.IsDigit(text[end]))
        {
            end++;
        }

        var digits = end - position;
        var next = end < text.Length ? text[end] : ' ';
        return next switch
        {
            '-' when digits == 4 => IsoBit,
            '.' when digits <= 2 => DottedBit,
            '/' when digits <= 2 => SlashedBit,
            ':' when digits <= 2 => DottedBit | TimeBit,
            _ when digits <= 2 => DayFirstShapes(text, end),
            _ => 0,
        };
    }

    private static readonly HashSet<string> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    private static readonly HashSet<string> MonthsAndOf = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july", "jul",
        "august", "aug", "september", "sept", "sep", "october", "oct", "november", "nov", "december", "dec", "of",
    };

    /// <summary>After a one- or two-digit number: "5 pm"/"5pm" (time) or "30 December", "9th of May" (day first).</summary>
    private static int DayFirstShapes(string text, int end)
    {
        var p = end;
        if (p + 1 < text.Length && char.IsLetter(text[p]) && char.IsLetter(text[p + 1])
            && text.AsSpan(p, 2) is var suffix && (suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)))
        {
            p += 2;
        }

        var bits = 0;
        var q = p < text.Length && text[p] == ' ' ? p + 1 : p;
        if (q < text.Length && text[q] is 'a' or 'p' or 'A' or 'P')
        {
            bits |= TimeBit;
        }

        if (NextWordIn(text, p, MonthsAndOf))
        {
            bits |= NamedBit;
        }

        return bits;
    }

    private static bool NextWordIn(string text, int position, HashSet<string> words)
    {
        var p = position;
        while (p < text.Length && text[p] == ' ')
        {
            p++;
        }

        var end = p;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return end > p && p > position && words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(p, end - p));
    }

    private const int IsoBit = 1, DottedBit = 2, SlashedBit = 4, NamedBit = 8, RelativeBit = 16, WeekdayBit = 32, TimeBit = 64;

    private static int KindBit(string kind, Regex pattern) => kind switch
    {
        "iso" => IsoBit,
        "dotted" => DottedBit,
        "slashed" => SlashedBit,
        "named" => NamedBit,
        "relative" => RelativeBit,
        "weekday" => WeekdayBit,
        _ => TimeBit,
    };

    private static bool EndsAtBoundary(string text, int end) =>
        end >= text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(text[end - 1]);

    private static (string Iso, string Grain, bool Completed)? Resolve(Match m, string kind, AnnotationContext context)
    {
        var g = m.Groups;
        switch (kind)
        {
            case "iso":
                return Build(Int(g["y"]), Int(g["mo"]), Int(g["d"]), m, false);
            case "dotted":
                return Build(Year(g["y"]), Int(g["mo"]), Int(g["d"]), m, false);
            case "slashed":
            {
                var a = Int(g["a"]);
                var b = Int(g["b"]);
                int day, month;
                if (a > 12 && b <= 12)
                {
                    (day, month) = (a, b);
                }
                else if (b > 12 && a <= 12)
                {
                    (day, month) = (b, a);
                }
                else if (a == b)
                {
                    (day, month) = (a, b);
                }
                else if (context.DayFirst is { } dayFirst)
                {
                    (day, month) = dayFirst ? (a, b) : (b, a);
                }
                else
                {
                    return null;
                }

                return Build(Year(g["y"]), month, day, m, false);
            }

            case "named":
            {
                var month = MonthNumber(g["mon"].Value);
                if (month == 0)
                {
                    return null;
                }

                if (!g["d"].Success)
                {
                    var year = Int(g["y"]);
                    return year is >= 1000 and <= 2999 ? ($"{year:D4}-{month:D2}", "month", false) : null;
                }

                var dayOfMonth = Int(g["d"]);
                if (g["y"].Success)
                {
                    return Build(Int(g["y"]), month, dayOfMonth, m, false);
                }

                if (context.Reference is not { } reference)
                {
                    return null;
                }

                var nearest = NearestYear(reference, month, dayOfMonth);
                return nearest is null ? null : Build(nearest.Value, month, dayOfMonth, m, true);
            }

            case "relative":
            {
                if (context.Reference is not { } reference)
                {
                    return null;
                }

                var offset = g["r"].Value.ToLowerInvariant() switch
                {
                    "today" or "tonight" => 0,
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                var day = reference.Date.AddDays(offset);
                return Build(day.Year, day.Month, day.Day, m, true);
            }

            case "weekday":
            {
                if (context.Reference is not { } reference)
                {
                    return null;
                }

                var target = WeekdayNumber(g["wd"].Value);
                var diff = ((target - (int)reference.DayOfWeek) % 7 + 7) % 7;
                switch (g["mod"].Value.ToLowerInvariant())
                {
                    case "last" or "previous":
                        diff = diff == 0 ? -7 : diff - 7;
                        break;
                    case "next" or "coming":
                        diff = diff == 0 ? 7 : diff;
                        break;
                    case "this":
                        // The same Monday-to-Sunday week as the reference.
                        var referenceIndex = ((int)reference.DayOfWeek + 6) % 7;
                        diff = (target + 6) % 7 - referenceIndex;
                        break;
                    default:
                        if (diff > 3)
                        {
                            diff -= 7;
                        }

                        break;
                }

                var day = reference.Date.AddDays(diff);
                return Build(day.Year, day.Month, day.Day, m, true);
            }

            case "time":
                return TimeOf(m) is { } time ? ("T" + time, "time", false) : null;
        }

        return null;
    }

    private static (string, string, bool)? Build(int year, int month, int day, Match m, bool completed)
    {
        if (month is < 1 or > 12 || year is < 1000 or > 2999 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var iso = $"{year:D4}-{month:D2}-{day:D2}";
        if (TimeOf(m) is { } time)
        {
            return (iso + "T" + time, "minute", completed);
        }

        if (m.Groups["h"].Success)
        {
            return null;
        }

        return (iso, "day", completed);
    }

    /// <summary>"5:28 AM" gives "05:28"; null when the hour or minute is out of range.</summary>
    private static string? TimeOf(Match m)
    {
        if (!m.Groups["h"].Success)
        {
            return null;
        }

        var hour = Int(m.Groups["h"]);
        var minute = m.Groups["mi"].Success ? Int(m.Groups["mi"]) : 0;
        var second = m.Groups["s"].Success ? Int(m.Groups["s"]) : 0;
        if (m.Groups["ap"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }

            var pm = char.ToLowerInvariant(m.Groups["ap"].Value[0]) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }

        if (hour > 23 || minute > 59)
        {
            return null;
        }

        return second > 0 ? $"{hour:D2}:{minute:D2}:{second:D2}" : $"{hour:D2}:{minute:D2}";
    }

    /// <summary>The year that puts month/day closest to the reference (a January date in a December article is next year's).</summary>
    private static int? NearestYear(DateTime reference, int month, int day)
    {
        int? best = null;
        var bestDistance = double.MaxValue;
        for (var year = reference.Year - 1; year <= reference.Year + 1; year++)
        {
            if (day > DateTime.DaysInMonth(year, month))
            {
                continue;
            }

            var distance = Math.Abs((new DateTime(year, month, day) - reference.Date).TotalDays);
            if (distance < bestDistance)
            {
                best = year;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);

    private static int Year(Group g)
    {
        var year = Int(g);
        return g.Value.Length == 2 ? (year < 50 ? 2000 + year : 1900 + year) : year;
    }

    private static int MonthNumber(string name) => name.ToLowerInvariant()[..3] switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, "dec" => 12, _ => 0,
    };

    private static int WeekdayNumber(string name) => name.ToLowerInvariant()[..3] switch
    {
        "sun" => 0, "mon" => 1, "tue" => 2, "wed" => 3, "thu" => 4, "fri" => 5, _ => 6,
    };

    [GeneratedRegex(@"\G(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})(?:[T ](?<h>[01]\d|2[0-3]):(?<mi>[0-5]\d)(?::(?<s>[0-5]\d))?)?(?!\d)")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\G" + Time + @",?\s+(?<d>[0-3]?\d)\.(?<mo>[01]?\d)\.(?<y>\d{4})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex TimeThenDottedDate();

    [GeneratedRegex(@"\G(?<d>[0-3]?\d)\.(?<mo>[01]?\d)\.(?<y>\d{4})(?![\d.])(?:,?\s+(?:at\s+)?" + Time + ")?", RegexOptions.IgnoreCase)]
    private static partial Regex DottedDate();

    [GeneratedRegex(@"\G(?<a>[0-3]?\d)/(?<b>[0-3]?\d)/(?<y>\d{4}|\d{2})(?![\d/])(?:,?\s+(?:at\s+)?" + Time + ")?", RegexOptions.IgnoreCase)]
    private static partial Regex SlashedDate();

    [GeneratedRegex(@"\G(?:" + Weekday + @",?\s+)?" + Month + @"\.?\s+" + Day + @"(?!\d)(?:\s?,?\s+(?<y>\d{4})(?!\d))?(?:,?\s+(?:at\s+)?" + Time + ")?", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\G(?:" + Weekday + @",?\s+)?(?:the\s+)?" + Day + @"(?:\s+of)?\s+" + Month + @"\b\.?(?:,?\s+(?<y>\d{4})(?!\d))?(?:,?\s+(?:at\s+)?" + Time + ")?", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\G" + Month + @"\.?,?\s+(?<y>\d{4})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\G(?<r>today|yesterday|tomorrow|tonight)\b(?:,?\s+(?:at\s+)?" + Time + ")?", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeDay();

    [GeneratedRegex(@"\G(?:(?<mod>last|next|this|previous|coming)\s+)?(?<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WeekdayOnly();

    [GeneratedRegex(@"\G" + Time, RegexOptions.IgnoreCase)]
    private static partial Regex TimeOnly();
}
