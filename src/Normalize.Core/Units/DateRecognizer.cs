using Normalize.Core.Units.Dates;

namespace Normalize.Core.Units;

/// <summary>
/// Dates and date ranges: absolute ("2024-01-04", "Dec. 30, 2023", "19/06/2024", "04.01.2024"), partial
/// ones completed from the reference date ("Jan. 2", "on the 15th"), relative days and periods
/// ("tomorrow", "next week", "3 days ago", "the last 2 months"), parts ("early March", "the end of the
/// year"), intervals ("from March 3 to 5", "between 2010 and 2015", "since 2015") and dates with a time
/// ("tomorrow at 3pm"). The grammar is in Units/Dates; its words in Rules/dates.yaml. ISO 8601 out.
/// </summary>
internal sealed class DateRecognizer
{
    private readonly DateWords _words = DateWords.Default;

    /// <summary>Words a date can start with (besides digits): the cheap trigger check of the annotator.</summary>
    public static IReadOnlyList<string> TriggerWords { get; } = BuildTriggerWords();

    /// <summary>Common words that start a date only before another date word ("in March", "at the end of 2019", "no later than May").</summary>
    private static readonly HashSet<string> LeadWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "in", "on", "at", "a", "an", "of", "for", "by", "from", "between", "since", "until", "till", "untill", "through", "thru",
        "before", "after", "later", "earlier", "no", "not", "than", "starting", "as", "anytime", "sometime", "sometimes", "during", "around",
        "about", "within", "and", "or",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Leads = LeadWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that make a lead word worth parsing: the date words, units ("a week ago") and parts ("the end of").</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Anchors = BuildAnchors().GetAlternateLookup<ReadOnlySpan<char>>();

    private static HashSet<string> BuildAnchors()
    {
        var anchors = new HashSet<string>(BuildTriggerWords(), StringComparer.OrdinalIgnoreCase);
        anchors.UnionWith(DateWords.Default.Grains.Keys);
        anchors.UnionWith(["couple", "few", "pair", "moment", "present"]);
        anchors.ExceptWith(LeadWords);
        return anchors;
    }

    /// <summary>
    /// Cheap check before parsing: a lead word ("the", "in", "at") is followed, within three words, by a
    /// digit or a date word. Most occurrences of these words in prose are not, and cost one lookup.
    /// </summary>
    private static bool WorthParsing(string text, int position)
    {
        if (char.IsAsciiDigit(text[position]))
        {
            return NumberWorthParsing(text, position);
        }

        var end = WordEnd(text, position);
        if (end == position)
        {
            return true;
        }

        var first = text.AsSpan(position, end - position);
        if (!Triggers.Contains(first))
        {
            return false; // another recogniser's trigger word ("new" for holidays)
        }

        if (Counted.Contains(first))
        {
            // "two weeks ago", "first Monday of", "twenty five January"; not "two people", "the first time".
            return NextWordIn(text, end, Follows);
        }

        if (!Leads.Contains(first))
        {
            return true;
        }

        var p = end;
        for (var hop = 0; hop < 3; hop++)
        {
            while (p < text.Length && text[p] is ' ' or '-' or ',')
            {
                p++;
            }

            if (p >= text.Length)
            {
                return false;
            }

            if (char.IsAsciiDigit(text[p]) || text[p] == '@')
            {
                return true;
            }

            var wordEnd = WordEnd(text, p);
            if (wordEnd == p)
            {
                return false;
            }

            var word = text.AsSpan(p, wordEnd - p);
            if (Anchors.Contains(word))
            {
                return true;
            }

            if (!Leads.Contains(word))
            {
                return false;
            }

            p = wordEnd;
        }

        return false;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Triggers =
        new HashSet<string>(BuildTriggerWords(), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Counts and ordinals: a date only before a unit, a month, a weekday or another number word.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Counted = BuildCounted().GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Follows = BuildFollows().GetAlternateLookup<ReadOnlySpan<char>>();

    private static HashSet<string> BuildCounted()
    {
        var w = DateWords.Default;
        var counted = new HashSet<string>(w.Counts.Keys.Concat(w.Ordinals.Keys), StringComparer.OrdinalIgnoreCase);
        counted.ExceptWith(["a", "an"]);
        counted.ExceptWith(w.Months.Keys);
        return counted;
    }

    private static HashSet<string> BuildFollows()
    {
        var w = DateWords.Default;
        var follows = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        follows.UnionWith(w.Grains.Keys);
        follows.UnionWith(w.Months.Keys);
        follows.UnionWith(w.Weekdays.Keys);
        follows.UnionWith(w.Weekdays.Keys.Select(d => d + "s"));
        follows.UnionWith(w.Shifts.Keys);
        follows.UnionWith(w.Counts.Keys);
        follows.UnionWith(w.Ordinals.Keys);
        follows.UnionWith(["of", "century", "hundred", "thousand", "oh", "qtr", "weekend", "weekends"]);
        return follows;
    }

    /// <summary>
    /// A number starts a date only with a date-like shape: a separator and more digits ("19/06", "2024-01"),
    /// a suffix ("3rd", "5pm", "1990s"), a four-digit year, or a date word after it ("30 December", "3 days ago").
    /// </summary>
    private static bool NumberWorthParsing(string text, int position)
    {
        var end = position;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        if (end - position == 4 || end - position == 8 || end >= text.Length)
        {
            return true;
        }

        var next = text[end];
        if (char.IsLetter(next) || next is '/' or '-' or '.' or ':' or '–' or '~' or '\'' or '’')
        {
            return true;
        }

        if (next != ' ' || end + 1 >= text.Length)
        {
            return false;
        }

        var after = end + 1;
        if (char.IsAsciiDigit(text[after]) || text[after] is '-' or '–')
        {
            return true; // "2016 10 16", "9h30 - 11h"
        }

        var wordEnd = WordEnd(text, after);
        var word = text.AsSpan(after, wordEnd - after);
        return wordEnd > after && (Follows.Contains(word) || Anchors.Contains(word) || Leads.Contains(word) || IsClockWord(word));
    }

    private static bool IsClockWord(ReadOnlySpan<char> word) =>
        word.Equals("am", StringComparison.OrdinalIgnoreCase) || word.Equals("pm", StringComparison.OrdinalIgnoreCase)
        || word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("p", StringComparison.OrdinalIgnoreCase)
        || word.Equals("oclock", StringComparison.OrdinalIgnoreCase) || word.Equals("o", StringComparison.OrdinalIgnoreCase)
        || word.Equals("h", StringComparison.OrdinalIgnoreCase) || word.Equals("tonight", StringComparison.OrdinalIgnoreCase)
        || word.Equals("to", StringComparison.OrdinalIgnoreCase) || word.Equals("ish", StringComparison.OrdinalIgnoreCase);

    private static bool NextWordIn(string text, int position, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> words)
    {
        var p = position;
        while (p < text.Length && text[p] is ' ' or '-')
        {
            p++;
        }

        var end = WordEnd(text, p);
        return end > p && words.Contains(text.AsSpan(p, end - p));
    }

    private static int WordEnd(string text, int position)
    {
        var end = position;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return end;
    }

    private static List<string> BuildTriggerWords()
    {
        var w = DateWords.Default;
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        words.UnionWith(w.Months.Keys);
        words.UnionWith(w.Weekdays.Keys);
        words.UnionWith(w.RelativeDays.Keys);
        words.UnionWith(w.Shifts.Keys);
        words.UnionWith(w.Parts.Keys);
        words.UnionWith(w.Decades.Keys);
        words.UnionWith(w.Ordinals.Keys);
        words.UnionWith(w.Counts.Keys.Where(k => k is not ("a" or "an")));
        words.UnionWith(
        [
            "the", "in", "on", "at", "during", "around", "about", "within", "from", "between", "since", "until", "till", "untill", "through",
            "thru", "before", "after", "later", "earlier", "no", "not", "starting", "as", "anytime", "sometime", "sometimes", "week", "year",
            "cy", "q", "h", "eom", "bom", "eoy", "boy", "a", "an", "twenty", "thirty", "by", "w", "for", "now", "otd", "eod", "moment", "present", "that", "weekend", "same", "more", "calendar",
        ]);
        return [.. words];
    }

    public bool TryMatch(string text, int position, AnnotationContext context, out DateSpan span)
    {
        span = null!;
        if (!char.IsLetterOrDigit(text[position]))
        {
            return false;
        }

        if (!WorthParsing(text, position))
        {
            return false;
        }

        var parser = new DateParser(text, position, context, _words);
        DateValue value;
        int start, end;
        try
        {
            if (!parser.TryParse(out value, out start, out end))
            {
                return false;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            // Calendar arithmetic before year 1 or after 9999 ("in the last 3000 years" from 2024, "the past 9999
            // centuries" is not): such an expression has no date to emit; the article goes on.
            return false;
        }

        span = new DateSpan
        {
            Text = text[start..end],
            Iso = DateRendering.Iso(value, context),
            Start = start,
            End = end,
            Grain = DateRendering.GrainName(value),
            Completed = parser.UsedReference,
            Qualifier = value.Qualifier,
        };
        return true;
    }
}
