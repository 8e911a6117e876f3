using System.Globalization;

namespace Normalize.Core.Units.Dates;

/// <summary>Single dates: calendar dates in words and digits, relative days and periods, parts of periods.</summary>
internal sealed partial class DateParser
{
    /// <summary>Results of <see cref="TrySingle"/> by token: the grammar asks for the same position more than once.</summary>
    private readonly Dictionary<int, Parsed?> _singles = [];

    private bool TrySingle(int i, out Parsed p)
    {
        p = default;
        if (i >= _t.Count)
        {
            return false;
        }

        if (!_singles.TryGetValue(i, out var known))
        {
            known = ParseSingle(i, out var found) ? found : null;
            _singles[i] = known;
        }

        p = known ?? default;
        return known is not null;
    }

    private bool ParseSingle(int i, out Parsed p)
    {
        p = default;
        return TryNumeric(i, out p)
            || TryNamed(i, out p)
            || TryEarlierLater(i, out p)
            || TryWeekOf(i, out p)
            || TryNth(i, out p)
            || TryRelative(i, out p)
            || TryPart(i, out p)
            || TryYearLike(i, out p);
    }

    // ---- calendar dates in words: "Dec. 30, 2023", "the 3rd of March", "Monday, Feb 18", "October 2014" ----

    private bool TryNamed(int i, out Parsed p)
    {
        p = default;
        var k = i;
        int? weekday = null;
        if (Weekday(k) is { } wd)
        {
            weekday = wd;
            k = SkipDot(k + 1);
            if (IsPunct(k, ","))
            {
                k++;
            }
        }

        if (weekday is not null)
        {
            // "Friday 2018-7-6", "friday 5/12": the date decides.
            if (TryNumeric(k, out var numeric) && (numeric.Cal?.Year is not null || IsPunct(k + 1, "/")))
            {
                p = numeric;
                return true;
            }

            // "wednesday of next week", "monday of the following week", "tuesday of last week"
            var w = IsWord(k, "of") ? k + 1 : -1;
            w = IsWord(w, "the") ? w + 1 : w;
            if (w > 0 && ReferenceDate is { } r && Shift(w) is { } shift && IsWord(w + 1, "week"))
            {
                var monday = Period.Containing(r, Grain.Week).Shift(shift).Start;
                p = Day(w + 2, monday.AddDays(weekday.Value - 1));
                return true;
            }
        }

        var the = IsWord(k, "the");
        var d0 = the ? k + 1 : k;
        // Day first: "30 December 2023", "the 3rd of March", "15 of february", "twenty five January".
        if (DayNumber(d0, out var day, out var afterDay))
        {
            var m = IsWord(afterDay, "of") ? afterDay + 1 : afterDay;
            if (Month(m) is { } month)
            {
                var end = SkipDot(m + 1);
                var year = OptionalYear(end, out end);
                p = new Parsed(end, new Cal(year, month, day, weekday), null);
                return true;
            }

            // "the 21st this month", "the 5th next month"
            if (weekday is null && (the || HasOrdinalSuffix(d0)) && Shift(afterDay) is { } dayShift && IsWord(afterDay + 1, "month") && ReferenceDate is { } monthRef)
            {
                var named = Period.Containing(monthRef, Grain.Month).Shift(dayShift).Start;
                if (day <= DateTime.DaysInMonth(named.Year, named.Month))
                {
                    p = Day(afterDay + 2, named.AddDays(day - 1));
                    return true;
                }
            }

            // "20th of the current month", "20 of this month", "the 15th day of June" (no weekday)
            if (weekday is null && IsWord(afterDay, "of") && TryContainer(afterDay + 1, out var container, out var containerEnd)
                && container.From.Grain == Grain.Month && day <= DateTime.DaysInMonth(container.From.Start.Year, container.From.Start.Month))
            {
                p = Day(containerEnd, container.From.Start.AddDays(day - 1));
                return true;
            }

            // "Tuesday the 19th", "Thu 15th", "Sunday 31" (not "Monday 12-4", "Thursday 8:00", "wednesday 4 oclock")
            if (weekday is not null && (the || HasOrdinalSuffix(d0) || (IsNumber(d0) && EndsPhrase(afterDay))))
            {
                p = new Parsed(afterDay, new Cal(Day: day, Weekday: weekday), null);
                return true;
            }

            // "on the 15th": a day of the reference month, only after "on" (not "the 15th anniversary").
            if (the && d0 == i + 1 && (HasOrdinalSuffix(d0) || IsOrdinalWord(d0)) && PrecededByOn(i) && !IsWord(afterDay))
            {
                p = new Parsed(afterDay, new Cal(Day: day), null);
                return true;
            }
        }

        // Month first: "Dec. 30, 2023", "March 3rd", "Aug 8", "february the 15th", "May twenty nine".
        if (Month(k) is { } mon)
        {
            var m1 = SkipDot(k + 1);
            var dd = IsWord(m1, "the") ? m1 + 1 : m1;
            if (DayNumber(dd, out var md, out var afterMd) && !(IsPunct(afterMd, ":") || IsPunct(afterMd, ".") && IsNumber(afterMd + 1) && !_t[afterMd + 1].SpaceBefore))
            {
                // "Dec 2018" is a month and year, not day 20.
                if (!(IsNumber(dd) && _t[dd].Text.Length == 4))
                {
                    var end = afterMd;
                    var year = OptionalYear(end, out end);
                    p = new Parsed(end, new Cal(year, mon, md, weekday), null);
                    return true;
                }
            }

            // "October 2014", "Dec-2018", "Dec/2018", "Dec, 2018", "june of 1992", "April of 87"
            var y0 = m1;
            if ((IsPunct(y0, "-", "/", ",") || IsWord(y0, "of")) && (IsNumber(y0 + 1) || IsWord(y0 + 1)))
            {
                y0++;
            }

            if (Year(y0, allowShort: IsWord(y0 - 1, "of")) is { } my)
            {
                p = new Parsed(y0 + 1, new Cal(my, mon, null, weekday), null);
                return true;
            }

            // "October two thousand", "June nineteen ninety" (not "March two thousand troops")
            if (y0 == m1 && YearInWords(m1, out var spelled, out var spelledEnd) && SpelledYearEnds(spelledEnd))
            {
                p = new Parsed(spelledEnd, new Cal(spelled, mon, null, weekday), null);
                return true;
            }

            if (weekday is null && IsMonthAlone(i, k))
            {
                p = new Parsed(m1, new Cal(Month: mon), null);
                return true;
            }
        }

        if (weekday is not null && IsWeekdayAlone(i))
        {
            p = new Parsed(SkipDot(i + 1), new Cal(Weekday: weekday), null);
            return true;
        }

        return false;
    }

    /// <summary>Nothing of the expression follows: the end, a comma, or a sentence mark.</summary>
    private bool EndsPhrase(int k) => k >= _t.Count || IsPunct(k, ",", "!", "?", ";", ")") || (IsPunct(k, ".") && (k + 1 >= _t.Count || _t[k + 1].SpaceBefore));

    /// <summary>
    /// A month name alone: a full name (not "may", "march", "august" in lower case, the verbs and the
    /// adjective), or any after a date preposition ("in March", "early May", "since Jan").
    /// </summary>
    private bool IsMonthAlone(int i, int k)
    {
        if (k != i)
        {
            return false;
        }

        // "they may decide to march": the verbs are months only when capitalised.
        if (_t[k].Text is "may" or "march" or "mar" && char.IsLower(_text[_t[k].Start]))
        {
            return false;
        }

        var word = _text.AsSpan(_t[k].Start, _t[k].End - _t[k].Start);
        var previous = PreviousWord(_t[k].Start);
        if (previous is "in" or "during" or "since" or "until" or "till" or "by" or "from" or "of" or "early" or "late" or "mid" or "through"
            or "before" or "after" or "between" or "and" or "to" or "next" or "last" or "this" or "coming" or "past" or "end" or "beginning" or "start")
        {
            return true;
        }

        return word.Length >= 4 && char.IsUpper(word[0]) && !word.Equals("May", StringComparison.Ordinal)
            && !word.Equals("March", StringComparison.Ordinal) && !word.Equals("August", StringComparison.Ordinal) && !word.Equals("June", StringComparison.Ordinal)
            && !word.Equals("April", StringComparison.Ordinal) && PreviousWord(_t[k].Start) is not null;
    }

    /// <summary>A weekday alone: a full name, or an abbreviation followed by a dot or a date ("mon.", "Thu 15th").</summary>
    private bool IsWeekdayAlone(int i)
    {
        var w = _t[i].Text;
        if (w.Length >= 6)
        {
            return true;
        }

        // "sun." "thu." but not "Sun newspaper", "Sat" as a verb.
        return IsPunct(i + 1, ".") && !_t[i + 1].SpaceBefore && (i + 2 >= _t.Count || !IsWord(i + 2) || !char.IsLower(_text[_t[i + 2].Start]));
    }

    private int? OptionalYear(int k, out int end)
    {
        end = k;
        var y = IsPunct(k, ",") ? k + 1 : k;
        var of = IsWord(y, "of");
        y = IsWord(y, "of", "in") ? y + 1 : y;
        if (Year(y, allowShort: of) is { } year && !(IsPunct(y + 1, ":")))
        {
            end = y + 1;
            return year;
        }

        if (YearInWords(y, out var spelled, out var spelledEnd) && SpelledYearEnds(spelledEnd))
        {
            end = spelledEnd;
            return spelled;
        }

        return null;
    }

    /// <summary>
    /// "earlier this year", "later this week", "earlier in the week", "later in the year": the first or the
    /// second half of the period; what is earlier in the current year runs up to the reference day.
    /// </summary>
    private bool TryEarlierLater(int i, out Parsed p)
    {
        p = default;
        if (!IsWord(i, "earlier", "later") || ReferenceDate is not { } reference)
        {
            return false;
        }

        var k = i + 1;
        int shift;
        if (IsWord(k, "in") && IsWord(k + 1, "the"))
        {
            (shift, k) = (0, k + 2);
        }
        else if (Shift(k) is { } s)
        {
            (shift, k) = (s, k + 1);
        }
        else
        {
            return false;
        }

        if (GrainAt(k) is not { Count: 1 } g || g.Unit is not (Grain.Week or Grain.Month or Grain.Year) || _t[k].Text.EndsWith('s'))
        {
            return false;
        }

        var whole = Period.Containing(reference, g.Unit).Shift(shift);
        var middle = g.Unit switch
        {
            Grain.Week => whole.Start.AddDays(3),
            Grain.Month => whole.Start.AddDays(15),
            _ => whole.Start.AddMonths(6),
        };
        var value = IsWord(i, "earlier")
            ? DateValue.Span(new Period(whole.Start, Grain.Day), new Period((g.Unit == Grain.Year && shift == 0 ? reference.Date : middle).AddDays(-1), Grain.Day))
            : DateValue.Span(new Period(shift == 0 && reference.Date >= middle ? reference.Date.AddDays(1) : middle, Grain.Day), new Period(whole.End.AddDays(-1), Grain.Day));
        p = new Parsed(k + 1, null, value);
        return true;
    }

    /// <summary>"the week of the 18th", "w/c Feb 4", "the week beginning February 4": the Monday-to-Sunday week of a day.</summary>
    private bool TryWeekOf(int i, out Parsed p)
    {
        p = default;
        var k = IsWord(i, "the") ? i + 1 : i;
        int inner;
        if (IsWord(k, "w") && IsPunct(k + 1, "/") && IsWord(k + 2, "c") && !_t[k + 1].SpaceBefore)
        {
            inner = k + 3;
        }
        else if (IsWord(k, "week") && IsWord(k + 1, "of", "beginning", "commencing", "starting"))
        {
            inner = k + 2;
        }
        else
        {
            return false;
        }

        if (!TryEndpoint(inner, out var day))
        {
            return false;
        }

        var value = day.Cal is { } cal ? ResolveCal(cal) : day.Value;
        if (value is not { IsInterval: false } v || v.From.Grain != Grain.Day)
        {
            return false;
        }

        p = new Parsed(day.End, null, DateValue.Of(Period.Containing(v.From.Start, Grain.Week)));
        return true;
    }

    /// <summary>
    /// A year in words: "nineteen eighty six", "nineteen hundred ninety three", "seventeen hundred thirty three",
    /// "two thousand", "two thousand and fifteen", "nineteen oh five".
    /// </summary>
    private bool YearInWords(int i, out int year, out int end)
    {
        year = 0;
        end = i;
        if (!IsWord(i) || !_words.Counts.TryGetValue(_t[i].Text, out var head) || _t[i].Text is "a" or "an" or "couple" or "pair" or "few")
        {
            return false;
        }

        if (head == 2 && IsWord(i + 1, "thousand"))
        {
            year = 2000;
            end = i + 2;
            var k = IsWord(end, "and") ? end + 1 : end;
            if (SmallNumberWords(k, out var rest, out var restEnd) && rest < 100)
            {
                (year, end) = (2000 + rest, restEnd);
            }

            return true;
        }

        if (head is < 10 or > 20 || head == 20 && !IsWord(i + 1))
        {
            return false;
        }

        var j = i + 1;
        if (IsWord(j, "hundred"))
        {
            j++;
            j = IsWord(j, "and") ? j + 1 : j;
        }
        else if (IsWord(j, "oh") && SmallNumberWords(j + 1, out var single, out var singleEnd) && single < 10)
        {
            (year, end) = (head * 100 + single, singleEnd);
            return true;
        }

        if (!SmallNumberWords(j, out var tail, out var tailEnd) || tail >= 100 || (tail < 10 && !IsWord(j - 1, "hundred", "and")))
        {
            return false;
        }

        (year, end) = (head * 100 + tail, tailEnd);
        return true;
    }

    /// <summary>A year in words ends the phrase, not a count of something ("two thousand troops").</summary>
    private bool SpelledYearEnds(int k) => k >= _t.Count || !IsWord(k) || IsWord(k, "and", "in", "on", "at", "when", "was", "the", "to", "for", "with");

    /// <summary>1-99 in words: "six", "ninety six", "twenty-one".</summary>
    private bool SmallNumberWords(int i, out int value, out int end)
    {
        value = 0;
        end = i;
        if (!IsWord(i) || !_words.Counts.TryGetValue(_t[i].Text, out var first) || first > 90 || _t[i].Text is "a" or "an" or "couple" or "pair" or "few")
        {
            return false;
        }

        (value, end) = (first, i + 1);
        var k = IsPunct(end, "-") ? end + 1 : end;
        if (first >= 20 && first % 10 == 0 && IsWord(k) && _words.Counts.TryGetValue(_t[k].Text, out var unit) && unit is >= 1 and <= 9 && _t[k].Text is not ("a" or "an"))
        {
            (value, end) = (first + unit, k + 1);
        }

        return true;
    }

    // ---- relative days and periods -----------------------------------------------------------------------

    private bool TryRelative(int i, out Parsed p)
    {
        p = default;
        if (ReferenceDate is not { } reference)
        {
            return false;
        }

        var today = reference.Date;
        var w = IsWord(i) ? _t[i].Text : "";

        // "the day after tomorrow", "the day before yesterday", "the day after"
        var k = IsWord(i, "the") ? i + 1 : i;
        if (IsWord(k, "day") && IsWord(k + 1, "after", "before") && IsWord(k + 2) && _words.RelativeDays.TryGetValue(_t[k + 2].Text, out var baseDays))
        {
            var offset = baseDays + (IsWord(k + 1, "after") ? 1 : -1);
            p = Day(k + 3, today.AddDays(offset));
            return true;
        }

        // "the day before", "the day after", "the next day": counted from the reference by the bench conventions
        // (in news they count from the event just told).
        if (_context.CountedOffsetsFromReference && IsWord(i, "the") && (IsWord(i + 1, "day") && IsWord(i + 2, "before", "after") || IsWord(i + 1, "next") && IsWord(i + 2, "day")))
        {
            p = Day(i + 3, today.AddDays(IsWord(i + 2, "before") ? -1 : 1));
            return true;
        }

        // "the month", "the same year", "that weekend": the current period, by the bench conventions only.
        if (_context.NowIsDate && DeicticPeriod(i, reference) is { } deictic)
        {
            p = deictic;
            return true;
        }

        // "now", "at present", "at the moment", "at this time", "otd" (on this day): by the bench conventions only.
        if (_context.NowIsDate && NowWords(i) is { } nowEnd)
        {
            var grain = _t[i].Text == "otd" ? Grain.Day : reference.Second > 0 ? Grain.Second : Grain.Minute;
            p = new Parsed(nowEnd, null, DateValue.Of(Period.Containing(reference, grain)));
            return true;
        }

        // "tonight", "last night": the night part of the day, as TimeOfDay reads it under the context's conventions.
        var night = IsWord(i, "tonight", "tonite") ? 0 : IsWord(i, "last") && IsWord(i + 1, "night") ? -1 : (int?)null;
        if (night is { } nightOffset && TimeOfDay.TryMatch("night", 0, afterDate: true, out var part) && !IsWord(i + (nightOffset == 0 ? 1 : 2), "at")
            && !(IsPunct(i + 1, "@")))
        {
            var day = today.AddDays(nightOffset);
            p = new Parsed(i + (nightOffset == 0 ? 1 : 2), null, Timed(day, part.IsoOn(day, _context)));
            return true;
        }

        if (_words.RelativeDays.TryGetValue(w, out var days))
        {
            p = Day(i + 1, today.AddDays(days));
            return true;
        }

        // "N units ago", "a week hence", "3 days from now", "2 weeks from January 15", "two days before yesterday"
        if (TryCount(i, out var count, out var afterCount) && GrainAt(afterCount) is { } g)
        {
            var unitEnd = afterCount + 1;
            var n = count * g.Count;
            if (IsWord(unitEnd, "ago") || (IsWord(unitEnd, "earlier") && !IsWord(unitEnd + 1, "than") && _context.CountedOffsetsFromReference))
            {
                p = new Parsed(unitEnd + 1, null, Shifted(reference, g.Unit, -n));
                return true;
            }

            if (IsWord(unitEnd, "hence") || (IsWord(unitEnd, "from") && IsWord(unitEnd + 1, "now"))
                || (IsWord(unitEnd, "later") && !IsWord(unitEnd + 1, "than") && _context.CountedOffsetsFromReference))
            {
                var e = IsWord(unitEnd, "from") ? unitEnd + 2 : unitEnd + 1;
                p = new Parsed(e, null, Shifted(reference, g.Unit, n));
                return true;
            }

            if (IsWord(unitEnd, "from", "after", "before") && TrySingle(unitEnd + 1, out var anchor) && Resolve(anchor) is { IsInterval: false } a)
            {
                var sign = IsWord(unitEnd, "before") ? -1 : 1;
                var shifted = Period.Add(a.From.Start, g.Unit, sign * n);
                p = new Parsed(anchor.End, null, DateValue.Of(new Period(shifted, a.From.Grain == Grain.Week ? Grain.Day : a.From.Grain)));
                return true;
            }
        }

        // "2 sundays from now", "4 tuesdays hence": the Nth such weekday ahead
        if (TryCount(i, out var nth, out var afterNth) && IsWord(afterNth) && _t[afterNth].Text.EndsWith('s')
            && _words.Weekdays.TryGetValue(_t[afterNth].Text[..^1], out var plural) && _t[afterNth].Text.Length > 4
            && (IsWord(afterNth + 1, "hence") || IsWord(afterNth + 1, "from") && IsWord(afterNth + 2, "now")))
        {
            var ahead = (plural - Period.IsoWeekday(today) + 7) % 7;
            ahead = ahead == 0 ? 7 : ahead;
            p = Day(afterNth + (IsWord(afterNth + 1, "hence") ? 2 : 3), today.AddDays(ahead + 7 * (nth - 1)));
            return true;
        }

        // "in 3 days", "in a couple of weeks", "within 5 minutes" (news: "the first time in 24 years" is a duration)
        if (IsWord(i, "in", "within") && _context.CountedOffsetsFromReference && TryCount(i + 1, out count, out afterCount) && GrainAt(afterCount) is { } ig)
        {
            var n = count * ig.Count;
            var e = afterCount + 1;

            if (IsWord(i, "within"))
            {
                var now = Period.Containing(reference, ig.Unit < Grain.Day ? Grain.Minute : Grain.Day);
                var last = new Period(Period.Add(now.Start, ig.Unit, n), now.Grain);
                p = new Parsed(e, null, new DateValue(now, last, true));
                return true;
            }

            p = new Parsed(e, null, Shifted(reference, ig.Unit, n));
            return true;
        }

        // "next week", "last month", "this year", "next Tuesday", "the following week", "the week after next"
        var s = IsWord(i, "the") ? i + 1 : i;
        if (Shift(s) is { } shift)
        {
            var after = s + 1;
            // "this working week", "next workweek": Monday to Friday
            if (IsWord(after, "workweek") || IsWord(after, "working", "work") && IsWord(after + 1, "week"))
            {
                var workweek = Period.Containing(reference, Grain.Week).Shift(shift).Start;
                p = new Parsed(after + (IsWord(after, "workweek") ? 1 : 2), null, DateValue.Span(new Period(workweek, Grain.Day), new Period(workweek.AddDays(4), Grain.Day)));
                return true;
            }

            if (IsWord(after, "weekend", "weekends") || (IsWord(after, "week") && IsPunct(after + 1, "-") && IsWord(after + 2, "end")))
            {
                var week = Period.Containing(reference, Grain.Week).Shift(shift);
                var e = IsWord(after, "week") ? after + 3 : after + 1;
                p = new Parsed(e, null, Weekend(week.Start));
                return true;
            }

            if (GrainAt(after) is { Count: 1 } sg && sg.Unit >= Grain.Day && !_t[after].Text.EndsWith('s'))
            {
                var period = Period.Containing(reference, sg.Unit).Shift(shift);
                var e = after + 1;
                // "this week Monday", "next week Mon"
                if (sg.Unit == Grain.Week && Weekday(e) is { } wdi && (_t[e].Text.Length >= 3))
                {
                    p = Day(SkipDot(e + 1), period.Start.AddDays(wdi - 1));
                    return true;
                }

                if (sg.Unit == Grain.Day)
                {
                    return false;
                }

                p = new Parsed(e, null, DateValue.Of(period));
                return true;
            }

            if (Weekday(after) is { } wd && _t[after].Text.Length >= 3)
            {
                // "next friday 5/12": the date decides.
                var dateAfter = SkipDot(after + 1);
                if (TryNumeric(dateAfter, out var numeric) && ResolveCal(numeric.Cal!) is { } dated)
                {
                    p = new Parsed(numeric.End, null, dated);
                    return true;
                }

                p = Day(dateAfter, WeekdayFrom(reference, wd, _t[s].Text));
                return true;
            }

            // "next 5/12", "next 6th of April", "this 5/12": the next occurrence, or this year's.
            if (s == i && (TryNumeric(after, out var md) || TryNamed(after, out md)) && md.Cal is { Year: null, Month: { } mm, Day: { } dd, Weekday: null } && dd <= DateTime.DaysInMonth(2024, mm))
            {
                var year = reference.Year;
                if (shift > 0 && new DateTime(year, mm, Math.Min(dd, DateTime.DaysInMonth(year, mm))) <= today)
                {
                    year++;
                }
                else if (shift < 0 && new DateTime(year, mm, Math.Min(dd, DateTime.DaysInMonth(year, mm))) >= today)
                {
                    year--;
                }

                if (dd <= DateTime.DaysInMonth(year, mm))
                {
                    p = Day(md.End, new DateTime(year, mm, dd));
                    return true;
                }
            }

            if (Month(after) is { } month && _t[after].Text.Length >= 3 && s == i && !(_t[after].Text is "may" or "march" && char.IsLower(_text[_t[after].Start])))
            {
                var year = reference.Year + (shift > 0 && month <= reference.Month ? 1 : shift < 0 && month >= reference.Month ? -1 : 0);
                p = new Parsed(after + 1, null, DateValue.Of(new Period(new DateTime(year, month, 1), Grain.Month)));
                return true;
            }

            // "last 2 days", "next three months", "past fortnight", "the next couple weeks", "upcoming two weeks"
            // (not the verb: "talks will last two hours", "it shouldn't last two days")
            if (TryCount(after, out count, out var ac) && GrainAt(ac) is { } cg && !IsWord(after, "a", "an") && !(s == i && IsVerbLast(s)))
            {
                p = new Parsed(ac + 1, null, CountedSpan(reference, cg.Unit, count * cg.Count, shift, _t[s].Text));
                return true;
            }

            if (IsWord(after, "fortnight"))
            {
                p = new Parsed(after + 1, null, CountedSpan(reference, Grain.Day, 14, shift, _t[s].Text));
                return true;
            }
        }

        // "the week after next", "the year before last"
        if (IsWord(i, "the") && GrainAt(i + 1) is { Count: 1 } ng && ng.Unit >= Grain.Week && IsWord(i + 2, "after", "before") && IsWord(i + 3, "next", "last"))
        {
            var shiftBy = IsWord(i + 2, "after") ? 2 : -2;
            p = new Parsed(i + 4, null, DateValue.Of(Period.Containing(reference, ng.Unit).Shift(shiftBy)));
            return true;
        }

        // "2 upcoming months", "two upcoming weeks", "3 next weeks"
        if (TryCount(i, out count, out afterCount) && Shift(afterCount) is { } shift2 && shift2 != 0 && GrainAt(afterCount + 1) is { } ug)
        {
            p = new Parsed(afterCount + 2, null, CountedSpan(reference, ug.Unit, count * ug.Count, shift2, _t[afterCount].Text));
            return true;
        }

        return false;
    }

    private Parsed? DeicticPeriod(int i, DateTime reference)
    {
        var k = IsWord(i, "the", "that") ? i + 1 : i;
        var same = IsWord(k, "same");
        k = same ? k + 1 : k;
        if (IsWord(k, "weekend") && !IsWord(k + 1, "of"))
        {
            return new Parsed(k + 1, null, Weekend(Period.Containing(reference, Grain.Week).Start));
        }

        if (IsWord(i, "that"))
        {
            return null;
        }

        // "the month", "the same year", "the day" (not "the day after", "the year 2008", "the month of May")
        if (k > i && GrainAt(k) is { Count: 1 } g && g.Unit is Grain.Day or Grain.Month or Grain.Year && !_t[k].Text.EndsWith('s')
            && (same || !IsWord(k + 1, "of", "after", "before", "to")) && !IsNumber(k + 1) && _t[k].Text is "day" or "month" or "year")
        {
            return new Parsed(k + 1, null, DateValue.Of(Period.Containing(reference, g.Unit)));
        }

        return null;
    }

    /// <summary>"last" as a verb: after a modal or "to" ("will last", "shouldn't last", "to last").</summary>
    private bool IsVerbLast(int i) =>
        _t[i].Text == "last" && PreviousWord(_t[i].Start) is "will" or "would" or "should" or "could" or "can" or "may" or "might" or "must"
            or "to" or "did" or "does" or "do" or "not" or "t" or "ll" or "d" or "they" or "it" or "which" or "that";

    internal int? NowWords(int i)
    {
        if (IsWord(i, "now", "otd"))
        {
            return i + 1;
        }

        if (!IsWord(i, "at"))
        {
            return null;
        }

        if (IsWord(i + 1, "present"))
        {
            return i + 2;
        }

        if (IsWord(i + 1, "the") && IsWord(i + 2, "moment", "minute"))
        {
            return i + 3;
        }

        if (IsWord(i + 1, "the") && IsWord(i + 2, "present") && IsWord(i + 3, "time"))
        {
            return i + 4;
        }

        return IsWord(i + 1, "this") && IsWord(i + 2, "time") ? i + 3 : null;
    }

    /// <summary>
    /// "the last 2 days", "next three months": the N whole units before the current one, or after it.
    /// Duckling's "upcoming N units" is the Nth unit ahead, one period.
    /// </summary>
    private DateValue CountedSpan(DateTime reference, Grain grain, int n, int shift, string word)
    {
        var unit = grain < Grain.Day ? grain : grain;
        if (_context.ShiftToFinerGrain && word == "upcoming")
        {
            return DateValue.Of(Period.Containing(reference, grain).Shift(n));
        }

        if (_context.PeriodsAsDayRanges && grain is Grain.Week or Grain.Month or Grain.Year)
        {
            // Day-precise: from tomorrow, or up to today.
            var today = new Period(reference.Date, Grain.Day);
            return shift > 0
                ? DateValue.Span(today.Shift(1), new Period(Period.Add(today.Shift(1).Start, grain, n), Grain.Day).Shift(-1))
                : DateValue.Span(new Period(Period.Add(today.Start, grain, -n), Grain.Day), today.Shift(-1));
        }

        var current = grain < Grain.Day ? Period.Containing(reference, grain) : Period.Containing(reference, unit);
        return shift > 0
            ? DateValue.Span(current.Shift(1), current.Shift(n))
            : DateValue.Span(current.Shift(-n), current.Shift(-1));
    }

    /// <summary>The reference moved by n units: to the day, or to the minute for hours and less.</summary>
    private DateValue Shifted(DateTime reference, Grain grain, int n)
    {
        var moved = Period.Add(reference, grain, n);
        if (_context.ShiftToFinerGrain)
        {
            // Duckling reads to the grain below the unit: "in 7 days" = 2013-02-19T04:00, "2 years ago" = 2011-02.
            var finer = grain switch
            {
                Grain.Second => Grain.Second,
                Grain.Minute => Grain.Second,
                Grain.Hour => Grain.Minute,
                Grain.Day => Grain.Hour,
                Grain.Week => Grain.Day,
                Grain.Month => Grain.Day,
                Grain.Quarter => Grain.Month,
                _ => Grain.Month,
            };
            return DateValue.Of(Period.Containing(moved, finer));
        }

        if (grain < Grain.Day)
        {
            return DateValue.Of(Period.Containing(moved, grain == Grain.Second ? Grain.Second : Grain.Minute));
        }

        // RT reads "2 years ago" to the day; news to the unit ("two years ago" = 2022, "3 weeks ago" = that day).
        return DateValue.Of(Period.Containing(moved, _context.PeriodsAsDayRanges || grain <= Grain.Week ? Grain.Day : grain >= Grain.Decade ? Grain.Year : grain));
    }

    private DateTime WeekdayFrom(DateTime reference, int weekday, string modifier)
    {
        var today = reference.Date;
        var current = Period.IsoWeekday(today);
        var shift = _words.Shifts.GetValueOrDefault(modifier);
        if (_context.CalendarWeekWeekdays && modifier is "next" or "last" or "previous")
        {
            var monday = Period.Containing(today, Grain.Week).Start.AddDays(7 * shift);
            return monday.AddDays(weekday - 1);
        }

        var diff = weekday - current;
        if (shift > 0)
        {
            return today.AddDays(diff <= 0 ? diff + 7 : diff);
        }

        if (shift < 0)
        {
            return today.AddDays(diff >= 0 ? diff - 7 : diff);
        }

        return today.AddDays(diff); // this: the same Monday-to-Sunday week
    }

    private Parsed Day(int end, DateTime day) => new(end, null, DateValue.Of(new Period(day, Grain.Day)));

    // ---- parts of periods: "early March", "mid-2019", "the end of the year", "beginning of next week" ----

    private bool TryPart(int i, out Parsed p)
    {
        p = default;
        var k = IsWord(i, "the") ? i + 1 : i;
        if (!IsWord(k) || !_words.Parts.TryGetValue(_t[k].Text, out var part))
        {
            // "eod", "end of day": the end of the reference day (RT: its last second)
            if (IsWord(k, "eod") && ReferenceDate is { } eod)
            {
                p = new Parsed(k + 1, null, EndOfDay(eod));
                return true;
            }

            // EOM, BOM, EOY, BOY
            if (IsWord(k) && _t[k].Text is "eom" or "bom" or "eoy" or "boy" && ReferenceDate is { } r)
            {
                var text = _t[k].Text;
                var whole = Period.Containing(r, text[2] == 'm' ? Grain.Month : Grain.Year);
                p = new Parsed(k + 1, null, PartOf(DateValue.Of(whole), text[0] == 'e' ? "end" : "start"));
                return p.Value is not null;
            }

            return false;
        }

        var of = k + 1;
        if (IsPunct(of, "-") && !_t[of].SpaceBefore)
        {
            of++;
        }
        else if (IsWord(of, "of", "in"))
        {
            of++;
        }
        else if (_t[k].Text is "end" or "beginning" or "start" or "middle")
        {
            return false; // "the end" alone is not a date
        }

        if (IsWord(of, "the") && GrainAt(of + 1) is { Count: 1 } g && g.Unit >= Grain.Week && ReferenceDate is { } reference)
        {
            // "the end of the month", "the beginning of the year"
            p = new Parsed(of + 2, null, PartOf(DateValue.Of(Period.Containing(reference, g.Unit)), part));
            return p.Value is not null;
        }

        if (k == i && part == "end" && IsWord(of - 1, "of") && IsWord(of, "day") && ReferenceDate is { } today)
        {
            // "end of day" (not the idiom "at the end of the day")
            p = new Parsed(of + 1, null, EndOfDay(today));
            return true;
        }

        if (GrainAt(of) is { Count: 1 } bare && bare.Unit >= Grain.Week && ReferenceDate is { } reference2 && IsWord(of - 1, "of"))
        {
            // "end of month"
            p = new Parsed(of + 1, null, PartOf(DateValue.Of(Period.Containing(reference2, bare.Unit)), part));
            return p.Value is not null;
        }

        var y = IsWord(of, "the") && IsWord(of + 1, "year") ? of + 2 : of;
        if (Year(y, allowBare: true) is { } year)
        {
            p = new Parsed(y + 1, null, PartOf(DateValue.Of(new Period(new DateTime(year, 1, 1), Grain.Year)), part));
            return p.Value is not null;
        }

        if (Month(of) is { } partMonth && !(IsNumber(of + 1) || IsWord(of + 1) && Month(of + 1) is null && _words.Ordinals.ContainsKey(_t[of + 1].Text)) && Year(of + 1) is null
            && ResolveCal(new Cal(Month: partMonth)) is { } monthValue)
        {
            // "mid-November", "early May", "the end of March": the month alone is safe after a part word.
            p = new Parsed(of + 1, null, PartOf(monthValue, part));
            return p.Value is not null;
        }

        if (TrySingle(of, out var inner) && Resolve(inner) is { IsInterval: false } whole2)
        {
            if (whole2.From.Grain == Grain.Day && part == "end" && _context.PeriodsAsDayRanges)
            {
                // RT: "end of tomorrow" is its last second.
                p = new Parsed(inner.End, null, DateValue.Of(new Period(whole2.From.Start.AddDays(1).AddSeconds(-1), Grain.Second)));
                return true;
            }

            p = new Parsed(inner.End, null, PartOf(whole2, part));
            return p.Value is not null;
        }

        return false;
    }

    /// <summary>Saturday and Sunday; Duckling's weekend runs from Friday 18:00 to Monday 00:00.</summary>
    private DateValue Weekend(DateTime monday) => _context.ShiftToFinerGrain
        ? DateValue.Span(new Period(monday.AddDays(4).AddHours(18), Grain.Hour), new Period(monday.AddDays(6).AddHours(23), Grain.Hour))
        : DateValue.Span(new Period(monday.AddDays(5), Grain.Day), new Period(monday.AddDays(6), Grain.Day));

    private DateValue EndOfDay(DateTime day) => _context.PeriodsAsDayRanges
        ? DateValue.Of(new Period(day.Date.AddDays(1).AddSeconds(-1), Grain.Second))
        : DateValue.Of(new Period(day.Date, Grain.Day));

    /// <summary>The first, middle or last third of a period (weeks: Monday-Wednesday, Friday-Sunday).</summary>
    private DateValue? PartOf(DateValue whole, string part) => PartSpan(whole, part) is { } span ? span with { Whole = whole.From, Part = part } : null;

    private DateValue? PartSpan(DateValue whole, string part)
    {
        var start = whole.From.Start;
        var qualifier = _context.PeriodsAsDayRanges ? part : null;
        switch (whole.From.Grain)
        {
            case Grain.Month:
                var days = DateTime.DaysInMonth(start.Year, start.Month);
                var (first, last) = part switch { "start" => (1, 10), "mid" => (10, 20), _ => (21, days) };
                return DateValue.Span(new Period(start.AddDays(first - 1), Grain.Day), new Period(start.AddDays(last - 1), Grain.Day), qualifier);
            case Grain.Year:
                var (m1, m2) = part switch { "start" => (1, 3), "mid" => (5, 8), _ => (9, 12) };
                if (_context.PeriodsAsDayRanges && part == "start")
                {
                    m2 = 4;
                }

                return DateValue.Span(new Period(start.AddMonths(m1 - 1), Grain.Month), new Period(start.AddMonths(m2 - 1), Grain.Month), qualifier);
            case Grain.Week:
                var (d1, d2) = part switch { "start" => (0, 2), "mid" => (2, 4), _ => (4, 6) };
                return DateValue.Span(new Period(start.AddDays(d1), Grain.Day), new Period(start.AddDays(d2), Grain.Day), qualifier);
            default:
                return null;
        }
    }
}
