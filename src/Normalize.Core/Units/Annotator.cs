namespace Normalize.Core.Units;

/// <summary>The quantities and dates found in a text, in order of position.</summary>
public sealed record Annotation(IReadOnlyList<QuantitySpan> Quantities, IReadOnlyList<DateSpan> Dates);

/// <summary>
/// Recognises numbers (digits, words, scale words, locale separators), quantities with units,
/// money, percentages, ranges and qualifiers, and dates. Used by the units stage on article text
/// and by <c>normalize annotate</c> on any text. Offsets are UTF-16 indices into the input.
/// </summary>
public sealed partial class Annotator
{
    private static readonly Lazy<Annotator> DefaultInstance = new(() => new Annotator(UnitTable.Load()));

    private readonly NumberScanner _numbers;
    private readonly Dictionary<string, Dictionary<string, decimal>> _foreignScales;
    private readonly PhraseMatcher<UnitEntry> _unitSymbols = new();
    private readonly PhraseMatcher<UnitEntry> _unitNames = new();
    private readonly PhraseMatcher<CurrencyEntry> _currencyPrefixes = new();
    private readonly PhraseMatcher<CurrencyEntry> _currencyNames = new();
    private readonly PhraseMatcher<Qualifier> _qualifiers = new();
    private readonly PhraseMatcher<string> _rates = new();
    private readonly DateRecognizer _dates = new();
    private readonly Holidays.HolidayRecognizer _holidays;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _holidayWords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _dateWords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _quantityWords;
    private readonly HashSet<int> _triggerKeys = [];

    public Annotator(UnitTable table, NumberWordTable? numberWords = null)
    {
        numberWords ??= NumberWordTable.Embedded;
        _numbers = new NumberScanner(table, numberWords);
        _foreignScales = BuildForeignScales(numberWords);
        _relativeOrdinals = BuildRelativeOrdinals(numberWords);
        InitQuantities(table);
        _holidays = new Holidays.HolidayRecognizer(Holidays.HolidayTable.Embedded, _numbers);
        _holidayWords = new HashSet<string>(_holidays.TriggerWords, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var unit in table.Units)
        {
            foreach (var symbol in unit.Symbols)
            {
                _unitSymbols.Add(symbol, unit, ignoreCase: false);
            }

            foreach (var name in unit.Names)
            {
                _unitNames.Add(name, unit, ignoreCase: true);
            }
        }

        foreach (var currency in table.Currencies)
        {
            foreach (var prefix in currency.Prefixes)
            {
                _currencyPrefixes.Add(prefix, currency, ignoreCase: false);
            }

            foreach (var name in currency.Names)
            {
                _currencyNames.Add(name, currency, ignoreCase: true);
            }
        }

        foreach (var (phrases, qualifier) in QualifierPhrases)
        {
            foreach (var phrase in phrases)
            {
                _qualifiers.Add(phrase, qualifier, ignoreCase: true);
            }
        }

        foreach (var grain in new[] { "second", "minute", "hour", "day", "week", "month", "year" })
        {
            foreach (var lead in new[] { "per ", "a ", "an ", "each ", "every ", "/" })
            {
                _rates.Add(lead + grain, grain, ignoreCase: true);
            }
        }

        _rates.Add("daily", "day", ignoreCase: true);

        _dateWords = new HashSet<string>(DateRecognizer.TriggerWords, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        var quantityWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "a", "an", "all", "minus", "negative", "half" };
        foreach (var phrase in QualifierPhrases.SelectMany(q => q.Phrases).Concat(table.Currencies.SelectMany(c => c.Prefixes)))
        {
            var firstWord = new string(phrase.TakeWhile(char.IsLetter).ToArray());
            if (firstWord.Length > 0)
            {
                quantityWords.Add(firstWord);
            }
        }

        _quantityWords = quantityWords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in DateRecognizer.TriggerWords.Concat(_holidays.TriggerWords).Concat(quantityWords).Concat(NumberScanner.AllNumberWords).Append("the"))
        {
            _triggerKeys.Add(WordKey(word));
        }
    }

    /// <summary>Length and first two letters (case-folded): a cheap filter before the word lookups.</summary>
    private static int WordKey(ReadOnlySpan<char> word) =>
        (Math.Min(word.Length, 255) << 16) | (char.ToLowerInvariant(word[0]) & 0xFF) << 8 | (word.Length > 1 ? char.ToLowerInvariant(word[1]) & 0xFF : 0);

    public static Annotator Default => DefaultInstance.Value;

    private static readonly System.Buffers.SearchValues<char> AsciiWordChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    /// <summary>The embedded tables, or with the user's units.yaml and numbers.yaml added.</summary>
    public static Annotator For(Rules.RuleFiles rules) =>
        rules.UserDirectory is null ? Default : new Annotator(UnitTable.Load(rules), NumberWordTable.Load(rules));

    public Annotation Annotate(string text, AnnotationContext? context = null)
    {
        // Digits of other scripts ("２", "٣") are read as their ASCII digits (same length, so offsets
        // hold); the spans keep the text as written.
        var ascii = DecimalDigits.ToAscii(text);
        var annotation = AnnotateAscii(ascii, context);
        if (!ReferenceEquals(ascii, text))
        {
            foreach (var quantity in annotation.Quantities)
            {
                quantity.Text = text[quantity.Start..quantity.End];
            }

            foreach (var date in annotation.Dates)
            {
                date.Text = text[date.Start..date.End];
            }
        }

        return annotation;
    }

    private Annotation AnnotateAscii(string text, AnnotationContext? context)
    {
        context ??= new AnnotationContext();
        var quantities = new List<QuantitySpan>();
        var dates = new List<DateSpan>();
        var position = 0;
        while (position < text.Length)
        {
            if (!IsCandidateStart(text, position))
            {
                // Mid-word or a separator: jump to the end of the word (vectorised), then step on.
                var c = text[position];
                if (char.IsAsciiLetterOrDigit(c))
                {
                    var rest = text.AsSpan(position).IndexOfAnyExcept(AsciiWordChars);
                    position = rest < 0 ? text.Length : position + rest;
                }
                else
                {
                    position++;
                }

                continue;
            }

            context.Deadline.Check();

            // Numbers inside a web address are not quantities ("?q=30%25").
            if (text[position] is 'h' or 'w' && IsUrlStart(text, position))
            {
                var urlEnd = text.IndexOfAny([' ', '\n', '\t'], position);
                position = urlEnd < 0 ? text.Length : urlEnd;
                continue;
            }

            var (mayBeDate, mayBeHoliday, mayBeQuantity) = Triggers(text, position);
            if (mayBeHoliday && _holidays.MayStart(text, position) && _holidays.TryMatch(text, position, context, out var holiday, out var holidayEnd))
            {
                dates.AddRange(holiday is null ? [] : [holiday]);
                position = holidayEnd;
                continue;
            }

            if (mayBeDate && _dates.TryMatch(text, position, context, out var date))
            {
                // A time-led expression that reaches further reads the time better ("3pm tomorrow", "6am every day").
                if (Dates.TimeOfDay.TryAnnotate(text, position, context, out var longer) && longer.End > date.End)
                {
                    date = longer;
                }

                dates.Add(date);
                position = date.End;
                continue;
            }

            if (Dates.TimeOfDay.MayStart(text, position) && Dates.TimeOfDay.TryAnnotate(text, position, context, out var time))
            {
                dates.Add(time);
                position = time.End;
                continue;
            }

            if (context.Numbers.ReadsPeerWords && char.IsLetterOrDigit(text[position]) && TryPeerNumberWords(text, position, context, quantities) is var peer && peer > position)
            {
                position = peer;
                continue;
            }

            var found = mayBeQuantity ? TryQuantity(text, position, context, quantities) : position;
            if (found > position)
            {
                position = found;
                continue;
            }

            // Past this word: the next candidate is after it.
            var wordEnd = text.AsSpan(position + 1).IndexOfAnyExcept(AsciiWordChars);
            position = char.IsAsciiLetterOrDigit(text[position]) && wordEnd >= 0 ? position + 1 + wordEnd : NextWordStart(text, position);
        }

        if (context.Quantities.BareUnitMentions)
        {
            AddBareUnitMentions(text, quantities);
        }

        return new Annotation(quantities, dates);
    }

    /// <summary>
    /// Which recognisers can start at a word: digits and signs try both; a word tries the date
    /// recognisers only if it is a month, weekday or relative-day word, and the quantity recogniser
    /// only if it starts a number, qualifier, currency or sign. Keeps the stage cheap on prose.
    /// </summary>
    private (bool Date, bool Holiday, bool Quantity) Triggers(string text, int position)
    {
        var c = text[position];
        if (!char.IsLetter(c))
        {
            return (char.IsDigit(c), char.IsDigit(c), true);
        }

        var end = position;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        var word = text.AsSpan(position, end - position);
        if (!_triggerKeys.Contains(WordKey(word)))
        {
            return (false, false, false);
        }

        // Holiday words have their own flag: most of them ("new", "good", "a", "five") start no other date.
        var date = _dateWords.Contains(word) || (word.Equals("the", StringComparison.OrdinalIgnoreCase) && NextIsDigit(text, end));
        var holiday = _holidayWords.Contains(word) || word.Equals("the", StringComparison.OrdinalIgnoreCase);
        if (NumberScanner.IsNumberWord(word))
        {
            return (date, holiday, true);
        }

        if (!_quantityWords.Contains(word))
        {
            return (date, holiday, false);
        }

        // "a", "at", "in", "over", "about"...: common words; a quantity only if a number follows the
        // article or the whole qualifier phrase.
        var after = end;
        if (_qualifiers.TryMatch(text, position, out _, out var qualifierEnd))
        {
            after = qualifierEnd;
        }
        else if (word.Length <= 2 && (word[0] is 'a' or 'A'))
        {
            after = end;
        }
        else
        {
            return (date, holiday, true); // a currency code or sign word ("USD", "rmb", "minus", "half")
        }

        return (date, holiday, StartsNumber(text, after) || (after == end && StartsUnitName(text, end)));
    }

    private static bool NextIsDigit(string text, int position) =>
        position + 1 < text.Length && text[position] == ' ' && char.IsDigit(text[position + 1]);

    /// <summary>After one optional space: a digit, a sign, a money sign or a number word.</summary>
    private bool StartsNumber(string text, int position)
    {
        var p = position < text.Length && text[position] == ' ' ? position + 1 : position;
        if (p >= text.Length)
        {
            return false;
        }

        var c = text[p];
        if (char.IsDigit(c) || c is '-' or '−' or '.' || IsMoneySign(c))
        {
            return true;
        }

        var end = p;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        var word = text.AsSpan(p, end - p);
        return end > p && (NumberScanner.IsNumberWord(word) || _quantityWords.Contains(word));
    }

    /// <summary>Cheap test: could a number, qualifier, currency or date start here?</summary>
    private static bool IsCandidateStart(string text, int position)
    {
        var c = text[position];
        if (position > 0 && char.IsLetterOrDigit(text[position - 1]) && char.IsLetterOrDigit(c))
        {
            return false;
        }

        return char.IsLetterOrDigit(c) || c is '@' or '$' or '€' or '£' or '¥' or '₴' or '₽' or '₩' or '₹' or '₿' or '-' or '−' or '+' or '~' or '>' or '<' or '.'
            || NumberScanner.IsVulgarFraction(c);
    }

    private static bool IsUrlStart(string text, int position) =>
        string.CompareOrdinal(text, position, "http://", 0, 7) == 0
        || string.CompareOrdinal(text, position, "https://", 0, 8) == 0
        || string.CompareOrdinal(text, position, "www.", 0, 4) == 0;

    private static int NextWordStart(string text, int position)
    {
        var p = position + 1;
        while (p < text.Length && char.IsLetterOrDigit(text[p]) && char.IsLetterOrDigit(text[p - 1]))
        {
            p++;
        }

        return p;
    }
}
