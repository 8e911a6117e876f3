using System.Globalization;

namespace Normalize.Core.Units.Holidays;

/// <summary>
/// Holidays and named days as dates: "Christmas", "next Thanksgiving", "Eid al-Adha 1966",
/// "black friday of 2017", "thanksgiving in 9 months", "labor day weekend", "the weekend of halloween",
/// "xmas at 6 pm". Days come from <see cref="HolidayCalendar"/>; the year, when not written, from
/// the reference date (<see cref="HolidayOptions.PreferFuture"/>).
/// </summary>
internal sealed class HolidayRecognizer
{
    private readonly HolidayCalendar _calendar;
    private readonly NumberScanner _numbers;
    private readonly PhraseMatcher<(HolidayEntry Holiday, NameKind Kind)> _names = new();
    private readonly HashSet<string> _triggerWords = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _afterThe;

    public HolidayRecognizer(HolidayTable table, NumberScanner numbers)
    {
        _calendar = new HolidayCalendar(table);
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
    }

    /// <summary>First words of the holiday names (besides "the": see <see cref="MayFollowThe"/>).</summary>
    public IReadOnlyCollection<string> TriggerWords => _triggerWords;

    /// <summary>
    /// Cheap test after "the": "the weekend of ...", "the closest ...", "the 3rd closest ...", or a
    /// name that starts with "the" ("the night journey"). "The" alone is too common to try more.
    /// </summary>
    /// <summary>
    /// Cheap test before <see cref="TryMatch"/>: a holiday name's first word, "the" with <see cref="MayFollowThe"/>,
    /// or a modifier ("next", "last" ...) right before a name's first word. Most date words are none of these.
    /// </summary>
    public bool MayStart(string text, int position)
    {
        var word = WordAt(text, position);
        if (_triggerWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return true;
        }

        var end = position + word.Length;
        if (word.Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            return MayFollowThe(text, end);
        }

        foreach (var modifier in Modifiers)
        {
            if (word.Equals(modifier, StringComparison.OrdinalIgnoreCase))
            {
                return end + 1 < text.Length && text[end] == ' ' && _triggerWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(WordAt(text, end + 1));
            }
        }

        return false;
    }

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
        var options = context.Holidays;
        var p = position;
        var frame = Frame.None;
        var rank = 1;
        if (IsWordAt(text, p, "the"))
        {
            if (StartsWithWords(text, p, "the weekend of ") is > 0 and var afterWeekend)
            {
                frame = Frame.Weekend;
                p = afterWeekend;
            }
            else if (TryClosest(text, p + 4, out rank, out var afterClosest))
            {
                frame = Frame.Closest;
                p = afterClosest;
            }
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

        if (!_names.TryMatch(text, p, out var found, out end))
        {
            return false;
        }

        var (holiday, kind) = found;
        if (!StandsAlone(text, p, end, modifier is null && frame == Frame.None)
            || (kind == NameKind.Capitalised && !char.IsUpper(text[p]) && IsCasedProse(text, p, end)))
        {
            return true;
        }

        if ((end < text.Length && text[end] == '\'') || (end + 1 < text.Length && text[end] == '’' && text[end + 1] == 's'))
        {
            return true; // "christmas's" reads as a possessive noun, and "martin luther king' day" is no name
        }

        var nameEnd = end;

        int? year = null;
        var shift = (Amount: 0, Unit: "");
        if (frame == Frame.None && StartsWithWords(text, end, " weekend") is > 0 and var afterWeekendWord)
        {
            frame = Frame.Weekend;
            end = afterWeekendWord;
        }

        if (TryYear(text, end, context, out var y, out var afterYear))
        {
            year = y;
            end = afterYear;
            if (frame == Frame.None && StartsWithWords(text, end, " weekend") is > 0 and var afterTrailingWeekend)
            {
                frame = Frame.Weekend;
                end = afterTrailingWeekend;
            }
        }
        else if (TryShift(text, end, out var amount, out var unit, out var afterShift))
        {
            shift = (amount, unit);
            end = afterShift;
        }

        if (frame == Frame.Closest && Math.Max(StartsWithWords(text, end, " to today"), StartsWithWords(text, end, " to now")) is > 0 and var afterNow)
        {
            end = afterNow;
        }

        if ((kind == NameKind.Qualified && year is null && modifier is null && frame == Frame.None)
            || Choose(holiday, year, modifier, frame, rank, shift, context) is not { } days)
        {
            end = nameEnd;
            return true;
        }

        var first = days.First;
        var last = days.First.AddDays(days.Days - 1);
        if (options.FromEve && days.Eve)
        {
            first = first.AddDays(-1);
        }

        string iso;
        if (frame == Frame.Weekend)
        {
            var (from, to) = WeekendOf(days.First);
            iso = $"{Day(from)}/{Day(to)}";
        }
        else if (days.Days > 1)
        {
            iso = $"{Day(first)}/{Day(last.AddDays(1))}";
        }
        else if (options.JoinTime && TryTime(text, end, out var time, out var afterTime))
        {
            iso = $"{Day(first)}T{time}";
            end = afterTime;
        }
        else
        {
            iso = Day(first);
        }

        span = new DateSpan
        {
            Text = text[position..end],
            Iso = iso,
            Start = position,
            End = end,
            Grain = iso.Contains('T') ? "minute" : "day",
            Completed = year is null,
        };
        return true;
    }

    private static readonly string[] Modifiers = ["next", "last", "this", "coming", "previous", "upcoming"];

    /// <summary>Which occurrence the words point to; null when the year cannot be known.</summary>
    private HolidayDays? Choose(HolidayEntry holiday, int? year, string? modifier, Frame frame, int rank,
        (int Amount, string Unit) shift, AnnotationContext context)
    {
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

        if (context.Holidays.PreferFuture || previous is null)
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

    /// <summary>
    /// A holiday name in prose is the day only when it stands alone: not inside a longer name
    /// ("Easter Island", "Good Friday Agreement", "Tariq Ramadan"), not a modifier of a noun
    /// ("Christmas tree", "Halloween costume"), not part of a hyphenated word ("pre-Christmas").
    /// </summary>
    private static bool StandsAlone(string text, int start, int end, bool checkBefore)
    {
        if (start > 1 && text[start - 1] == '-' && char.IsLetter(text[start - 2]))
        {
            return false;
        }

        if (end + 1 < text.Length && text[end] == '-' && char.IsLetter(text[end + 1]))
        {
            return false;
        }

        var next = WordAt(text, end + 1);
        if (end < text.Length && text[end] == ' ' && next.Length > 0)
        {
            if (char.IsUpper(next[0]) && !ContinuesDate(next))
            {
                return false;
            }

            if (NounsAfterHolidays.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next))
            {
                return false;
            }
        }

        if (checkBefore && PreviousWord(text, start) is { Length: > 0 } previous && char.IsUpper(previous[0])
            && !CapitalisedLeads.Contains(previous.ToString()) && !IsSentenceStart(text, start - previous.Length - 1))
        {
            return false;
        }

        return true;
    }

    private static bool ContinuesDate(ReadOnlySpan<char> word) =>
        DateWordsAfterHoliday.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>Capitalised words after which a holiday still reads as the day ("On Christmas", "Before Easter").</summary>
    private static readonly HashSet<string> CapitalisedLeads = new(StringComparer.Ordinal)
    {
        "On", "By", "At", "In", "Before", "After", "Since", "Until", "Till", "During", "Over", "For", "From", "Around",
        "Ahead", "Until", "Through", "Throughout", "Of", "And", "Or", "Last", "Next", "This", "Every", "Each", "The",
    };

    /// <summary>Capitalised words that may follow a holiday and keep it a date ("Christmas Day" is a name; "Easter Monday" too).</summary>
    private static readonly HashSet<string> DateWordsAfterHoliday = new(StringComparer.Ordinal)
    {
        "I", "AM", "PM", "GMT", "UTC", "BST", "EST", "EDT", "CET",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };

    /// <summary>Nouns a holiday name modifies ("Christmas tree"): then the words name a thing, not a day.</summary>
    private static readonly HashSet<string> NounsAfterHolidays = new(StringComparer.OrdinalIgnoreCase)
    {
        "tree", "trees", "card", "cards", "party", "parties", "market", "markets", "shopping", "shoppers", "dinner", "dinners",
        "lunch", "meal", "meals", "gift", "gifts", "present", "presents", "song", "songs", "carol", "carols", "decoration",
        "decorations", "lights", "light", "break", "holiday", "holidays", "season", "seasons", "sale", "sales", "egg", "eggs",
        "bunny", "costume", "costumes", "parade", "parades", "candy", "sweets", "pumpkin", "pumpkins", "movie", "movies",
        "film", "films", "special", "specials", "episode", "spirit", "truce", "message", "speech", "address", "service",
        "services", "mass", "masses", "bonus", "bonuses", "menu", "table", "turkey", "tradition", "traditions", "story",
        "stories", "miracle", "list", "lists", "jumper", "jumpers", "sweater", "sweaters", "pudding", "cake", "cakes",
        "ham", "offensive", "uprising", "rising", "island", "islands", "agreement", "accord", "deal", "attack", "attacks",
        "bombing", "bombings", "massacre", "storm", "flood", "floods", "fire", "fires", "rush", "travel", "traffic",
        "getaway", "shopping", "deals", "discount", "discounts", "festival", "fair", "village", "prayer", "prayers",
        "greetings", "wishes", "celebration", "celebrations", "feast", "lamb", "goat", "goats", "sheep", "crackers",
        "lantern", "lanterns", "fireworks", "firecrackers", "puja", "mela", "fast", "fasting", "iftar", "ceasefire",
        "lily", "lilies", "creek", "road", "street", "edition", "issue", "number", "album", "week", "weekends",
    };

    private static bool IsSentenceStart(string text, int position)
    {
        var p = position;
        while (p >= 0 && text[p] is ' ' or '"' or '“' or '‘' or '\'' or '(')
        {
            p--;
        }

        return p < 0 || text[p] is '.' or '!' or '?' or '\n' or ':' or '—' or '–';
    }

    /// <summary>Any capital letter nearby: the text is ordinary cased prose, not lower-cased input.</summary>
    private static bool IsCasedProse(string text, int start, int end)
    {
        var from = Math.Max(0, start - 200);
        var to = Math.Min(text.Length, end + 200);
        foreach (var c in text.AsSpan(from, to - from))
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

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

    private static ReadOnlySpan<char> PreviousWord(string text, int start)
    {
        if (start < 2 || text[start - 1] != ' ')
        {
            return [];
        }

        var end = start - 1;
        var begin = end;
        while (begin > 0 && char.IsLetter(text[begin - 1]))
        {
            begin--;
        }

        return text.AsSpan(begin, end - begin);
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

    /// <summary>"closest " or "3rd closest " / "second closest ".</summary>
    private bool TryClosest(string text, int position, out int rank, out int end)
    {
        rank = 1;
        end = StartsWithWords(text, position, "closest ");
        if (end > 0)
        {
            return true;
        }

        if (position < text.Length && _numbers.TryRead(text, position, false, out var ordinal) && ordinal.IsOrdinal
            && ordinal.Value is >= 1 and <= 10 && StartsWithWords(text, ordinal.End, " closest ") is > 0 and var after)
        {
            rank = (int)ordinal.Value;
            end = after;
            return true;
        }

        return false;
    }

    /// <summary>
    /// A year after the name: " 2013", ", 2013", " of 2017", " in 2019", " two thousand eighteen",
    /// " of next year" (relative to the reference).
    /// </summary>
    private bool TryYear(string text, int position, AnnotationContext context, out int year, out int end)
    {
        year = 0;
        end = position;
        var p = position;
        if (p < text.Length && text[p] == ',')
        {
            p++;
        }

        if (p >= text.Length || text[p] != ' ')
        {
            return false;
        }

        p++;
        var afterOf = StartsWithWords(text, p, "of ");
        var afterIn = StartsWithWords(text, p, "in ");
        p = Math.Max(p, Math.Max(afterOf, afterIn));

        // "of next year"; without "of" the year words are a date of their own ("Ramadan this year").
        if (afterOf > 0 && context.Reference is { } reference)
        {
            foreach (var (words, offset) in RelativeYears)
            {
                if (StartsWithWords(text, p, words) is > 0 and var afterRelative)
                {
                    year = reference.Year + offset;
                    end = afterRelative;
                    return true;
                }
            }
        }

        if (p + 4 <= text.Length && char.IsDigit(text[p]) && text.AsSpan(p, 4).IndexOfAnyExceptInRange('0', '9') < 0
            && (p + 4 == text.Length || !char.IsLetterOrDigit(text[p + 4]) && !(text[p + 4] is ',' or '.' && p + 5 < text.Length && char.IsDigit(text[p + 5]))))
        {
            year = int.Parse(text.AsSpan(p, 4), CultureInfo.InvariantCulture);
            end = p + 4;
            return year is >= 1000 and <= 2999;
        }

        // Spelled out: "two thousand eighteen".
        if (p < text.Length && char.IsLetter(text[p]) && _numbers.TryRead(text, p, false, out var spelled)
            && spelled is { IsWords: true, IsOrdinal: false } && spelled.Value is >= 1000 and <= 2999 && spelled.Value == decimal.Truncate(spelled.Value))
        {
            year = (int)spelled.Value;
            end = spelled.End;
            return true;
        }

        return false;
    }

    private static readonly (string Words, int Offset)[] RelativeYears =
        [("next year", 1), ("last year", -1), ("this year", 0), ("the next year", 1), ("the previous year", -1)];

    /// <summary>" in 9 months", " in a year", " six years hence", " two weeks from now".</summary>
    private bool TryShift(string text, int position, out int amount, out string unit, out int end)
    {
        amount = 0;
        unit = "";
        end = position;
        if (position >= text.Length || text[position] != ' ')
        {
            return false;
        }

        var p = position + 1;
        var leadingIn = StartsWithWords(text, p, "in ");
        if (leadingIn > 0)
        {
            p = leadingIn;
        }

        int n;
        int afterNumber;
        if (StartsWithWords(text, p, "a ") is > 0 and var afterA)
        {
            (n, afterNumber) = (1, afterA - 1);
        }
        else if (StartsWithWords(text, p, "an ") is > 0 and var afterAn)
        {
            (n, afterNumber) = (1, afterAn - 1);
        }
        else if (_numbers.TryRead(text, p, false, out var number) && !number.IsOrdinal && number.Value is >= 1 and <= 100
                 && number.Value == decimal.Truncate(number.Value))
        {
            (n, afterNumber) = ((int)number.Value, number.End);
        }
        else
        {
            return false;
        }

        if (afterNumber >= text.Length || text[afterNumber] != ' ')
        {
            return false;
        }

        var word = WordAt(text, afterNumber + 1);
        var singular = word.EndsWith("s") ? word[..^1] : word;
        string? grain = null;
        foreach (var g in (ReadOnlySpan<string>)["day", "week", "month", "year"])
        {
            if (singular.Equals(g, StringComparison.OrdinalIgnoreCase))
            {
                grain = g;
            }
        }

        if (grain is null)
        {
            return false;
        }

        var afterUnit = afterNumber + 1 + word.Length;
        if (leadingIn == 0)
        {
            // Without "in", the amount needs "hence" or "from now" after it.
            var hence = StartsWithWords(text, afterUnit, " hence");
            var fromNow = StartsWithWords(text, afterUnit, " from now");
            if (hence == 0 && fromNow == 0)
            {
                return false;
            }

            afterUnit = Math.Max(hence, fromNow);
        }

        amount = n;
        unit = grain;
        end = afterUnit;
        return true;
    }

    /// <summary>" at 6 pm", " at 8pm", " at 18:00", " at 6 p.m." → "18:00".</summary>
    private static bool TryTime(string text, int position, out string time, out int end)
    {
        time = "";
        end = position;
        var p = StartsWithWords(text, position, " at ");
        if (p == 0)
        {
            return false;
        }

        var digitsEnd = p;
        while (digitsEnd < text.Length && char.IsDigit(text[digitsEnd]) && digitsEnd - p < 2)
        {
            digitsEnd++;
        }

        if (digitsEnd == p)
        {
            return false;
        }

        var hour = int.Parse(text.AsSpan(p, digitsEnd - p), CultureInfo.InvariantCulture);
        var minute = 0;
        var q = digitsEnd;
        var hasMinutes = false;
        if (q + 2 < text.Length && text[q] == ':' && char.IsDigit(text[q + 1]) && char.IsDigit(text[q + 2]))
        {
            minute = int.Parse(text.AsSpan(q + 1, 2), CultureInfo.InvariantCulture);
            q += 3;
            hasMinutes = true;
        }

        var r = q < text.Length && text[q] == ' ' ? q + 1 : q;
        var meridiem = '\0';
        foreach (var (form, half) in Meridiems)
        {
            if (StartsWithWords(text, r, form) is > 0 and var afterMeridiem
                && (afterMeridiem == text.Length || !char.IsLetter(text[afterMeridiem])))
            {
                meridiem = half;
                q = afterMeridiem;
                break;
            }
        }

        if (meridiem != '\0')
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = hour % 12 + (meridiem == 'p' ? 12 : 0);
        }
        else if (!hasMinutes)
        {
            return false; // "Christmas at 6" is too vague to be a time
        }

        if (hour > 23 || minute > 59 || q < text.Length && char.IsLetterOrDigit(text[q]) && char.IsLetterOrDigit(text[q - 1]))
        {
            return false;
        }

        time = $"{hour:D2}:{minute:D2}";
        end = q;
        return true;
    }

    private static readonly (string Form, char Half)[] Meridiems =
        [("a.m.", 'a'), ("p.m.", 'p'), ("am", 'a'), ("pm", 'p'), ("a.m", 'a'), ("p.m", 'p')];

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>For tests and `normalize rules`: the calendar behind the names.</summary>
    public HolidayCalendar Calendar => _calendar;
}
