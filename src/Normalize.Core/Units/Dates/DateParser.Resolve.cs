using System.Globalization;

namespace Normalize.Core.Units.Dates;

/// <summary>Completing calendar fields from the reference date, and the token helpers.</summary>
internal sealed partial class DateParser
{
    private DateValue? Resolve(Parsed p) => p.Value ?? (p.Cal is { } cal ? ResolveCal(cal) : null);

    /// <summary>
    /// Calendar fields to a period. Missing fields come from the reference: the nearest occurrence
    /// (news, RT), or the next one (Duckling); an interval's end comes after its start (<paramref name="after"/>).
    /// </summary>
    private DateValue? ResolveCal(Cal cal, DateValue? after = null, bool pastOnly = false)
    {
        if (pastOnly && cal.Year is null && cal.Month is { } pm && ReferenceDate is { } pr)
        {
            // "from March to date": the last March.
            var y = pm <= pr.Month ? pr.Year : pr.Year - 1;
            return ResolveCal(cal with { Year = y });
        }

        var r = ReferenceDate;
        DateTime day;
        if (cal.Year is { } year && cal.Month is { } month)
        {
            if (cal.Day is not { } d)
            {
                return DateValue.Of(new Period(new DateTime(year, month, 1), Grain.Month));
            }

            if (d > DateTime.DaysInMonth(year, month))
            {
                return null;
            }

            day = new DateTime(year, month, d);
        }
        else if (cal.Year is { } onlyYear && cal.Day is null)
        {
            return DateValue.Of(new Period(new DateTime(onlyYear, 1, 1), Grain.Year));
        }
        else if (cal.Month is { } m)
        {
            var anchor = after?.From.Start ?? r;
            if (anchor is not { } a)
            {
                return null;
            }

            if (cal.Day is not { } d)
            {
                var y = after is not null ? (m < a.Month ? a.Year + 1 : a.Year) : PickYear(a, m, 1, monthOnly: true);
                return y is null ? null : DateValue.Of(new Period(new DateTime(y.Value, m, 1), Grain.Month));
            }

            int? yy = after is not null ? a.Year + (new DateTime(a.Year, m, Math.Min(d, DateTime.DaysInMonth(a.Year, m))) < a.Date ? 1 : 0) : PickYear(a, m, d, monthOnly: false);
            if (yy is null || d > DateTime.DaysInMonth(yy.Value, m))
            {
                return null;
            }

            day = new DateTime(yy.Value, m, d);
        }
        else if (cal.Day is { } dayOnly && r is { } reference)
        {
            if (cal.Weekday is { } wd)
            {
                return DayWithWeekday(reference, dayOnly, wd) is { } found ? WithCalTime(found, cal) : null;
            }

            var candidates = new[] { -1, 0, 1 }
                .Select(k => new DateTime(reference.Year, reference.Month, 1).AddMonths(k))
                .Where(first => dayOnly <= DateTime.DaysInMonth(first.Year, first.Month))
                .Select(first => first.AddDays(dayOnly - 1))
                .ToList();
            if (candidates.Count == 0)
            {
                return null;
            }

            day = _context.PreferFutureDates
                ? candidates.Where(c => c >= reference.Date).DefaultIfEmpty(candidates[^1]).First()
                : candidates.MinBy(c => Math.Abs((c - reference.Date).TotalDays));
        }
        else if (cal.Weekday is { } weekday && r is { } reference2)
        {
            var today = reference2.Date;
            var diff = weekday - Period.IsoWeekday(today);
            if (_context.PreferFutureDates)
            {
                diff = diff < 0 ? diff + 7 : diff;
            }
            else if (diff > 3)
            {
                diff -= 7; // a news report's "on Wednesday" is the nearest one, leaning to the past
            }
            else if (diff < -3)
            {
                diff += 7;
            }

            day = today.AddDays(diff);
        }
        else
        {
            return null;
        }

        return WithCalTime(day, cal);
    }

    private static DateValue WithCalTime(DateTime day, Cal cal) => cal.Time is { } time
        ? DateValue.Of(new Period(day + time, cal.Seconds ? Grain.Second : Grain.Minute))
        : DateValue.Of(new Period(day, Grain.Day));

    /// <summary>The year for a month (and day) without one: the next occurrence (Duckling) or the nearest.</summary>
    private int? PickYear(DateTime reference, int month, int day, bool monthOnly)
    {
        if (_context.PreferFutureDates)
        {
            for (var y = reference.Year; y <= reference.Year + 4; y++)
            {
                if (day > DateTime.DaysInMonth(y, month))
                {
                    continue;
                }

                var candidate = new DateTime(y, month, day);
                if (monthOnly ? (y > reference.Year || month >= reference.Month) : candidate >= reference.Date)
                {
                    return y;
                }
            }

            return null;
        }

        int? best = null;
        var bestDistance = double.MaxValue;
        for (var y = reference.Year - 1; y <= reference.Year + 1; y++)
        {
            if (day > DateTime.DaysInMonth(y, month))
            {
                continue;
            }

            var candidate = monthOnly ? new DateTime(y, month, 15) : new DateTime(y, month, day);
            var distance = Math.Abs((candidate - reference.Date).TotalDays);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (y, distance);
            }
        }

        return best;
    }

    /// <summary>"Thu 15th": the month, nearest the reference (or next, for Duckling), whose 15th is a Thursday.</summary>
    private DateTime? DayWithWeekday(DateTime reference, int day, int weekday)
    {
        var first = new DateTime(reference.Year, reference.Month, 1);
        DateTime? best = null;
        for (var k = _context.PreferFutureDates ? 0 : -24; k <= 24; k++)
        {
            var month = first.AddMonths(k);
            if (day > DateTime.DaysInMonth(month.Year, month.Month))
            {
                continue;
            }

            var candidate = month.AddDays(day - 1);
            if (Period.IsoWeekday(candidate) != weekday || (_context.PreferFutureDates && candidate < reference.Date))
            {
                continue;
            }

            if (best is null || Math.Abs((candidate - reference.Date).TotalDays) < Math.Abs((best.Value - reference.Date).TotalDays))
            {
                best = candidate;
            }

            if (_context.PreferFutureDates)
            {
                break;
            }
        }

        return best;
    }

    // ---- token helpers -------------------------------------------------------------------------------------

    private bool IsWord(int i) => i >= 0 && i < _t.Count && _t[i].IsWord;

    private bool IsWord(int i, string w) => IsWord(i) && _t[i].Text == w;

    private bool IsWord(int i, params ReadOnlySpan<string> words)
    {
        if (!IsWord(i))
        {
            return false;
        }

        foreach (var w in words)
        {
            if (_t[i].Text == w)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word in exactly this case-insensitive spelling, glued or not.</summary>
    private bool IsWordExact(int i, string w) => IsWord(i) && _t[i].Text == w;

    private bool IsNumber(int i) => i >= 0 && i < _t.Count && _t[i].IsNumber;

    private bool IsPunct(int i, params ReadOnlySpan<string> marks)
    {
        if (i < 0 || i >= _t.Count || _t[i].Kind != TokenKind.Punct)
        {
            return false;
        }

        foreach (var m in marks)
        {
            if (_t[i].Text == m)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Past the dot of an abbreviation ("Dec.", "Thu."), not a sentence's full stop ("in August.").</summary>
    private int SkipDot(int k) =>
        IsPunct(k, ".") && !_t[k].SpaceBefore && IsWord(k - 1) && _t[k - 1].Text.Length <= 4 && _t[k - 1].Text is not ("may" or "june" or "july") ? k + 1 : k;

    private int? Month(int i) => IsWord(i) && _words.Months.TryGetValue(_t[i].Text, out var m) ? m : null;

    private int? Weekday(int i) => IsWord(i) && _words.Weekdays.TryGetValue(_t[i].Text, out var d) ? d : null;

    private int? Shift(int i) => IsWord(i) && _words.Shifts.TryGetValue(_t[i].Text, out var s) ? s : null;

    private GrainWord? GrainAt(int i) => IsWord(i) && _words.Grains.TryGetValue(_t[i].Text, out var g) ? g : null;

    /// <summary>A four-digit year (1000-2999); with <paramref name="allowShort"/> also two digits ("April of 87").</summary>
    private int? Year(int i, bool allowShort = false, bool allowBare = true)
    {
        if (!IsNumber(i))
        {
            return null;
        }

        var text = _t[i].Text;
        if (text.Length == 4 && Int(text) is var y and >= 1000 and <= 2999)
        {
            return IsPunct(i + 1, ".", ",") && IsNumber(i + 2) && !_t[i + 1].SpaceBefore && !_t[i + 2].SpaceBefore ? null : y;
        }

        return allowShort && text.Length == 2 ? FullYear(text) : null;
    }

    /// <summary>A day of the month: "15", "15th", "3rd", "third", "twenty first", "thirty-first".</summary>
    private bool DayNumber(int i, out int day, out int end)
    {
        day = 0;
        end = i;
        if (IsNumber(i) && _t[i].Text.Length <= 2)
        {
            day = Int(_t[i].Text);
            end = i + 1;
            if (IsWord(end, "st", "nd", "rd", "th") && !_t[end].SpaceBefore)
            {
                end++;
            }

            return day is >= 1 and <= 31;
        }

        if (!IsWord(i))
        {
            return false;
        }

        if (_words.Ordinals.TryGetValue(_t[i].Text, out day))
        {
            end = i + 1;
            return day <= 31;
        }

        // "fifteen August", "twenty five January": a cardinal day only before a month
        if (_words.Counts.TryGetValue(_t[i].Text, out var cardinal) && cardinal is >= 1 and <= 19 && _t[i].Text is not ("a" or "an") && Month(i + 1) is not null)
        {
            (day, end) = (cardinal, i + 1);
            return true;
        }

        // "twenty first", "thirty-first", "twenty nine"
        if (_words.Counts.TryGetValue(_t[i].Text, out var tens) && tens is 20 or 30)
        {
            var k = IsPunct(i + 1, "-") ? i + 2 : i + 1;
            if (IsWord(k) && (_words.Ordinals.TryGetValue(_t[k].Text, out var unit) || _words.Counts.TryGetValue(_t[k].Text, out unit)) && unit is >= 1 and <= 9)
            {
                day = tens + unit;
                end = k + 1;
                return day <= 31;
            }

            if (IsWord(i, "twentieth", "thirtieth"))
            {
                end = i + 1;
                return true;
            }
        }

        return false;
    }

    private bool HasOrdinalSuffix(int i) => IsNumber(i) && IsWord(i + 1, "st", "nd", "rd", "th") && !_t[i + 1].SpaceBefore;

    private bool IsOrdinalWord(int i) => IsWord(i) && (_words.Ordinals.ContainsKey(_t[i].Text) || (_words.Counts.TryGetValue(_t[i].Text, out var t) && t is 20 or 30 && IsWord(i + 1) && _words.Ordinals.ContainsKey(_t[i + 1].Text)));

    /// <summary>A count: digits, "a", "two", "a couple of", "a few", "twenty four".</summary>
    private bool TryCount(int i, out int count, out int end)
    {
        count = 0;
        end = i;
        if (IsNumber(i) && _t[i].Text.Length <= 4)
        {
            count = Int(_t[i].Text);
            end = i + 1;
            return count > 0 && !(IsPunct(end, ".", ",", ":", "/") && IsNumber(end + 1));
        }

        if (!IsWord(i) || !_words.Counts.TryGetValue(_t[i].Text, out count))
        {
            return false;
        }

        end = i + 1;
        if (IsWord(i, "a", "an") && IsWord(end) && _words.Counts.TryGetValue(_t[end].Text, out var vague) && _t[end].Text is "couple" or "pair" or "few")
        {
            count = vague;
            end++;
        }

        if (_t[end - 1].Text is "couple" or "pair" or "few" && IsWord(end, "of"))
        {
            end++;
        }
        else if (count is >= 20 and <= 90 && IsWord(end) && _words.Counts.TryGetValue(_t[end].Text, out var unit) && unit is >= 1 and <= 9)
        {
            count += unit;
            end++;
        }

        return true;
    }

    /// <summary>The word before a character offset in the whole text, lower-cased.</summary>
    private string? PreviousWord(int charStart)
    {
        var p = charStart - 1;
        while (p >= 0 && _text[p] == ' ')
        {
            p--;
        }

        var end = p + 1;
        while (p >= 0 && char.IsLetter(_text[p]))
        {
            p--;
        }

        return end > p + 1 ? _text[(p + 1)..end].ToLowerInvariant() : null;
    }

    private char PreviousChar(int charStart)
    {
        var p = charStart - 1;
        while (p >= 0 && _text[p] == ' ')
        {
            p--;
        }

        return p >= 0 ? _text[p] : '\0';
    }

    private bool PrecededByOn(int i) => PreviousWord(_t[i].Start) is "on" or "by" or "until" or "since" or "from" or "before" or "after" or "till";
}
