using System.Globalization;

namespace Normalize.Core.Units.Holidays;

/// <summary>
/// Holidays and named days as dates: "Christmas", "next Thanksgiving", "Eid al-Adha 1966",
/// "black friday of 2017", "thanksgiving in 9 months", "labor day weekend", "the weekend of halloween",
/// "xmas at 6 pm". Days come from <see cref="HolidayCalendar"/>; the year, when not written, from
/// the reference date (<see cref="AnnotationContext.PreferFutureDates"/>).
/// </summary>
internal sealed partial class HolidayRecognizer
{
    private readonly HolidayCalendar _calendar;
    private readonly NumberScanner _numbers;
    private readonly PhraseMatcher<(HolidayEntry Holiday, NameKind Kind)> _names = new();
    private readonly HashSet<string> _triggerWords = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _afterThe;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _nameWords;

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _nounsAfterHolidays;

    public HolidayRecognizer(HolidayTable table, NumberScanner numbers)
    {
        _calendar = new HolidayCalendar(table);
        _nounsAfterHolidays = new HashSet<string>(table.NounsAfterHolidays, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _numbers = numbers;
        var afterThe = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "weekend", "closest", "second", "third", "fourth", "fifth" };
        foreach (var holiday in table.Holidays)
        {
            foreach (var (name, kind) in holiday.Names.Select(n => (n, NameKind.Plain))
                .Concat(holiday.QualifiedNames.Select(n => (n, NameKind.Qualified)))
                .Concat(holiday.CasedNames.Select(n => (n, NameKind.Cased)))
                .Concat(holiday.CapitalisedNames.Select(n => (n, NameKind.Capitalised))))
            {
                foreach (var variant in Variants(name))
                {
                    _names.Add(variant, (holiday, kind), ignoreCase: kind != NameKind.Cased);

                    var words = variant.Split(' ');
                    if (words[0].Equals("the", StringComparison.OrdinalIgnoreCase) && words.Length > 1)
                    {
                        afterThe.Add(new string(words[1].TakeWhile(char.IsLetter).ToArray()));
                    }
                    else if (char.IsLetter(variant[0]))
                    {
                        _triggerWords.Add(new string(variant.TakeWhile(char.IsLetter).ToArray()));
                    }
                }
            }
        }

        _afterThe = afterThe.GetAlternateLookup<ReadOnlySpan<char>>();
        _triggerWords.UnionWith(Modifiers); // "next Christmas"
        _nameWords = new HashSet<string>(_triggerWords, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in PrefixWords())
        {
            _triggerWords.Add(word);
            afterThe.Add(word);
        }

        afterThe.Add("day");
    }

    /// <summary>First words of the holiday names and of their modifiers (besides "the": see <see cref="MayFollowThe"/>).</summary>
    public IReadOnlyCollection<string> TriggerWords => _triggerWords;

    /// <summary>
    /// Cheap test before <see cref="TryMatch"/>: a holiday name's first word; "the" with <see cref="MayFollowThe"/>;
    /// a modifier ("next", "last" ...) right before a name's first word; a word or number that starts a
    /// prefix ("a week before", "5 days after", "morning of", "4th of July") with its "before", "after" or
    /// "of" in the next three words. Most date words and numbers are none of these.
    /// </summary>
    public bool MayStart(string text, int position)
    {
        if (char.IsDigit(text[position]))
        {
            return LinkSoon(text, position);
        }

        var word = WordAt(text, position);
        var end = position + word.Length;
        if (word.Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            return MayFollowThe(text, end);
        }

        foreach (var modifier in Modifiers)
        {
            if (word.Equals(modifier, StringComparison.OrdinalIgnoreCase))
            {
                return end + 1 < text.Length && text[end] == ' ' && _nameWords.Contains(WordAt(text, end + 1));
            }
        }

        return _nameWords.Contains(word) || (_triggerWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) && LinkSoon(text, position));
    }

    /// <summary>"before", "after" or "of" among the three words after the one at <paramref name="position"/>.</summary>
    private static bool LinkSoon(string text, int position)
    {
        var p = position;
        for (var words = 0; words < 3; words++)
        {
            while (p < text.Length && char.IsLetterOrDigit(text[p]))
            {
                p++;
            }

            if (p + 1 >= text.Length || text[p] != ' ')
            {
                return false;
            }

            p++;
            var next = WordAt(text, p);
            if (next.Equals("before", StringComparison.OrdinalIgnoreCase) || next.Equals("after", StringComparison.OrdinalIgnoreCase)
                || next.Equals("of", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Cheap test after "the": "the weekend of ...", "the closest ...", "the 3rd closest ...", or a
    /// name that starts with "the" ("the night journey"). "The" alone is too common to try more.
    /// </summary>
    public bool MayFollowThe(string text, int end)
    {
        if (end + 1 >= text.Length || text[end] != ' ')
        {
            return false;
        }

        return char.IsDigit(text[end + 1]) || _afterThe.Contains(WordAt(text, end + 1));
    }

    /// <summary>"valentine's day" is also written "valentine’s day" and "valentines day".</summary>
    private static IEnumerable<string> Variants(string name)
    {
        yield return name;
        if (name.Contains('\''))
        {
            yield return name.Replace('\'', '’');
            yield return name.Replace("'", "", StringComparison.Ordinal);
        }
    }

    private enum Frame { None, Weekend, Closest }

    /// <summary>How a name may be written: see the options of holidays.yaml.</summary>
    private enum NameKind { Plain, Qualified, Cased, Capitalised }

    /// <summary>What the words around a holiday name say: which occurrence, and what is made of it.</summary>
    private sealed record Reading
    {
        public Prefix Prefix { get; init; }
        public Frame Frame { get; set; }
        public int Rank { get; init; } = 1;
        public string? Modifier { get; init; }
        public int? Year { get; set; }
        public (int Amount, string Unit) Shift { get; set; } = (0, "");
    }

    /// <summary>
    /// True when a holiday name is read at <paramref name="position"/>: <paramref name="span"/> is its
    /// date, or null when the name is not a date here ("Good Friday Agreement", "Christmas tree", no
    /// reference date); either way the words up to <paramref name="end"/> are taken, so a weekday
    /// inside the name ("Friday") is not read as a date of its own.
    /// </summary>
    public bool TryMatch(string text, int position, AnnotationContext context, out DateSpan? span, out int end)
    {
        span = null;
        end = position;
        if (ReadLead(text, position, context) is not var (reading, p) || !_names.TryMatch(text, p, out var found, out end))
        {
            return false;
        }

        // A name that is no date here takes its words only when it starts here: the words before it
        // ("10 years after Christmas Island") are left to the other recognisers.
        var (holiday, kind) = found;
        var nameOnly = p == position;
        var nameEnd = end;
        if (!StandsAlone(text, p, end, reading.Modifier is null && reading.Frame == Frame.None)
            || (kind == NameKind.Capitalised && !char.IsUpper(text[p]) && IsCasedProse(text, p, end))
            || IsPossessive(text, end))
        {
            return nameOnly;
        }

        end = ReadTail(text, end, context, reading);
        var qualifiedAlone = kind == NameKind.Qualified && reading is { Year: null, Modifier: null, Frame: Frame.None, Prefix.IsEmpty: true };
        if (qualifiedAlone || Choose(holiday, reading, context) is not { } days)
        {
            end = nameEnd;
            return nameOnly;
        }

        var iso = Render(text, ref end, days, reading, context);
        var start = context.SpanIncludesPreposition ? WithPreposition(text, position) : position;
        span = new DateSpan
        {
            Text = text[start..end],
            Iso = iso,
            Start = start,
            End = end,
            Grain = iso.Contains('T') ? (iso.Contains('/') ? "hour" : "minute") : "day",
            Completed = reading.Year is null,
        };
        return true;
    }

    /// <summary>
    /// The words before the name: a prefix ("5 days before", "morning of"), "the weekend of", "the
    /// 3rd closest", a modifier ("next"). Null when the word here only starts a prefix and none follows.
    /// </summary>
    private (Reading Reading, int NameStart)? ReadLead(string text, int position, AnnotationContext context)
    {
        var prefix = ReadPrefix(text, position, context);
        if (prefix.IsEmpty && char.IsLetter(text[position]) && !_nameWords.Contains(WordAt(text, position)) && !IsWordAt(text, position, "the"))
        {
            return null; // "a", "Monday", "morning" without what makes them a prefix
        }

        var p = prefix.End;
        var frame = Frame.None;
        var rank = 1;
        if (StartsWithWords(text, p, "the weekend of ") is > 0 and var afterWeekend)
        {
            frame = Frame.Weekend;
            p = afterWeekend;
        }
        else if (IsWordAt(text, p, "the") && TryClosest(text, p + 4, out rank, out var afterClosest))
        {
            frame = Frame.Closest;
            p = afterClosest;
        }

        string? modifier = null;
        foreach (var word in Modifiers)
        {
            if (StartsWithWords(text, p, word + " ") is > 0 and var afterModifier)
            {
                modifier = word;
                p = afterModifier;
                break;
            }
        }

        return (new Reading { Prefix = prefix, Frame = frame, Rank = rank, Modifier = modifier }, p);
    }

    /// <summary>The words after the name: " weekend", a year (" 2013", " of next year"), a shift (" in 9 months"), " to today".</summary>
    private int ReadTail(string text, int end, AnnotationContext context, Reading reading)
    {
        if (reading.Frame == Frame.None && StartsWithWords(text, end, " weekend") is > 0 and var afterWeekend)
        {
            reading.Frame = Frame.Weekend;
            end = afterWeekend;
        }

        if (TryYear(text, end, context, out var year, out var afterYear))
        {
            reading.Year = year;
            end = afterYear;
            if (reading.Frame == Frame.None && StartsWithWords(text, end, " weekend") is > 0 and var afterTrailingWeekend)
            {
                reading.Frame = Frame.Weekend;
                end = afterTrailingWeekend;
            }
        }
        else if (TryShift(text, end, out var amount, out var unit, out var afterShift))
        {
            reading.Shift = (amount, unit);
            end = afterShift;
        }

        if (reading.Frame == Frame.Closest && Math.Max(StartsWithWords(text, end, " to today"), StartsWithWords(text, end, " to now")) is > 0 and var afterNow)
        {
            end = afterNow;
        }

        return end;
    }

    /// <summary>The value: a day, an interval (multi-day holiday, weekend), a day offset from it, a part of the day or a time on it.</summary>
    private static string Render(string text, ref int end, HolidayDays days, Reading reading, AnnotationContext context)
    {
        var first = days.First;
        var last = days.First.AddDays(days.Days - 1);
        var exclusiveEnd = last.AddDays(1);
        var exclusive = context.ExclusiveIntervalEnds || context.PeriodsAsDayRanges;
        if (context.Holidays.FromEve && days.Eve)
        {
            // From sunset of the eve; a holiday counted in nights ends the morning after its last night.
            first = first.AddDays(-1);
            exclusiveEnd = days.Nights ? first.AddDays(days.Days) : exclusiveEnd;
        }

        if (reading.Prefix.Offset is { } offset)
        {
            return Day(offset.From(offset.Before ? days.First : last));
        }

        if (reading.Prefix.PartOfDay is { } part)
        {
            return part.IsoOn(first, context);
        }

        if (reading.Frame == Frame.Weekend)
        {
            var (from, to) = WeekendOf(days.First);
            return $"{Day(from)}/{Day(exclusive ? to : to.AddDays(-1))}";
        }

        if (days.Days > 1)
        {
            return $"{Day(first)}/{Day(exclusive ? exclusiveEnd : exclusiveEnd.AddDays(-1))}";
        }

        // "Christmas morning", "Halloween night": that part of the holiday.
        if (context.Holidays.JoinTime && end + 1 < text.Length && text[end] == ' '
            && PartsOfDay.TryGetValue(WordAt(text, end + 1).ToString(), out var partAfter))
        {
            var partStart = end + 1;
            end = partStart + WordAt(text, partStart).Length;
            return new Dates.TimeExpression { Start = partStart, End = end, BodyStart = partStart, Part = partAfter }.IsoOn(first, context);
        }

        if (context.Holidays.JoinTime && TryTime(text, end, context, first, out var time, out var afterTime))
        {
            end = afterTime;
            return time;
        }

        return Day(first);
    }

    /// <summary>"christmas's" reads as a possessive noun, and "martin luther king' day" is no name.</summary>
    private static bool IsPossessive(string text, int end) =>
        (end < text.Length && text[end] == '\'') || (end + 1 < text.Length && text[end] == '’' && text[end + 1] == 's');

    /// <summary>Duckling's spans take the preposition before a date ("on christmas eve").</summary>
    private static int WithPreposition(string text, int start)
    {
        var previous = TextScan.WordOneSpaceBefore(text, start);
        foreach (var preposition in (ReadOnlySpan<string>)["at", "on", "in", "during", "around", "about", "for", "of"])
        {
            if (previous.Equals(preposition, StringComparison.OrdinalIgnoreCase))
            {
                return start - 1 - previous.Length;
            }
        }

        return start;
    }

    private static readonly string[] Modifiers = ["next", "last", "this", "coming", "previous", "upcoming"];

    /// <summary>Which occurrence the words point to; null when the year cannot be known.</summary>
    private HolidayDays? Choose(HolidayEntry holiday, Reading reading, AnnotationContext context)
    {
        var (year, modifier, frame, rank, shift) = (reading.Year, reading.Modifier, reading.Frame, reading.Rank, reading.Shift);
        if (year is { } written)
        {
            var inYear = _calendar.In(holiday, written);
            return inYear.Count > 0 ? inYear[0] : null;
        }

        if (context.Reference is not { } reference)
        {
            return null;
        }

        var today = reference.Date;
        if (shift.Amount != 0)
        {
            var target = shift.Unit switch
            {
                "day" => today.AddDays(shift.Amount),
                "week" => today.AddDays(7 * shift.Amount),
                "month" => today.AddMonths(shift.Amount),
                _ => today.AddYears(shift.Amount),
            };
            return _calendar.Around(holiday, target.Year, 1).FirstOrDefault(d => d.First >= target) is { Days: > 0 } after ? after : null;
        }

        var around = _calendar.Around(holiday, today.Year, 3).ToList();

        if (frame == Frame.Closest)
        {
            var byDistance = around.OrderBy(d => Math.Abs((d.First - today).TotalDays)).ToList();
            return rank <= byDistance.Count ? byDistance[rank - 1] : null;
        }

        HolidayDays? previous = around.LastOrDefault(d => d.First < today) is { Days: > 0 } p ? p : null;
        HolidayDays? upcoming = around.FirstOrDefault(d => d.First >= today) is { Days: > 0 } n ? n : null;
        switch (modifier)
        {
            case "last" or "previous":
                return previous;
            case "next" or "coming" or "upcoming" or "this":
                return upcoming;
        }

        if (context.PreferFutureDates || previous is null)
        {
            return upcoming;
        }

        if (upcoming is null)
        {
            return previous;
        }

        // The nearest one; a tie goes to the coming one.
        return (today - previous.Value.First).TotalDays < (upcoming.Value.First - today).TotalDays ? previous : upcoming;
    }

    /// <summary>
    /// The weekend a holiday falls in or next to, end exclusive: a Saturday or Sunday gives its
    /// weekend, a Friday or Monday the long weekend it makes, a midweek day the weekend after it.
    /// </summary>
    private static (DateTime From, DateTime To) WeekendOf(DateTime day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => (day, day.AddDays(2)),
        DayOfWeek.Sunday => (day.AddDays(-1), day.AddDays(1)),
        DayOfWeek.Monday => (day.AddDays(-2), day.AddDays(1)),
        DayOfWeek.Friday => (day, day.AddDays(3)),
        _ => (day.AddDays(DayOfWeek.Saturday - day.DayOfWeek), day.AddDays(DayOfWeek.Saturday - day.DayOfWeek + 2)),
    };

    private static ReadOnlySpan<char> WordAt(string text, int position)
    {
        if (position >= text.Length)
        {
            return [];
        }

        var end = position;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return text.AsSpan(position, end - position);
    }


    private static bool IsWordAt(string text, int position, string word) =>
        position + word.Length <= text.Length
        && string.Compare(text, position, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (position + word.Length == text.Length || !char.IsLetterOrDigit(text[position + word.Length]));

    /// <summary>The position after <paramref name="words"/> (case-insensitive) at <paramref name="position"/>, or 0.</summary>
    private static int StartsWithWords(string text, int position, string words)
    {
        if (position + words.Length > text.Length
            || string.Compare(text, position, words, 0, words.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return 0;
        }

        var end = position + words.Length;
        return char.IsLetter(words[^1]) && end < text.Length && char.IsLetterOrDigit(text[end]) ? 0 : end;
    }

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
