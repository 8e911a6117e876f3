using System.Globalization;

namespace Normalize.Core.Units.Holidays;

/// <summary>One occurrence of a holiday: its first day and its length in days.</summary>
public readonly record struct HolidayDays(DateTime First, int Days, bool Eve, bool Nights = false);

/// <summary>
/// Turns the rules of <see cref="HolidayTable"/> into days: fixed days, nth weekdays, Easter
/// (computus), the Hebrew, Islamic (Umm al-Qura) and Chinese calendars of .NET, tables per year,
/// offsets from other holidays and observance moves.
/// </summary>
public sealed class HolidayCalendar
{
    private static readonly HebrewCalendar Hebrew = new();
    private static readonly UmAlQuraCalendar Hijri = new();
    private static readonly ChineseLunisolarCalendar Chinese = new();

    private readonly Dictionary<string, HolidayEntry> _byName;

    /// <summary>Days already worked out (the Hindu calendar takes a few hundred microseconds a year).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(HolidayEntry, int), IReadOnlyList<HolidayDays>> _cache = new();

    public HolidayCalendar(HolidayTable table)
    {
        _byName = new Dictionary<string, HolidayEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var holiday in table.Holidays)
        {
            _byName[holiday.Name] = holiday;
        }

        foreach (var holiday in table.Holidays)
        {
            Validate(holiday);
        }
    }

    /// <summary>The occurrences that begin in Gregorian <paramref name="year"/> (two for Islamic holidays some years), in order.</summary>
    public IReadOnlyList<HolidayDays> In(HolidayEntry holiday, int year) =>
        year is < 1000 or > 2999 ? [] : _cache.GetOrAdd((holiday, year), key => Compute(key.Item1, key.Item2));

    private List<HolidayDays> Compute(HolidayEntry holiday, int year)
    {
        var result = new List<HolidayDays>();
        try
        {
            foreach (var first in DaysOfYear(holiday, year, depth: 0))
            {
                var day = Moved(holiday, first);
                if (day.Year == year && !result.Any(r => r.First == day))
                {
                    result.Add(new HolidayDays(day, holiday.Nights ?? Length(holiday, day), holiday.Eve, holiday.Nights is not null));
                }
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            // Past the years a calendar's tables cover (Hebrew 1583-2239, Umm al-Qura 1900-2077, Chinese 1901-2100).
            return [];
        }

        result.Sort((a, b) => a.First.CompareTo(b.First));
        return result;
    }

    /// <summary>Occurrences in the years around <paramref name="year"/>, in order.</summary>
    public IEnumerable<HolidayDays> Around(HolidayEntry holiday, int year, int yearsEachSide)
    {
        for (var y = year - yearsEachSide; y <= year + yearsEachSide; y++)
        {
            foreach (var days in In(holiday, y))
            {
                yield return days;
            }
        }
    }

    /// <summary>The table of dates wins for the years it lists (published almanac days); the rule gives the others.</summary>
    private IEnumerable<DateTime> DaysOfYear(HolidayEntry h, int year, int depth)
    {
        if (h.Dates is { } table && table.TryGetValue(year, out var listed))
        {
            var (month, day) = MonthDay(listed);
            return [new DateTime(year, month, day)];
        }

        return FirstDays(h, year, depth);
    }

    private IEnumerable<DateTime> FirstDays(HolidayEntry h, int year, int depth)
    {
        if (h.Date is { } date)
        {
            var (month, day) = MonthDay(date);
            if (day <= DateTime.DaysInMonth(year, month))
            {
                yield return new DateTime(year, month, day);
            }
        }
        else if (h.Weekday is { } nth)
        {
            yield return NthWeekdayOf(year, nth.Month, WeekdayOf(nth.Day), nth.Nth);
        }
        else if (h.Easter is { } offset)
        {
            yield return WesternEaster(year).AddDays(offset);
        }
        else if (h.OrthodoxEaster is { } orthodoxOffset)
        {
            yield return OrthodoxEaster(year).AddDays(orthodoxOffset);
        }
        else if (h.Hebrew is { } hebrew)
        {
            // A Hebrew year starts in September/October: the day may be in either one that overlaps.
            foreach (var hebrewYear in new[] { year + 3760, year + 3761 })
            {
                if (InCalendar(Hebrew, hebrewYear, HebrewMonth(hebrew.Month, Hebrew.IsLeapYear(hebrewYear)), hebrew.Day) is { } d)
                {
                    yield return d;
                }
            }
        }
        else if (h.Hijri is { } hijri)
        {
            // The Islamic year is 11 days shorter: one Gregorian year meets two or three of them.
            var approx = (int)Math.Round((year - 622) * 33.0 / 32.0);
            for (var hijriYear = approx - 1; hijriYear <= approx + 2; hijriYear++)
            {
                if (InCalendar(Hijri, hijriYear, int.Parse(hijri.Month, CultureInfo.InvariantCulture), hijri.Day) is { } d)
                {
                    yield return BeforeWeekday(h, d);
                }
            }
        }
        else if (h.Chinese is { } chinese)
        {
            for (var chineseYear = year - 1; chineseYear <= year; chineseYear++)
            {
                if (ChineseDay(chineseYear, int.Parse(chinese.Month, CultureInfo.InvariantCulture), chinese.Day) is { } d)
                {
                    yield return d;
                }
            }
        }
        else if (h.Relative is { } relative && depth < 4)
        {
            var anchor = _byName[relative.To];
            // The anchor a year either side may land in this year once moved (Black Friday from Thanksgiving).
            for (var y = year - 1; y <= year + 1; y++)
            {
                foreach (var d in DaysOfYear(anchor, y, depth + 1))
                {
                    yield return Moved(anchor, d).AddDays(relative.Days);
                }
            }
        }
        else if (h.Hindu is { } hindu)
        {
            var tithi = hindu.Tithi + (hindu.Paksha.Equals("krishna", StringComparison.OrdinalIgnoreCase) ? 15 : 0);
            foreach (var d in HinduCalendar.Days(year, HinduCalendar.MonthNumber(hindu.Month), tithi, HinduCalendar.ObservanceOf(hindu.At)))
            {
                yield return d;
            }
        }
        else if (h.Sankranti is { } sankranti)
        {
            if (HinduCalendar.SankrantiDay(year, HinduCalendar.SignNumber(sankranti.Sign), HinduCalendar.ObservanceOf(sankranti.By)) is { } d)
            {
                yield return d;
            }
        }
        else if (h.SolarTerm is { } term)
        {
            if (SolarTerms.Day(year, term.Longitude, term.UtcOffset, term.AfterNoonNextDay) is { } d)
            {
                yield return d;
            }
        }
        else if (h.VagueYear is { } vague)
        {
            // 365 days a year, no leap day: the same calendar day comes 365 days later each year.
            var known = DateTime.ParseExact(vague, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            yield return known.AddDays(365.0 * (year - known.Year));
        }
    }

    private static DateTime Moved(HolidayEntry h, DateTime day)
    {
        if (h.Move is null)
        {
            return day;
        }

        foreach (var (weekday, days) in h.Move)
        {
            if (WeekdayOf(weekday) == day.DayOfWeek)
            {
                return day.AddDays(days);
            }
        }

        return day;
    }

    private static DateTime BeforeWeekday(HolidayEntry h, DateTime day)
    {
        if (h.BeforeWeekday is null)
        {
            return day;
        }

        var target = WeekdayOf(h.BeforeWeekday);
        var back = ((int)day.DayOfWeek - (int)target + 7) % 7;
        return day.AddDays(back == 0 ? -7 : -back);
    }

    private static int Length(HolidayEntry h, DateTime first)
    {
        if (h.Days is null)
        {
            return 1;
        }

        if (h.Days == "month" && h.Hijri is not null)
        {
            // To the first day of the next Islamic month (29 or 30 days).
            var next = Hijri.AddMonths(first, 1);
            return (int)(next.AddDays(1 - Hijri.GetDayOfMonth(next)) - first).TotalDays;
        }

        return int.Parse(h.Days, CultureInfo.InvariantCulture);
    }

    private static DateTime? InCalendar(Calendar calendar, int year, int month, int day)
    {
        try
        {
            return calendar.ToDateTime(year, month, day, 0, 0, 0, 0);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // outside the years the calendar's tables cover
        }
    }

    /// <summary>Month <paramref name="month"/> of a Chinese year, skipping the leap month inserted before it.</summary>
    private static DateTime? ChineseDay(int year, int month, int day)
    {
        try
        {
            var leap = Chinese.GetLeapMonth(year);
            var index = leap != 0 && leap <= month ? month + 1 : month;
            return Chinese.ToDateTime(year, index, day, 0, 0, 0, 0);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>.NET numbers Hebrew months from Tishri; a leap year has Adar I (6) and Adar II (7), so later months shift by one.</summary>
    private static int HebrewMonth(string name, bool leap)
    {
        var shift = leap ? 1 : 0;
        return name.ToLowerInvariant() switch
        {
            "tishri" => 1, "heshvan" => 2, "kislev" => 3, "tevet" => 4, "shevat" => 5,
            "adar" => 6 + shift, // Adar II in a leap year: Purim's month
            "nisan" => 7 + shift, "iyar" => 8 + shift, "sivan" => 9 + shift, "tammuz" => 10 + shift,
            "av" => 11 + shift, "elul" => 12 + shift,
            _ => throw new Rules.RuleFileException($"holidays.yaml: unknown Hebrew month '{name}'"),
        };
    }

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus).</summary>
    public static DateTime WesternEaster(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateTime(year, month, day);
    }

    /// <summary>Orthodox Easter: the Julian computus (Meeus), converted to the Gregorian calendar.</summary>
    public static DateTime OrthodoxEaster(int year)
    {
        var a = year % 4;
        var b = year % 7;
        var c = year % 19;
        var d = (19 * c + 15) % 30;
        var e = (2 * a + 4 * b - d + 34) % 7;
        var month = (d + e + 114) / 31;
        var day = (d + e + 114) % 31 + 1;
        var julianToGregorian = year / 100 - year / 400 - 2;
        return new DateTime(year, month, day).AddDays(julianToGregorian);
    }

    private static DateTime NthWeekdayOf(int year, int month, DayOfWeek weekday, int nth)
    {
        if (nth < 0)
        {
            var last = new DateTime(year, month, DateTime.DaysInMonth(year, month));
            var back = ((int)last.DayOfWeek - (int)weekday + 7) % 7;
            return last.AddDays(-back + 7 * (nth + 1));
        }

        var first = new DateTime(year, month, 1);
        var ahead = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(ahead + 7 * (nth - 1));
    }

    private static (int Month, int Day) MonthDay(string mmdd) =>
        (int.Parse(mmdd.AsSpan(0, 2), CultureInfo.InvariantCulture), int.Parse(mmdd.AsSpan(3, 2), CultureInfo.InvariantCulture));

    internal static DayOfWeek WeekdayOf(string name) => name.ToLowerInvariant() switch
    {
        "sunday" => DayOfWeek.Sunday, "monday" => DayOfWeek.Monday, "tuesday" => DayOfWeek.Tuesday,
        "wednesday" => DayOfWeek.Wednesday, "thursday" => DayOfWeek.Thursday, "friday" => DayOfWeek.Friday,
        "saturday" => DayOfWeek.Saturday,
        _ => throw new Rules.RuleFileException($"holidays.yaml: unknown weekday '{name}'"),
    };

    /// <summary>A rule file error is reported when the table loads, not when a text first names the holiday.</summary>
    private void Validate(HolidayEntry h)
    {
        var rules = new object?[] { h.Date, h.Weekday, h.Easter, h.OrthodoxEaster, h.Hebrew, h.Hijri, h.Chinese, h.Relative, h.Hindu, h.Sankranti, h.SolarTerm, h.VagueYear }
            .Count(r => r is not null);
        if (rules > 1 || (rules == 0 && h.Dates is null))
        {
            throw new Rules.RuleFileException($"holidays.yaml: '{h.Name}' needs exactly one rule (or a table of dates), has {rules}");
        }

        if (h.Relative is { } relative && !_byName.ContainsKey(relative.To))
        {
            throw new Rules.RuleFileException($"holidays.yaml: '{h.Name}' is relative to unknown holiday '{relative.To}'");
        }

        _ = h.Hebrew is { } hebrew ? HebrewMonth(hebrew.Month, false) : 0;
        _ = h.Weekday is { } nth ? WeekdayOf(nth.Day) : DayOfWeek.Sunday;
        _ = h.Sankranti is { } sankranti ? HinduCalendar.SignNumber(sankranti.Sign) + (int)HinduCalendar.ObservanceOf(sankranti.By) : 0;
        if (h.Hindu is { } hindu)
        {
            _ = HinduCalendar.MonthNumber(hindu.Month) + HinduCalendar.ObservanceOf(hindu.At);
            if (hindu.Tithi is < 1 or > 15 || hindu.Paksha.ToLowerInvariant() is not ("shukla" or "krishna"))
            {
                throw new Rules.RuleFileException($"holidays.yaml: '{h.Name}' needs paksha shukla/krishna and tithi 1-15");
            }
        }

        _ = h.BeforeWeekday is { } before ? WeekdayOf(before) : DayOfWeek.Sunday;
        foreach (var weekday in h.Move?.Keys ?? Enumerable.Empty<string>())
        {
            _ = WeekdayOf(weekday);
        }

        if (h.Days is { } days && days != "month" && !int.TryParse(days, CultureInfo.InvariantCulture, out _))
        {
            throw new Rules.RuleFileException($"holidays.yaml: '{h.Name}' has days '{days}' (a number or 'month')");
        }
    }
}
