using System.Globalization;

namespace Normalize.Core.Units.Dates;

/// <summary>A recurring time ("every week", "each Monday at 4pm", "daily", "twice a year", "mornings").</summary>
/// <param name="Timex">
/// The recurrence as a TIMEX3 value: a period for "every N units" ("P1W", "P2D", "PT2H", "P1WE"), or the
/// repeated point for "every Monday" ("XXXX-WXX-1"), "every morning" ("TMO"), "every Monday at 4pm"
/// ("XXXX-WXX-1T16"), "6am every day" ("T06").
/// </param>
public sealed record SetExpression(int Start, int End, string Timex);

/// <summary>
/// Recurring times (the bench's "set" type, datetime family). They have no date value: the span's
/// <see cref="DateSpan.Iso"/> is the TIMEX recurrence and its <see cref="DateSpan.Grain"/> is "set".
/// </summary>
public static class DateSets
{
    private static Lazy<TimeRules> Rules => TimeRules.Shared;

    /// <summary>A set expression starting at <paramref name="position"/>.</summary>
    public static bool TryMatch(string text, int position, out SetExpression set)
    {
        set = (Every(text, position) ?? Frequency(text, position) ?? Times(text, position) ?? Plural(text, position))!;
        return set is not null;
    }

    /// <summary>"every day", "daily", "everyday" right after a time ("6am everyday"): the time repeated.</summary>
    internal static SetExpression? AfterTime(string text, TimeExpression time)
    {
        if (time.Time is not { } clock || time.Day is not null || time.Qualifier is not null)
        {
            return null;
        }

        var p = Space(text, time.End);
        if (p == time.End)
        {
            return null;
        }

        var end = Word(text, p, "everyday") is > 0 and var e1 ? e1
            : Word(text, p, "daily") is > 0 and var e2 ? e2
            : Word(text, p, "every") is > 0 and var e3 && Word(text, Space(text, e3), "day") is > 0 and var e4 ? e4
            : -1;
        return end < 0 ? null : new SetExpression(time.Start, end, TimexTime(clock));
    }

    /// <summary>"every week", "each two days", "every other Friday", "every morning", "every Monday at 4pm", "everyday 6am".</summary>
    private static SetExpression? Every(string text, int start)
    {
        var p = start;
        if (Word(text, p, "everyday") is > 0 and var everydayEnd)
        {
            return WithTime(text, start, everydayEnd, "P1D", "", daily: true);
        }

        if (WordIn(text, p, "every", "each", "all") is not (> 0 and var leadEnd) || Space(text, leadEnd) == leadEnd)
        {
            return null;
        }

        var all = text.AsSpan(start, leadEnd - start).Equals("all", StringComparison.OrdinalIgnoreCase);
        p = Space(text, leadEnd);
        var count = 1;
        var wordEnd = WordEnd(text, p);
        if (wordEnd > p && !all && Rules.Value.Counts.TryGetValue(text.AsSpan(p, wordEnd - p), out var n) && Space(text, wordEnd) > wordEnd)
        {
            count = n;
            p = Space(text, wordEnd);
        }
        else if (p < text.Length && char.IsAsciiDigit(text[p]) && !all)
        {
            var digitsEnd = p;
            while (digitsEnd < text.Length && char.IsAsciiDigit(text[digitsEnd]))
            {
                digitsEnd++;
            }

            if (Space(text, digitsEnd) == digitsEnd || digitsEnd - p > 3)
            {
                return null;
            }

            count = int.Parse(text.AsSpan(p, digitsEnd - p), CultureInfo.InvariantCulture);
            p = Space(text, digitsEnd);
        }

        // "every Monday", "every other Friday"
        wordEnd = WordEnd(text, p);
        var word = text.AsSpan(p, wordEnd - p);
        if (TimeRules.FullWeekday(word, out var weekday) && !all && count <= 2)
        {
            var end = wordEnd;
            var part = "";
            if (Space(text, end) is var s && s > end && Rules.Value.PartWords.TryMatch(text, s, out var dayPart, out var partEnd))
            {
                (part, end) = (dayPart.Timex, partEnd);
            }

            return WithTime(text, start, end, $"XXXX-WXX-{weekday}{part}", $"XXXX-WXX-{weekday}", daily: false);
        }

        // "every morning", "every evening at 7:13 p.m."
        if (count == 1 && !all && Rules.Value.PartWords.TryMatch(text, p, out var partOfDay, out var partOfDayEnd))
        {
            return WithTime(text, start, partOfDayEnd, partOfDay.Timex, "", daily: true);
        }

        // "every week", "each two days", "every 2 hours", "all weekends"
        if (Rules.Value.SetUnitWords.TryMatch(text, p, out var unit, out var unitEnd))
        {
            var plural = text[unitEnd - 1] is 's' or 'S';
            if (all && !plural)
            {
                return null;
            }

            var period = Period(count * unit.Multiple, unit);
            return unit.Period == "D" && count == 1 ? WithTime(text, start, unitEnd, period, "", daily: true) : new SetExpression(start, unitEnd, period);
        }

        return null;
    }

    /// <summary>A time after the set's head: "every Monday at 4pm" (XXXX-WXX-1T16), "every day at 6am" (T06).</summary>
    private static SetExpression WithTime(string text, int start, int end, string timex, string timePrefix, bool daily)
    {
        var s = Space(text, end);
        if (s > end && TimeOfDay.TryMatch(text, s, afterDate: true, out var time) && time.Time is { } clock && time.Day is null && time.Qualifier is null)
        {
            var atTime = daily ? TimexTime(clock) : timePrefix + TimexTime(clock);
            return new SetExpression(start, time.End, atTime);
        }

        return new SetExpression(start, end, timex);
    }

    /// <summary>"daily", "weekly", "annually", "bi-monthly" (not "Daily Mail", "Weekly Standard": names).</summary>
    private static SetExpression? Frequency(string text, int start)
    {
        if (!Rules.Value.FrequencyWords.TryMatch(text, start, out var timex, out var end))
        {
            return null;
        }

        // "Daily Mail", "the Weekly Standard", "Firefox Nightly": a capital inside a sentence or before another capital is a name.
        var next = Space(text, end);
        if (char.IsUpper(text[start]) && ((next > end && next < text.Length && char.IsUpper(text[next])) || !SentenceStart(text, start)))
        {
            return null;
        }

        return new SetExpression(start, end, timex);
    }

    /// <summary>"once a week", "twice a year", "three times a day", "one a day".</summary>
    private static SetExpression? Times(string text, int start)
    {
        var p = start;
        var wordEnd = WordEnd(text, p);
        var word = text.AsSpan(p, wordEnd - p);
        int count;
        if (word.Equals("once", StringComparison.OrdinalIgnoreCase) || word.Equals("one", StringComparison.OrdinalIgnoreCase))
        {
            count = 1;
        }
        else if (word.Equals("twice", StringComparison.OrdinalIgnoreCase))
        {
            count = 2;
        }
        else if (Rules.Value.Counts.TryGetValue(text.AsSpan(p, wordEnd - p), out var n) && Space(text, wordEnd) is var t && Word(text, t, "times") is > 0 and var timesEnd)
        {
            count = n;
            wordEnd = timesEnd;
        }
        else
        {
            return null;
        }

        var a = Space(text, wordEnd);
        if (a == wordEnd || WordIn(text, a, "a", "an", "per", "every", "each") is not (> 0 and var aEnd))
        {
            return null;
        }

        var u = Space(text, aEnd);
        if (u == aEnd || !Rules.Value.SetUnitWords.TryMatch(text, u, out var unit, out var unitEnd) || text[unitEnd - 1] is 's' or 'S')
        {
            return null;
        }

        _ = count; // "twice a week" repeats within the period; RT's TIMEX gives the period.
        return new SetExpression(start, unitEnd, Period(unit.Multiple, unit));
    }

    /// <summary>
    /// "mornings", "weekends", "on Mondays", "tuesday afternoons" (plural days and parts: habits). A bare
    /// plural is a habit only after "on"/"during" or closing a clause ("I'll be out mornings."), not in
    /// "three weekends", "those nights", "days and nights at home".
    /// </summary>
    private static SetExpression? Plural(string text, int start)
    {
        var end = WordEnd(text, start);
        var word = text.AsSpan(start, end - start);
        if (AfterNumber(text, start))
        {
            return null;
        }

        var habit = TextScan.PreviousWord(text, start) is var previous && (previous.Equals("on", StringComparison.OrdinalIgnoreCase)
            || previous.Equals("during", StringComparison.OrdinalIgnoreCase)
            || (!Rules.Value.NotHabit.Contains(previous) && ClauseEnd(text, end)));

        // "tuesday afternoons"
        if (TimeRules.FullWeekday(word, out var weekday) && Space(text, end) is var p && p > end && WordEnd(text, p) is var partEnd
            && PluralPart(text.AsSpan(p, partEnd - p)) is { } part)
        {
            return new SetExpression(start, partEnd, $"XXXX-WXX-{weekday}{part.Timex}");
        }

        if (word.Length < 5 || word[^1] is not ('s' or 'S') || !habit)
        {
            return null;
        }

        if (TimeRules.FullWeekday(word[..^1], out weekday))
        {
            return new SetExpression(start, end, $"XXXX-WXX-{weekday}");
        }

        if (PluralPart(word) is { } dayPart)
        {
            return new SetExpression(start, end, dayPart.Timex);
        }

        return word[..^1].Equals("weekend", StringComparison.OrdinalIgnoreCase) ? new SetExpression(start, end, "P1WE") : null;
    }


    /// <summary>Nothing or clause punctuation follows ("I'll be out mornings.").</summary>
    private static bool ClauseEnd(string text, int end) => end >= text.Length || text[end] is '.' or ',' or ';' or '!' or '?' or ':' or ')';

    /// <summary>The word at <paramref name="start"/> opens the text or a sentence.</summary>
    private static bool SentenceStart(string text, int start)
    {
        var p = start - 1;
        while (p >= 0 && char.IsWhiteSpace(text[p]))
        {
            p--;
        }

        return p < 0 || text[p] is '.' or '!' or '?' or '"' or '“' or '(' or ':' || (p < start - 1 && text[p + 1] == '\n');
    }

    private static PartOfDay? PluralPart(ReadOnlySpan<char> word) =>
        word.Length > 1 && word[^1] is 's' or 'S' && Rules.Value.PartByWord.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word[..^1], out var part)
            && part.Name != "lunchtime"
            ? part
            : null;

    /// <summary>"three weekends", "2 mornings" count days (a duration), not a habit.</summary>
    private static bool AfterNumber(string text, int start)
    {
        var p = start - 1;
        while (p >= 0 && text[p] == ' ')
        {
            p--;
        }

        if (p < 0 || p == start - 1)
        {
            return false;
        }

        if (char.IsAsciiDigit(text[p]))
        {
            return true;
        }

        var wordStart = p;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        return NumberScanner.IsNumberWord(text.AsSpan(wordStart, p + 1 - wordStart)) || Rules.Value.Counts.ContainsKey(text.AsSpan(wordStart, p + 1 - wordStart));
    }

    private static string Period(int count, TimeRules.SetUnit unit) =>
        (unit.Time ? "PT" : "P") + count.ToString(CultureInfo.InvariantCulture) + unit.Period;

    /// <summary>"T16", "T19:13" (TIMEX time of a repeated clock time).</summary>
    private static string TimexTime(ClockTime clock) =>
        clock.Minute == 0 && clock.Second == 0 ? "T" + clock.Hour.ToString("D2", CultureInfo.InvariantCulture) : "T" + clock.Iso;

    private static int WordEnd(string text, int p)
    {
        var end = p;
        while (end < text.Length && (char.IsLetter(text[end]) || (text[end] == '-' && end > p && end + 1 < text.Length && char.IsLetter(text[end + 1]))))
        {
            end++;
        }

        return end;
    }

    private static int Space(string text, int p)
    {
        var q = p;
        while (q < text.Length && q - p < 3 && text[q] is ' ' or '\u00A0')
        {
            q++;
        }

        return q;
    }

    private static int Word(string text, int p, string word) =>
        p + word.Length <= text.Length
        && string.Compare(text, p, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (p + word.Length == text.Length || !char.IsLetterOrDigit(text[p + word.Length]))
            ? p + word.Length
            : -1;

    private static int WordIn(string text, int p, params ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (Word(text, p, word) is > 0 and var end)
            {
                return end;
            }
        }

        return -1;
    }
}
