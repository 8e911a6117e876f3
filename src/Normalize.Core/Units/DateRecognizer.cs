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
            "cy", "q", "h", "eom", "bom", "eoy", "boy", "a", "an", "twenty", "thirty",
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
