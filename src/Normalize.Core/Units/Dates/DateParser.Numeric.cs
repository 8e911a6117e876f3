using System.Globalization;
using System.Text.RegularExpressions;

namespace Normalize.Core.Units.Dates;

/// <summary>Dates in digits ("2024-01-04", "19/06/2024", "04.01.2024", "31-Oct-74", "2/2013"), quarters, weeks, years, decades.</summary>
internal sealed partial class DateParser
{
    private const string MonthName =
        "(?<mon>january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)";

    /// <summary>Digit shapes, tried at a number (or month name) start; the longest match wins.</summary>
    private static readonly Regex[] NumericShapes =
    [
        IsoDate(), IsoMonth(), CompactDate(), SpacedIsoDate(), DottedDate(), SlashedDate(), MonthYearDigits(), MonthDayDigits(),
        DayMonYear(), YearMonDay(), MonDayYear(), MonYearDay(), DayYearMon(), MonSlashDay(),
    ];

    private bool TryNumeric(int i, out Parsed p)
    {
        p = default;
        if (!IsNumber(i) && Month(i) is null)
        {
            return false;
        }

        var start = _t[i].Start;

        Match? best = null;
        foreach (var shape in NumericShapes)
        {
            var m = shape.Match(_text, start);
            if (m.Success && m.Length > (best?.Length ?? 0))
            {
                best = m;
            }
        }

        if (best is null || TokenEndingAt(start + best.Length) is not { } end)
        {
            return false;
        }

        var g = best.Groups;
        int? year = g["y"].Success ? FullYear(g["y"].Value) : null;
        int? month = g["mon"].Success ? Month(g["mon"].Value) : g["mo"].Success ? Int(g["mo"].Value) : null;
        int? day = g["d"].Success ? Int(g["d"].Value) : null;
        if (g["a"].Success)
        {
            // Two numbers of unknown order: day/month or month/day.
            var a = Int(g["a"].Value);
            var b = Int(g["b"].Value);
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
            else if (_context.DayFirst is { } dayFirst)
            {
                (day, month) = dayFirst ? (a, b) : (b, a);
            }
            else
            {
                return false;
            }

            // Without a year only the US month/day order is read, and only when it is declared; "6-8 next Monday",
            // "Monday 3-8pm" are hours.
            if (year is null && (_context.DayFirst is not false || a > 12 || g["sep"].Value == "-" && (TokenEndingAt(start + best.Length) is { } after && IsTimeOrDayWord(after) || PreviousWord(_t[i].Start) is { } before && _words.Weekdays.ContainsKey(before))))
            {
                return false;
            }
        }

        if (month is null or < 1 or > 12 || day is < 1 or > 31 || year is < 1000 or > 2999)
        {
            return false;
        }

        if (year is { } y && day is { } dd && dd > DateTime.DaysInMonth(y, month.Value))
        {
            return false;
        }

        var cal = new Cal(year, month, day);
        if (g["h"].Success)
        {
            var hour = Int(g["h"].Value);
            var minute = Int(g["mi"].Value);
            var second = g["s"].Success ? Int(g["s"].Value) : 0;
            if (hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }

            cal = cal with { Time = new TimeSpan(hour, minute, second), Seconds = second > 0 };
        }

        p = new Parsed(end, cal, null);
        return true;
    }

    private bool IsTimeOrDayWord(int k) =>
        IsWord(k) && (_t[k].Text is "am" or "pm" or "a" or "p" || Weekday(k) is not null || Shift(k) is not null || _words.RelativeDays.ContainsKey(_t[k].Text));

    /// <summary>The index after the token that ends at <paramref name="charEnd"/>, if one does.</summary>
    private int? TokenEndingAt(int charEnd)
    {
        for (var k = 0; k < _t.Count; k++)
        {
            if (_t[k].End == charEnd)
            {
                return k + 1;
            }

            if (_t[k].End > charEnd)
            {
                return null;
            }
        }

        return null;
    }

    private static int FullYear(string digits)
    {
        var y = Int(digits);
        return digits.Length == 2 ? (y < 50 ? 2000 + y : 1900 + y) : y;
    }

    /// <summary>A digit token's value; a run too long for any date part saturates instead of overflowing.</summary>
    private static int Int(string digits) => DecimalDigits.Parse(digits) ?? int.MaxValue;

    private int? Month(string word) => _words.Months.TryGetValue(word, out var m) ? m : null;

    // ---- quarters, weeks, years, decades, centuries, nth-of -------------------------------------------------

    /// <summary>"Q1 2019", "2019-Q1", "2017 q1", "H2 2019", "week 31", "the year 2008", "1990s", "the nineties", "21st century", "in 2019".</summary>
    private bool TryYearLike(int i, out Parsed p)
    {
        p = default;
        // Quarter or half: "q3 2019", "q1-2019", "Q1"
        if (QuarterWord(i) is { } q)
        {
            var k = i + 2;
            if (IsPunct(k, "-", ",") && IsNumber(k + 1))
            {
                k++;
            }

            if (Year(k, allowBare: true) is { } qy)
            {
                p = new Parsed(k + 1, null, QuarterOf(qy, q));
                return true;
            }

            if (ReferenceDate is { } r && char.IsUpper(_text[_t[i].Start]))
            {
                p = new Parsed(i + 2, null, QuarterOf(r.Year, q));
                return true;
            }

            return false;
        }

        // "2019 H2", "2017-q1", "2017 q1"
        if (Year(i, allowBare: true) is { } y0)
        {
            var k = IsPunct(i + 1, "-") ? i + 2 : i + 1;
            if (QuarterWord(k) is { } q2 && (k == i + 1 || !_t[i + 1].SpaceBefore))
            {
                p = new Parsed(k + 2, null, QuarterOf(y0, q2));
                return true;
            }
        }

        // "week 31", "week 3 of 2027"
        if (IsWord(i, "week") && IsNumber(i + 1) && Int(_t[i + 1].Text) is >= 1 and <= 53 && ReferenceDate is { } wr)
        {
            var year = wr.Year;
            var e = i + 2;
            if (IsWord(e, "of") && Year(e + 1, allowBare: true) is { } wy)
            {
                (year, e) = (wy, e + 2);
            }

            var monday = ISOWeek.ToDateTime(year, Int(_t[i + 1].Text), DayOfWeek.Monday);
            p = new Parsed(e, null, DateValue.Of(new Period(monday, Grain.Week)));
            return true;
        }

        // "the year 2008", "year 2008", "cy 2008", "cy18", "calendar year 2008"
        var yk = IsWord(i, "the") ? i + 1 : i;
        yk = IsWord(yk, "calendar") && IsWord(yk + 1, "year") ? yk + 1 : yk;
        if (IsWord(yk, "year", "cy") && Year(yk + 1, allowBare: true, allowShort: IsWord(yk, "cy") && !_t[yk + 1].SpaceBefore) is { } named)
        {
            p = new Parsed(yk + 2, null, DateValue.Of(new Period(new DateTime(named, 1, 1), Grain.Year)));
            return true;
        }

        // "1990s", "the 90s", "the nineties"
        if (IsNumber(i) && IsWordExact(i + 1, "s") && !_t[i + 1].SpaceBefore && _t[i].Text.Length is 4 or 2)
        {
            var n = Int(_t[i].Text);
            var decade = _t[i].Text.Length == 4 ? n : 1900 + n;
            if (decade % 10 == 0 && decade is >= 1000 and <= 2990 && (_t[i].Text.Length == 4 || IsWord(i - 1, "the") || PreviousWord(_t[i].Start) is "the" or "in" or "early" or "late" or "mid"))
            {
                p = new Parsed(i + 2, null, Decade(decade));
                return true;
            }
        }

        var dk = IsWord(i, "the") ? i + 1 : i;
        if (IsWord(dk) && _words.Decades.TryGetValue(_t[dk].Text, out var tens) && (dk > i || PreviousWord(_t[dk].Start) is "in" or "the" or "early" or "late" or "mid"))
        {
            p = new Parsed(dk + 1, null, Decade(1900 + tens));
            return true;
        }

        // "21st century", "the 15th century"
        var ck = IsWord(i, "the") ? i + 1 : i;
        if (DayNumber(ck, out var nth, out var afterNth) && IsWord(afterNth, "century") && nth is >= 1 and <= 30 && (HasOrdinalSuffix(ck) || IsOrdinalWord(ck)))
        {
            var first = new Period(new DateTime(Math.Max(1, (nth - 1) * 100), 1, 1), Grain.Year);
            p = new Parsed(afterNth + 1, null, DateValue.Span(first, first.Shift(99)));
            return true;
        }

        // "in nineteen ninety six", "in two thousand and fifteen"
        // ("in two thousand and five" stays a number: a count as often as a year.)
        if (PreviousWord(_t[i].Start) is "in" or "since" && !IsWord(i, "two") && YearInWords(i, out var spelled, out var spelledEnd) && spelled is >= 1000 and <= 2999)
        {
            p = new Parsed(spelledEnd, null, DateValue.Of(new Period(new DateTime(spelled, 1, 1), Grain.Year)));
            return true;
        }

        // A year after a preposition: "in 2019", "since 2015", "between 2010 and 2015", "2014-2018".
        if (Year(i, allowBare: true) is { } bare && BareYearAllowed(i))
        {
            if (IsWord(i + 1, "bc", "bce") && PreferFuture)
            {
                return false;
            }

            p = new Parsed(i + 1, null, DateValue.Of(new Period(new DateTime(bare, 1, 1), Grain.Year)));
            return true;
        }

        return false;
    }

    /// <summary>A decade as the span of its ten years ("1990s" = 1990/1999).</summary>
    private static DateValue Decade(int first)
    {
        var year = new Period(new DateTime(first, 1, 1), Grain.Year);
        return DateValue.Span(year, year.Shift(9));
    }

    private bool PreferFuture => _context.PreferFutureDates;

    /// <summary>
    /// A bare four-digit number is a year only where prose makes it one: after a date preposition, or as
    /// one end of a year range ("2014-2018"), never "2000 pieces", "1500 soldiers".
    /// </summary>
    private bool BareYearAllowed(int i)
    {
        var n = Int(_t[i].Text);
        if (n is < 1900 or > 2099 && !(IsWord(i - 1) && PreviousWord(_t[i].Start) is "in" or "since" or "of"))
        {
            return false;
        }

        // "2000 pieces", "1500 soldiers": a count of a plural noun ("the 2020 election" is a year).
        if (IsWord(i + 1) && _t[i + 1].Text.Length > 3 && _t[i + 1].Text.EndsWith('s') && _t[i + 1].Text is not ("this" or "was" or "has"))
        {
            return false;
        }

        var previous = PreviousWord(_t[i].Start);
        if (previous is "in" or "since" or "until" or "till" or "by" or "from" or "during" or "before" or "after" or "between" or "and" or "to"
            or "through" or "of" or "year" or "than" or "mid" or "early" or "late")
        {
            return true;
        }

        // "2014-2018", "2014~2018": a range of years.
        if (IsPunct(i + 1, "-", "~", "–") && IsNumber(i + 2) && _t[i + 2].Text.Length == 4 && Int(_t[i + 2].Text) > n)
        {
            return true;
        }

        return IsPunct(i - 1, "-", "~", "–") || (i == 0 && _t.Count == 1 && _t[0].Start == 0 && _text.Length == 4) || PreviousChar(_t[i].Start) is '=' or '>';
    }

    /// <summary>A quarter, or a half year as the span of its two quarters.</summary>
    private static DateValue QuarterOf(int year, (int N, bool Half) q)
    {
        if (!q.Half)
        {
            return DateValue.Of(new Period(new DateTime(year, (q.N - 1) * 3 + 1, 1), Grain.Quarter));
        }

        var first = new Period(new DateTime(year, q.N == 1 ? 1 : 7, 1), Grain.Quarter);
        return DateValue.Span(first, first.Shift(1));
    }

    private (int N, bool Half)? QuarterWord(int i)
    {
        if (!IsWord(i) || _t[i].Text.Length != 1 || !IsNumber(i + 1) || _t[i + 1].SpaceBefore || _t[i + 1].Text.Length != 1)
        {
            return null;
        }

        var n = Int(_t[i + 1].Text);
        (int N, bool Half)? result = _t[i].Text switch
        {
            "q" when n is >= 1 and <= 4 => (n, false),
            "h" when n is 1 or 2 => (n, true),
            _ => null,
        };
        return result is not null && (i + 2 >= _t.Count || _t[i + 2].SpaceBefore || !IsWord(i + 2)) ? result : null;
    }

    /// <summary>
    /// "first Monday of March", "the last friday in october", "third day of october", "20th day of next month",
    /// "first week of october 2014", "the first quarter of 2013", "the last week of july", "3rd qtr".
    /// </summary>
    private bool TryNth(int i, out Parsed p)
    {
        p = default;
        if (TryFirstUnitsOf(i, out p))
        {
            return true;
        }

        var k = IsWord(i, "the") ? i + 1 : i;
        int n;
        int afterN;
        if (IsWord(k, "last"))
        {
            (n, afterN) = (-1, k + 1);
        }
        else if (!(DayNumber(k, out n, out afterN) && (HasOrdinalSuffix(k) || IsOrdinalWord(k)) && (n <= 5 || IsWord(afterN, "day"))))
        {
            return false;
        }

        // "fifth last day of May"
        if (n > 0 && IsWord(afterN, "last"))
        {
            (n, afterN) = (-n, afterN + 1);
        }

        var what = afterN;
        if (GrainAt(what) is { Count: 1 } g && g.Unit is Grain.Quarter && n > 0)
        {
            var e = what + 1;
            int? year = null;
            if (IsWord(e, "of", "in") && (Year(e + 1, allowBare: true) is { } qy))
            {
                (year, e) = (qy, e + 2);
            }
            else if (IsWord(e, "of") && IsWord(e + 1, "the") && IsWord(e + 2, "year"))
            {
                (year, e) = (ReferenceDate?.Year, e + 3);
            }
            else if (!IsWord(e, "of"))
            {
                year = ReferenceDate?.Year;
            }

            if (year is null || n > 4)
            {
                return false;
            }

            p = new Parsed(e, null, QuarterOf(year.Value, (n, false)));
            return true;
        }

        var weekday = Weekday(what);
        var isDay = IsWord(what, "day");
        var isWeek = IsWord(what, "week");
        if (weekday is null && !isDay && !isWeek)
        {
            return false;
        }

        var of = what + 1;
        if (!IsWord(of, "of", "in"))
        {
            return false;
        }

        if (!TryContainer(of + 1, out var container, out var end))
        {
            return false;
        }

        var first = container.From.Start;
        var after = container.From.End;
        DateTime? found = null;
        if (isDay)
        {
            found = n > 0 ? first.AddDays(n - 1) : after.AddDays(n);
        }
        else
        {
            var target = weekday ?? 1; // weeks are counted by their Mondays
            if (n > 0)
            {
                var d = first.AddDays((target - Period.IsoWeekday(first) + 7) % 7);
                found = d.AddDays(7 * (n - 1));
            }
            else if (isWeek)
            {
                // The last week is the last one that ends inside the period ("the last week of 2018" = Dec 24-30).
                var lastDay = after.AddDays(-1);
                var sunday = lastDay.AddDays(-(Period.IsoWeekday(lastDay) % 7));
                found = sunday.AddDays(-6 + 7 * (n + 1));
            }
            else
            {
                var lastDay = after.AddDays(-1);
                var d = lastDay.AddDays(-((Period.IsoWeekday(lastDay) - target + 7) % 7));
                found = d.AddDays(7 * (n + 1));
            }
        }

        if (found is not { } date || date < first || date >= after)
        {
            return false;
        }

        p = new Parsed(end, null, DateValue.Of(new Period(date, isWeek ? Grain.Week : Grain.Day)));
        return true;
    }

    /// <summary>"the first 2 weeks of 2021", "the last 3 days of March": a stretch at the start or end of a period.</summary>
    private bool TryFirstUnitsOf(int i, out Parsed p)
    {
        p = default;
        var k = IsWord(i, "the") ? i + 1 : i;
        if (!IsWord(k, "first", "last") || !TryCount(k + 1, out var n, out var afterCount) || n < 2 || GrainAt(afterCount) is not { } g
            || g.Unit is not (Grain.Day or Grain.Week or Grain.Month) || !IsWord(afterCount + 1, "of", "in")
            || !TryContainer(afterCount + 2, out var container, out var end))
        {
            return false;
        }

        var whole = container.From;
        Period first;
        if (g.Unit == Grain.Week)
        {
            // weeks are counted by their Mondays
            var monday = whole.Start.AddDays((8 - Period.IsoWeekday(whole.Start)) % 7);
            first = new Period(monday, Grain.Week);
        }
        else
        {
            first = new Period(whole.Start, g.Unit);
        }

        var lastUnit = first.Shift(n * g.Count - 1);
        if (IsWord(k, "last"))
        {
            lastUnit = new Period(Period.Add(whole.End, g.Unit, -1), g.Unit);
            first = lastUnit.Shift(-(n * g.Count - 1));
        }

        p = new Parsed(end, null, DateValue.Span(first, lastUnit));
        return true;
    }

    /// <summary>What "of"/"in" can name: a month ("October 2014", "next month", "the month"), a year ("2018", "this year").</summary>
    private bool TryContainer(int i, out DateValue value, out int end)
    {
        value = null!;
        end = i;
        if (ReferenceDate is { } reference && IsWord(i, "the") && GrainAt(i + 1) is { Count: 1 } g && g.Unit is Grain.Month or Grain.Year)
        {
            value = DateValue.Of(Period.Containing(reference, g.Unit));
            end = i + 2;
            return true;
        }

        if (ReferenceDate is { } r2 && IsWord(i, "the") && IsWord(i + 1) && _words.Shifts.TryGetValue(_t[i + 1].Text, out var s0) && GrainAt(i + 2) is { Count: 1 } g0 && g0.Unit is Grain.Month)
        {
            value = DateValue.Of(Period.Containing(r2, g0.Unit).Shift(s0));
            end = i + 3;
            return true;
        }

        if (Year(i, allowBare: true) is { } y)
        {
            value = DateValue.Of(new Period(new DateTime(y, 1, 1), Grain.Year));
            end = i + 1;
            return true;
        }

        if (TrySingle(i, out var p) && Resolve(p) is { IsInterval: false } v && v.From.Grain is Grain.Month or Grain.Year or Grain.Quarter)
        {
            value = v;
            end = p.End;
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"\G(?<y>\d{4})[-/](?<mo>\d{1,2})[-/](?<d>\d{1,2})(?:[T ](?<h>[01]\d|2[0-3]):(?<mi>[0-5]\d)(?::(?<s>[0-5]\d))?)?(?!\d|[/-]\d)")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\G(?<y>(?:19|20)\d{2})-(?<mo>0[1-9]|1[0-2])(?![\d-])")]
    private static partial Regex IsoMonth();

    [GeneratedRegex(@"\G(?<y>(?:19|20)\d{2})(?<mo>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\d|3[01])(?!\d)")]
    private static partial Regex CompactDate();

    [GeneratedRegex(@"\G(?<y>(?:19|20)\d{2}) (?<mo>0?[1-9]|1[0-2]) (?<d>0?[1-9]|[12]\d|3[01])(?![\d:])")]
    private static partial Regex SpacedIsoDate();

    [GeneratedRegex(@"\G(?<d>[0-3]?\d)\.(?<mo>[01]?\d)\.(?<y>\d{4})(?![\d.])(?:,?\s+(?<h>[01]?\d|2[0-3]):(?<mi>[0-5]\d)(?::(?<s>[0-5]\d))?(?!\d))?")]
    private static partial Regex DottedDate();

    [GeneratedRegex(@"\G(?<a>[0-3]?\d)(?<sep>[/-])(?<b>[0-3]?\d)\k<sep>(?<y>\d{4}|\d{2})(?![\d/]|-\d)")]
    private static partial Regex SlashedDate();

    [GeneratedRegex(@"\G(?<mo>0?[1-9]|1[0-2])[/-](?<y>(?:19|20)\d{2})(?![\d/-])")]
    private static partial Regex MonthYearDigits();

    [GeneratedRegex(@"\G(?<a>[0-3]?\d)(?<sep>[/-])(?<b>[0-3]?\d)(?![\d/]|\.\d|-\d+(?![/-]))")]
    private static partial Regex MonthDayDigits();

    [GeneratedRegex(@"\G(?<d>[0-3]?\d)[-/ ]" + MonthName + @"[-/ ](?<y>\d{4}|\d{2})(?![\d/-])", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonYear();

    [GeneratedRegex(@"\G(?<y>\d{4})[-/]" + MonthName + @"[-/](?<d>[0-3]?\d)(?![\d/-])", RegexOptions.IgnoreCase)]
    private static partial Regex YearMonDay();

    [GeneratedRegex(@"\G" + MonthName + @"[a-z]*-(?<d>[0-3]?\d)-(?<y>\d{4})(?![\d/-])", RegexOptions.IgnoreCase)]
    private static partial Regex MonDayYear();

    [GeneratedRegex(@"\G" + MonthName + @"[a-z]*-(?<y>\d{4})-(?<d>[0-3]?\d)(?![\d/-])", RegexOptions.IgnoreCase)]
    private static partial Regex MonYearDay();

    [GeneratedRegex(@"\G(?<d>[0-3]?\d)-(?<y>\d{4})-" + MonthName + @"[a-z]*\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayYearMon();

    [GeneratedRegex(@"\G" + MonthName + @"/(?<d>[0-3]?\d)(?![\d/])", RegexOptions.IgnoreCase)]
    private static partial Regex MonSlashDay();
}
