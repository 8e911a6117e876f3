using System.Text.RegularExpressions;

namespace Normalize.Core.Units;

/// <summary>
/// Units after a number: measurement units and currency words, composites ("5 ft 2 in"), unit
/// marks (5", 6'2"), articles and fractions before a unit ("an hour", "half a liter"), and the
/// cues that tell a weight from money ("pounds") or an angle from a temperature ("degrees").
/// </summary>
public sealed partial class Annotator
{
    private readonly PhraseMatcher<UnitEntry> _compositeSymbols = new();
    private readonly PhraseMatcher<CurrencyEntry> _currencySymbols = new();
    private readonly Dictionary<string, UnitEntry> _unitsByCode = [];
    private readonly PhraseMatcher<(string Symbol, decimal Seconds)> _perTime = new();
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _weighingWords;
    private HashSet<string> _moneyNouns = [];
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _unitFirstWords;
    private UnitEntry? _minute;
    private UnitEntry? _inch;

    /// <summary>Tables of the quantities recogniser (called from the constructor).</summary>
    private void InitQuantities(UnitTable table)
    {
        foreach (var unit in table.Units)
        {
            foreach (var symbol in unit.CompositeSymbols)
            {
                _compositeSymbols.Add(symbol, unit, ignoreCase: false);
            }
        }

        foreach (var currency in table.Currencies)
        {
            foreach (var symbol in currency.Symbols)
            {
                _currencySymbols.Add(symbol, currency, ignoreCase: false);
            }
        }

        foreach (var unit in table.Units)
        {
            _unitsByCode.TryAdd(unit.Code, unit);
        }

        _minute = table.Units.FirstOrDefault(u => u.Code == "minute");
        _inch = table.Units.FirstOrDefault(u => u.Code == "in");
        _unitFirstWords = new HashSet<string>(table.Units.SelectMany(u => u.Names).Select(n => new string(n.TakeWhile(char.IsLetter).ToArray())),
            StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (names, symbol, seconds) in new[]
        {
            (new[] { "millisecond", "milliseconds", "ms" }, "ms", 0.001m), (["second", "sec", "s"], "s", 1m),
            (["minute", "min"], "min", 60m), (["hour", "hr", "h"], "h", 3600m),
        })
        {
            foreach (var name in names)
            {
                _perTime.Add("per " + name, (symbol, seconds), ignoreCase: true);
                _perTime.Add("/" + name, (symbol, seconds), ignoreCase: false);
            }
        }
        _weighingWords = new HashSet<string>(table.PoundWeightCues.Before, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _moneyNouns = new HashSet<string>(table.PoundWeightCues.NotAfterOf, StringComparer.OrdinalIgnoreCase);
    }

    private bool TryReadUnit(string text, int position, NumberMatch number, out UnitRead unit, bool hasCurrency = false)
    {
        unit = default;
        if (number.IsOrdinal)
        {
            return false;
        }

        var best = default(UnitRead);
        var found = false;
        foreach (var (start, hyphen) in new[] { (position, false), (SkipOneSpace(text, position), false), (position < text.Length && text[position] == '-' ? position + 1 : -1, true) })
        {
            if (start < 0 || start >= text.Length || (start == position && found))
            {
                continue;
            }

            if (_unitSymbols.TryMatch(text, start, out var symbol, out var symbolEnd)
                && !(symbol.Code == "pm" && number.IsPlainInteger && number.Value <= 12)
                && !IsDesignation(text, number.Start, start, symbolEnd)
                && (!found || symbolEnd > best.End))
            {
                best = new UnitRead(symbol, null, text[start..symbolEnd], start, symbolEnd, hyphen);
                found = true;
            }

            // "10$", "20 €", "42MYR": a currency sign after the number; "10c", "10 ¢": signs used only there.
            if (!hyphen && !hasCurrency && (_currencyPrefixes.TryMatch(text, start, out var sign, out var signEnd)
                || _currencySymbols.TryMatch(text, start, out sign, out signEnd)) && (!found || signEnd > best.End))
            {
                best = new UnitRead(null, sign, text[start..signEnd], start, signEnd, hyphen);
                found = true;
            }

            if (start > position || char.IsLetter(text[start]))
            {
                if (_unitNames.TryMatch(text, start, out var name, out var nameEnd) && (!found || nameEnd > best.End))
                {
                    // "a 360-degree camera", "a 40-degree angle": the hyphenated adjective is an angle.
                    name = name.Code == "°" && (hyphen || AngleNoun().IsMatch(text.AsSpan(nameEnd)) || TurningVerbs.Contains(TextScan.PreviousWord(text, number.Start).ToString()))
                        ? AngleDegrees : name;
                    best = new UnitRead(name, null, text[start..nameEnd], start, nameEnd, hyphen);
                    found = true;
                }

                if (!hasCurrency && _currencyNames.TryMatch(text, start, out var money, out var moneyEnd) && (!found || moneyEnd > best.End))
                {
                    // "a twenty-pound bag": the hyphenated adjective is a weight, "ten pounds" is money.
                    best = money.Code == "£" && hyphen
                        ? new UnitRead(PoundWeight, null, text[start..moneyEnd], start, moneyEnd, hyphen)
                        : new UnitRead(null, money, text[start..moneyEnd], start, moneyEnd, hyphen);
                    found = true;
                }
            }
        }

        // "20 [kg]", "20 <kg>": a unit symbol in brackets (not parentheses: "paragraph 3 (c)").
        if (!found && position + 2 < text.Length && text[position] == ' ' && text[position + 1] is '[' or '{' or '<'
            && _unitSymbols.TryMatch(text, position + 2, out var boxed, out var boxedEnd) && boxedEnd < text.Length
            && text[boxedEnd] == (text[position + 1] switch { '[' => ']', '{' => '}', _ => '>' }))
        {
            best = new UnitRead(boxed, null, text[(position + 1)..(boxedEnd + 1)], position + 1, boxedEnd + 1, false);
            found = true;
        }

        // "4km^2", "4 km squared", "4 km cubed": the square or cube of a length.
        if (found && best.Unit is { Kind: "Length" } length && Power().Match(text, best.End) is { Success: true } power
            && _unitsByCode.TryGetValue(length.Code + (power.Value.Contains('2') || power.Value.Contains('²') || power.Value.Contains("squared") ? "2" : "3"), out var powered))
        {
            best = best with { Unit = powered, End = best.End + power.Length, Surface = text[best.Start..(best.End + power.Length)] };
        }

        if (!found && position < text.Length && text[position] is '"' or '″' or '\'' or '′' && !number.IsWords
            && _compositeSymbols.TryMatch(text, position, out var mark, out var markEnd) && IsFootOrInchMark(text, position, mark, markEnd))
        {
            best = new UnitRead(mark, null, text[position..markEnd], position, markEnd, false);
            found = true;
        }

        unit = best;
        return found;
    }

    /// <summary>
    /// 5" and 6'2": an inch mark glued to a number that does not close a quotation (an even number of
    /// double quotes before it); a foot mark only when inches follow.
    /// </summary>
    private static bool IsFootOrInchMark(string text, int position, UnitEntry mark, int markEnd)
    {
        if (markEnd < text.Length && char.IsLetterOrDigit(text[markEnd]) && mark.Code == "in")
        {
            return false;
        }

        if (mark.Code == "ft")
        {
            var p = SkipOneSpace(text, markEnd);
            return p < text.Length && char.IsDigit(text[p]);
        }

        return text.AsSpan(0, position).Count('"') % 2 == 0;
    }

    /// <summary>
    /// The parts after a first measurement: smaller units of the same kind ("2 kilometer 1 metre",
    /// "2 years, 3 months"), "and a half" of the last unit, minutes after hours ("1 hour thirty").
    /// The sum is expressed in the first unit, or with <see cref="QuantityConventions.CompositeInSmallestUnit"/>
    /// in the smallest (the first when metric and imperial are mixed); durations always in the smallest,
    /// where a year is 12 months when months are counted.
    /// </summary>
    private (decimal Value, UnitEntry Unit, int End) ReadComposite(string text, int end, decimal firstValue, UnitEntry first, AnnotationContext context)
    {
        var parts = new List<(decimal Value, UnitEntry Unit)> { (firstValue, first) };
        var cursor = end;
        var composites = context.Quantities.Composites;
        while (composites)
        {
            var join = CompositeJoin().Match(text, cursor);
            var last = parts[^1].Unit;
            if (join.Success && join.Groups["half"].Success)
            {
                // "an hour and a half", "one year and a quarter": a part of the last unit.
                parts.Add((join.Value.EndsWith("quarter", StringComparison.OrdinalIgnoreCase) ? 0.25m : 0.5m, last));
                cursor += join.Length;
                break;
            }

            // "a 6-foot-6 forward": the inches after a hyphenated height.
            if (last.Code == "ft" && FeetInches().Match(text, cursor) is { Success: true } inches && _inch is { } inch)
            {
                parts.Add((DecimalDigits.Parse(inches.Groups["n"].ValueSpan) ?? 0, inch));
                cursor += inches.Length;
                break;
            }

            var glued = join.Success && join.Length == 0;
            if (!join.Success || (glued && char.IsLetter(text[cursor - 1]))
                || !TryReadValue(text, cursor + join.Length, context, out var next) || next.Currency is not null || next.Number.IsOrdinal)
            {
                break;
            }

            UnitEntry? nextUnit = null;
            var nextEnd = next.End;
            if (TryReadUnit(text, next.End, next.Number, out var read) && read.Unit is not null)
            {
                nextUnit = read.Unit;
                nextEnd = read.End;
            }
            else if (_compositeSymbols.TryMatch(text, SkipOneSpace(text, next.End), out var symbol, out var symbolEnd))
            {
                nextUnit = symbol; // "5 ft 2 in", "2 yd 7'"
                nextEnd = symbolEnd;
            }
            else if (last.Code == "hour" && next.Value is > 0 and < 60 && (next.Number.IsPlainInteger || next.Number.IsWords)
                && !FollowedByWord(text, next.End) && _minute is { } minute)
            {
                nextUnit = minute; // "1 hour thirty": minutes
            }

            if (nextUnit is null || nextUnit.Kind != last.Kind || nextUnit.SiFactor >= last.SiFactor)
            {
                break;
            }

            parts.Add((next.Value, nextUnit));
            cursor = nextEnd;
        }

        if (parts.Count == 1)
        {
            return (firstValue, first, end);
        }

        var smallest = parts[^1].Unit.SiFactor < parts[0].Unit.SiFactor ? parts.MinBy(p => p.Unit.SiFactor).Unit : first;
        var mixed = parts.Any(p => p.Unit.System != first.System);
        var target = first.Kind == "Time" || (context.Quantities.CompositeInSmallestUnit && !mixed) ? smallest : first;
        var monthsCounted = smallest.Code == "month";
        var total = parts.Sum(p => p.Value * (monthsCounted && p.Unit.Code == "year" ? 12 * smallest.SiFactor : p.Unit.SiFactor));
        return (total / target.SiFactor, target, cursor);
    }

    /// <summary>
    /// Whether "pounds" weighs: a weighing word shortly before the number ("weighs", "heavy"), or
    /// "of" and a noun after it that is not money ("pounds of meat", not "pounds of taxpayers' money").
    /// </summary>
    private bool IsWeighed(string text, int start, int end)
    {
        // "a twenty pound bag of rice", "a 550 pound hog": a singular pound before what it weighs
        // (not "a ten pound note", "a 1 million pound share").
        if (text.AsSpan(start, end - start).EndsWith("pound", StringComparison.OrdinalIgnoreCase) && NounAfter().Match(text, end) is { Success: true } noun
            && !_moneyNouns.Contains(noun.Groups["n"].Value) && !NotCountedNouns.Contains(noun.Groups["n"].Value))
        {
            return true;
        }

        var of = ProductOf().Match(text, end);
        if (of.Success && !_moneyNouns.Contains(of.Groups["n"].Value) && !NotCountedNouns.Contains(of.Groups["n"].Value))
        {
            return true;
        }

        var from = Math.Max(0, start - 40);
        var sentence = text.AsSpan(from, start - from);
        var stop = sentence.LastIndexOfAny('.', '!', '?');
        sentence = stop >= 0 ? sentence[(stop + 1)..] : sentence;
        foreach (var w in sentence.Split(' '))
        {
            var word = sentence[w].Trim(",;:()\"'");
            if (word.Length > 0 && _weighingWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "convert 200 celsius into fahrenheit", "a multibillion-dollar deal": units named without a
    /// number, as spans without a value (Recognizers-Text reports them; news articles do not need them).
    /// </summary>
    private void AddBareUnitMentions(string text, List<QuantitySpan> quantities)
    {
        var found = new List<QuantitySpan>();
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsLetter(text[i]) || (i > 0 && char.IsLetter(text[i - 1])) || quantities.Any(q => q.Start <= i && i < q.End))
            {
                continue;
            }

            string? family = null;
            string? code = null;
            var end = i;
            if (_unitNames.TryMatch(text, i, out var unit, out var unitEnd) && unit.Family is "temperature" or "dimension" && unit.NoArticle.Count == 0)
            {
                (family, code, end) = (unit.Family, unit.Code, unitEnd);
            }
            else if (_currencyNames.TryMatch(text, i, out var currency, out var currencyEnd) && currencyEnd - i >= 4)
            {
                (family, code, end) = ("currency", currency.Code, currencyEnd);
            }

            if (family is not null && end - i >= 4)
            {
                found.Add(Make(text, i, end, family, null, code, null, text[i..end], null, null, null));
                i = end - 1;
            }
        }

        quantities.AddRange(found);
        quantities.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>
    /// "F-16", "C-130", "14.7C/", "a Boeing 777F": a capital letter joined to a hyphen, digit or slash,
    /// or glued to a number after a name, is a model or a price, not a unit ("30 C", "-10C" are units).
    /// </summary>
    private static bool IsDesignation(string text, int numberStart, int start, int end)
    {
        if (end - start != 1 || !char.IsUpper(text[start]))
        {
            return false;
        }

        if (end < text.Length && (text[end] is '-' or '/' || char.IsLetterOrDigit(text[end])))
        {
            return true;
        }

        var glued = start > 0 && char.IsDigit(text[start - 1]);
        if (!glued && end + 1 < text.Length && text[end] == ' ' && char.IsLetterOrDigit(text[end + 1])
            && !WordsAfterALetterUnit.Contains(NextWord(text, end + 1)))
        {
            return true; // "3 C grades", "Route 5 W Street": a spaced letter before a noun is a label ("30 C outside" is not)
        }

        var name = TextScan.PreviousWord(text, numberStart);
        return glued && name.Length > 0 && char.IsUpper(name[0]);
    }

    private static bool EndsInFractionWord(string text, int end) =>
        FractionWordAtEnd().IsMatch(text.AsSpan(Math.Max(0, end - 8), Math.Min(end, 8)));

    /// <summary>Words that may follow a spaced one-letter unit ("30 C outside", "25 C in Kyiv").</summary>
    private static readonly HashSet<string> WordsAfterALetterUnit = new(StringComparer.Ordinal)
    {
        "outside", "inside", "today", "tonight", "yesterday", "tomorrow", "overnight", "in", "on", "at", "and", "or", "by", "with",
        "during", "this", "last", "next", "was", "is", "were", "are", "will", "would", "could", "to", "than", "from", "above", "below",
    };

    private static string NextWord(string text, int position)
    {
        var end = position;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return text[position..end];
    }

    private static bool FollowedByWord(string text, int position) =>
        position + 1 < text.Length && text[position] == ' ' && char.IsLetter(text[position + 1]);

    /// <summary>
    /// "a month", "an hour", "a kilogram": an article counts one of a unit named after it, unless the
    /// unit is a rate of what precedes ("$3 a gallon") or a frequency ("twice a day"), or the name is
    /// one the table marks as idiomatic after an article ("a second", "a foot", "a bit").
    /// </summary>
    private bool TryReadArticle(string text, int position, List<QuantitySpan> output, out ValueRead value)
    {
        value = default;
        if (position > 0 && char.IsLetterOrDigit(text[position - 1]))
        {
            return false;
        }

        if (AllDay().IsMatch(text.AsSpan(position)))
        {
            // "all day", "all week": the whole of one.
            value = new ValueRead(new NumberMatch(1, position, position + 3, IsOrdinal: false, IsWords: true, HasScale: false, IsPlainInteger: false), 1, null, position, position + 3);
            return true;
        }

        var article = ArticleBeforeUnit().Match(text, position);
        if (!article.Success)
        {
            return false;
        }

        var unitStart = position + article.Length;
        if (TryReadValue(text, unitStart, new AnnotationContext(), out var fraction) && (fraction.Number.IsWords || fraction.End - fraction.Start == 1) && fraction.Value is > 0 and < 1
            && TryReadUnit(text, fraction.End, fraction.Number, out var fractionUnit) && fractionUnit.Unit is not null)
        {
            value = fraction with { Start = position }; // "a half turn", "a ½ hour"
            return true;
        }

        if (!_unitNames.TryMatch(text, unitStart, out var unit, out var unitEnd) || unit.NoArticle.Contains(text[unitStart..unitEnd], StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if ((output.Count > 0 && output[^1].End >= position - 2) || FrequencyWords.Contains(TextScan.PreviousWord(text, position).ToString())
            || DateOffsetAfter().IsMatch(text.AsSpan(unitEnd)))
        {
            return false;
        }

        // "two rockets a year", "500,000 barrels a day": a rate of the count just before, recorded on it.
        var previousWord = TextScan.PreviousWord(text, position);
        if (output.Count > 0 && previousWord.Length > 0 && output[^1].End >= position - previousWord.Length - 3 && unit.Family == "duration")
        {
            output[^1].Rate ??= unit.Code;
            return false;
        }

        var end = position + article.Length - 1;
        value = new ValueRead(new NumberMatch(1, position, end, IsOrdinal: false, IsWords: true, HasScale: false, IsPlainInteger: false), 1, null, position, end);
        return true;
    }

    private static readonly HashSet<string> FrequencyWords = new(StringComparer.OrdinalIgnoreCase) { "once", "twice", "thrice", "times" };


    /// <summary>Whether a unit name follows an article here (the cheap trigger for <see cref="TryReadArticle"/>).</summary>
    private bool StartsUnitName(string text, int position)
    {
        if (position + 1 >= text.Length || text[position] != ' ' || !char.IsLetter(text[position + 1]))
        {
            return false;
        }

        var end = position + 1;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return _unitFirstWords.Contains(text.AsSpan(position + 1, end - position - 1)) && _unitNames.TryMatch(text, position + 1, out _, out _);
    }

    /// <summary>
    /// The unit after a value: right after it, or after a few words that join a fraction or an
    /// integer to it ("half a liter", "three quarters of an hour", "two and a quarter hours",
    /// "2 more minutes"). A joined fraction is added to <paramref name="value"/>.
    /// </summary>
    private bool TryReadUnitAfter(string text, ref ValueRead value, AnnotationContext context, out UnitRead unit)
    {
        if (TryReadUnit(text, value.End, value.Number, out unit, value.Currency is not null))
        {
            // "1.5m barrels", "5 m tonnes": an "m" before another unit is a million, not metres.
            if (unit.Unit?.Code == "m" && unit.Surface == "m" && !value.Number.HasScale && unit.End + 1 < text.Length && text[unit.End] == ' '
                && (_unitNames.TryMatch(text, unit.End + 1, out _, out _) || _currencyNames.TryMatch(text, unit.End + 1, out _, out _))
                && TryReadUnit(text, unit.End, value.Number, out var counted, value.Currency is not null))
            {
                value = value with { Value = value.Value * 1_000_000m, End = unit.End };
                unit = counted;
            }

            return true;
        }

        if (value.Currency is not null || value.Number.IsOrdinal)
        {
            return false;
        }

        // "7.62×39mm", "9x19mm": a cartridge is measured by its first number, the calibre (other "3x4m" sizes are left alone).
        if (!value.Number.IsWords && CrossDimension().Match(text, value.End) is { Success: true } cross
            && TryReadUnit(text, value.End + cross.Length, value.Number, out var crossUnit) && crossUnit.Unit is { Code: "mm" })
        {
            unit = crossUnit with { Surface = text[value.Start..crossUnit.End] }; // the whole size is the written unit: no respacing
            return true;
        }

        // "2,000.45±0.01 pounds": the uncertainty sits between the value and its unit.
        var plusMinus = PlusMinus().Match(text, value.End);
        if (plusMinus.Success && TryReadValue(text, value.End + plusMinus.Length, context, out var uncertainty) && uncertainty.Currency is null
            && TryReadUnit(text, uncertainty.End, uncertainty.Number, out unit))
        {
            value = value with { End = uncertainty.End };
            return true;
        }

        // "half a liter", "one and three quarters of an hour": a number written as a fraction takes "a"/"of".
        var fraction = value.Number.IsWords && value.Value > 0 && (value.Value < 1 || EndsInFractionWord(text, value.End));
        var lead = UnitLead().Match(text, value.End);
        if (lead.Success && (fraction || lead.Groups["more"].Success)
            && TryReadUnit(text, value.End + lead.Length, value.Number, out unit) && unit.Unit is { } measure
            && (fraction || measure.Family == "duration"))
        {
            return true;
        }

        // "two and quarter hour", "one and two quarters of hour": quarters and halves the scanner leaves.
        var quarters = AndQuarters().Match(text, value.End);
        if (quarters.Success && (value.Number.IsPlainInteger || value.Number.IsWords) && value.Value >= 1)
        {
            var count = quarters.Groups["n"].Value.ToLowerInvariant() switch { "two" => 2m, "three" => 3m, _ => 1m };
            var quarter = count * (quarters.Groups["f"].Value.StartsWith('h') ? 0.5m : 0.25m);
            var ofLead = UnitLead().Match(text, value.End + quarters.Length);
            var unitAt = value.End + quarters.Length + (ofLead.Success && !ofLead.Groups["more"].Success ? ofLead.Length : 0);
            if (TryReadUnit(text, unitAt, value.Number, out unit) && unit.Unit is not null)
            {
                value = value with { Value = value.Value + quarter, End = value.End + quarters.Length };
                return true;
            }
        }

        // "two and a quarter hours", "five and half min".
        var and = AndFraction().Match(text, value.End);
        if (and.Success && (value.Number.IsPlainInteger || value.Number.IsWords) && value.Value >= 1
            && TryReadValue(text, value.End + and.Length, context, out var part) && part.Number.IsWords && part.Value is > 0 and < 1
            && TryReadUnitAfter(text, ref part, context, out unit) && unit.Unit is not null)
        {
            value = value with { Value = value.Value + part.Value, End = part.End };
            return true;
        }

        return false;
    }

    private static readonly UnitEntry PoundWeight = new()
    {
        Code = "lb", Family = "dimension", Kind = "Weight", SiUnit = "kg", SiFactor = 0.45359237m, System = "imperial",
    };

    /// <summary>Verbs before "N degrees" that make it an angle ("rotate 90 degrees").</summary>
    private static readonly HashSet<string> TurningVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "rotate", "rotates", "rotated", "rotating", "turn", "turns", "turned", "turning", "tilt", "tilted", "tilts", "spun", "spin", "swung", "swing", "pivoted", "angled",
    };

    private static readonly UnitEntry AngleDegrees = new()
    {
        Code = "°", Family = "dimension", Kind = "Angle", SiUnit = "rad", SiFactor = 0.0174532925199432957692369077m,
    };

    private static readonly UnitEntry TemperatureDegrees = new()
    {
        Code = "°", Family = "temperature", Kind = "Temperature", SiUnit = "°", SiFactor = 1,
    };
}
