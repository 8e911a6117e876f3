using Normalize.Core.Units.Dates;

namespace Normalize.Core.Units.Holidays;

/// <summary>
/// Words before a holiday name that make a day of their own from it: a part of the day ("the morning
/// of Christmas"), an offset ("5 days before New Year", "a week after Easter", "the day after
/// Thanksgiving") or a weekday counted from it ("the third Tuesday after Christmas 2014").
/// </summary>
internal sealed partial class HolidayRecognizer
{
    /// <summary>What was read before the name; End = where the name (or "the", a modifier) may start.</summary>
    private readonly record struct Prefix(int End, HolidayOffset? Offset, TimeExpression? PartOfDay)
    {
        public bool IsEmpty => Offset is null && PartOfDay is null;
    }

    /// <summary>An amount of days, weeks, months or years, or the nth weekday, before or after a day.</summary>
    private sealed record HolidayOffset(int Amount, string Unit, DayOfWeek? Weekday, bool Before)
    {
        public DateTime From(DateTime day)
        {
            if (Weekday is { } weekday)
            {
                // The nth such weekday strictly after (or before) the day.
                var step = Before ? -1 : 1;
                var d = day;
                var seen = 0;
                while (seen < Amount)
                {
                    d = d.AddDays(step);
                    if (d.DayOfWeek == weekday)
                    {
                        seen++;
                    }
                }

                return d;
            }

            var n = Before ? -Amount : Amount;
            return Unit switch
            {
                "day" => day.AddDays(n),
                "week" => day.AddDays(7 * n),
                "month" => day.AddMonths(n),
                _ => day.AddYears(n),
            };
        }
    }

    private static readonly string[] Grains = ["day", "week", "month", "year"];

    private static readonly Dictionary<string, DayOfWeek> WeekdayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    };

    /// <summary>Parts of the day by their (one-word) names: "morning", "evening"...</summary>
    private static readonly Dictionary<string, PartOfDay> PartsOfDay = TimeRules.Shared.Value.PartsOfDay
        .SelectMany(part => part.Words.Where(w => w.All(char.IsLetter)).Select(w => (w, part)))
        .DistinctBy(e => e.w, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(e => e.w, e => e.part, StringComparer.OrdinalIgnoreCase);

    /// <summary>Words a prefix starts with, for the annotator's trigger check (numbers in digits always try).</summary>
    private static IEnumerable<string> PrefixWords() =>
        WeekdayNames.Keys
            .Concat(["a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"])
            .Concat(["first", "second", "third", "fourth", "fifth"])
            .Concat(PartsOfDay.Keys);

    private Prefix ReadPrefix(string text, int position, AnnotationContext context)
    {
        var none = new Prefix(position, null, null);
        var p = StartsWithWords(text, position, "the ") is > 0 and var afterThe ? afterThe : position;

        // "morning of", "the evening of": the part of the day on the holiday.
        if (PartsOfDay.TryGetValue(WordAt(text, p).ToString(), out var part) && StartsWithWords(text, p + WordAt(text, p).Length, " of ") is > 0 and var afterOf)
        {
            return new Prefix(afterOf, null, new TimeExpression { Start = p, End = afterOf - 4, BodyStart = p, Part = part });
        }

        // "the day after", "the Friday before".
        if (p > position)
        {
            var word = WordAt(text, p);
            var weekday = WeekdayNames.TryGetValue(word.ToString(), out var w) ? w : (DayOfWeek?)null;
            if ((weekday is not null || word.Equals("day", StringComparison.OrdinalIgnoreCase))
                && Direction(text, p + word.Length) is { } direction)
            {
                return new Prefix(direction.End, new HolidayOffset(1, "day", weekday, direction.Before), null);
            }
        }

        // "5 days before", "a week after", "third tuesday after".
        int amount;
        int afterNumber;
        var afterArticle = Math.Max(StartsWithWords(text, p, "a "), StartsWithWords(text, p, "an "));
        if (p == position && afterArticle > 0)
        {
            (amount, afterNumber) = (1, afterArticle - 1);
        }
        else if (_numbers.TryRead(text, p, false, out var number) && number.Value is >= 1 and <= 100 && number.Value == decimal.Truncate(number.Value))
        {
            (amount, afterNumber) = ((int)number.Value, number.End);
            if (number.IsOrdinal)
            {
                var weekdayWord = afterNumber < text.Length && text[afterNumber] == ' ' ? WordAt(text, afterNumber + 1) : [];
                if (WeekdayNames.TryGetValue(weekdayWord.ToString(), out var nthWeekday)
                    && Direction(text, afterNumber + 1 + weekdayWord.Length) is { } nthDirection)
                {
                    return new Prefix(nthDirection.End, new HolidayOffset(amount, "day", nthWeekday, nthDirection.Before), null);
                }

                return none;
            }
        }
        else
        {
            return none;
        }

        if (p > position || afterNumber >= text.Length || text[afterNumber] != ' ')
        {
            return none;
        }

        var unitWord = WordAt(text, afterNumber + 1);
        var singular = unitWord.EndsWith("s") ? unitWord[..^1] : unitWord;
        foreach (var grain in Grains)
        {
            if (singular.Equals(grain, StringComparison.OrdinalIgnoreCase) && (amount == 1) != unitWord.EndsWith("s")
                && Direction(text, afterNumber + 1 + unitWord.Length) is { } unitDirection)
            {
                return new Prefix(unitDirection.End, new HolidayOffset(amount, grain, null, unitDirection.Before), null);
            }
        }

        return none;
    }

    /// <summary>" before " or " after ".</summary>
    private static (int End, bool Before)? Direction(string text, int position) =>
        StartsWithWords(text, position, " before ") is > 0 and var before ? (before, true)
        : StartsWithWords(text, position, " after ") is > 0 and var after ? (after, false)
        : null;
}
