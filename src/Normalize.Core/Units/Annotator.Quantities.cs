using System.Text.RegularExpressions;

namespace Normalize.Core.Units;

/// <summary>A word or sign that bounds or hedges a number: "more than", "at least", "about".</summary>
internal sealed record Qualifier(string Code, bool? Lower, bool Inclusive);

public sealed partial class Annotator
{
    private readonly PhraseMatcher<UnitEntry> _compositeSymbols = new();
    private readonly PhraseMatcher<CurrencyEntry> _currencySymbols = new();
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _weighingWords;
    private HashSet<string> _moneyNouns = [];
    private UnitEntry? _minute;

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

        _minute = table.Units.FirstOrDefault(u => u.Code == "minute");
        _weighingWords = new HashSet<string>(table.PoundWeightCues.Before, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _moneyNouns = new HashSet<string>(table.PoundWeightCues.NotAfterOf, StringComparer.OrdinalIgnoreCase);
    }

    private static readonly (string[] Phrases, Qualifier Qualifier)[] QualifierPhrases =
    [
        (["more than", "over", "above", "greater than", "larger than", "higher than", "bigger than", "in excess of",
          "exceeding", "exceed", "exceeds", "surpass", "surpassing", ">"], new Qualifier("gt", true, false)),
        (["at least", "no less than", "not less than", "no fewer than", "a minimum of", "greater than or equal to",
          "more than or equal to", "bigger or equal than", "greater or equal than", "larger or equal than",
          "equal to or more than", "equal to or greater than", "at least or equal to", ">=", "≥"], new Qualifier("ge", true, true)),
        (["less than", "fewer than", "under", "below", "lower than", "smaller than"], new Qualifier("lt", false, false)),
        (["up to", "at most", "no more than", "not more than", "a maximum of", "less than or equal to",
          "smaller or equal than", "less or equal than", "lower or equal than", "equal to or less than",
          "equal to or smaller than", "<=", "≤"], new Qualifier("le", false, true)),
        (["equal to", "equals", "exactly"], new Qualifier("eq", null, true)),
        (["about", "around", "approximately", "roughly", "some", "circa", "ca.", "~", "an estimated", "close to",
          "approx.", "an approximate"], new Qualifier("approx", null, false)),
        (["nearly", "almost", "just under"], new Qualifier("nearly", null, false)),
        (["between"], new Qualifier("between", null, true)),
        (["from"], new Qualifier("from", null, true)),
    ];

    private static readonly HashSet<string> NotCountedNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "the", "and", "to", "in", "on", "at", "for", "by", "with", "from", "is", "was", "were", "are", "has",
        "have", "had", "that", "which", "who", "per", "or", "more", "less", "than", "but", "as", "into", "will",
        "would", "could", "can", "may", "be", "been", "it", "its", "this", "these", "those", "other", "out", "not",
        "also", "after", "before", "over", "under", "up", "down", "when", "where", "while", "such", "each", "all",
        "times", "through", "about", "off", "did", "does", "do", "they", "we", "he", "she", "you", "their", "our",
        "his", "her", "them", "then", "there", "so", "if", "only", "just", "yet", "still", "ago", "old", "percent",
    };

    /// <summary>One value: an optional currency sign, a number, and a glued scale ("$5m", "€3bn").</summary>
    private readonly record struct ValueRead(NumberMatch Number, decimal Value, CurrencyEntry? Currency, int Start, int End);

    /// <summary>A unit after a number: a measurement unit or a currency word.</summary>
    private readonly record struct UnitRead(UnitEntry? Unit, CurrencyEntry? Currency, string Surface, int Start, int End, bool Hyphenated);

    /// <summary>Finds one quantity starting at <paramref name="start"/>; returns the position after it (or start).</summary>
    private int TryQuantity(string text, int start, AnnotationContext context, List<QuantitySpan> output)
    {
        var p = start;
        Qualifier? qualifier = null;
        // "=>30" is not a bound: a sign after "=" is part of some other notation.
        if (_qualifiers.TryMatch(text, p, out var q, out var qEnd) && !(text[p] is '>' or '<' && p > 0 && text[p - 1] == '='))
        {
            var afterQualifier = SkipOneSpace(text, qEnd);
            if (afterQualifier < text.Length && (char.IsDigit(text[afterQualifier]) || char.IsLetter(text[afterQualifier]) || IsMoneySign(text[afterQualifier]) || text[afterQualifier] is '-' or '.'))
            {
                qualifier = q;
                p = afterQualifier;
            }
        }

        var negate = false;
        var minusLength = 0;
        if (p < text.Length && text[p] is 'm' or 'M' or 'n' or 'N' && MinusWord().Match(text, p) is { Success: true } minus)
        {
            negate = true;
            minusLength = minus.Length;
            p += minus.Length;
        }

        if (!TryReadValue(text, p, context, out var first) && !TryReadArticle(text, p, output, out first))
        {
            return qualifier is null ? start : TryQuantity(text, qEnd, context, output) is var inner && inner > qEnd ? inner : start;
        }

        var unit1 = TryReadUnitAfter(text, ref first, context, out var u1) ? u1 : (UnitRead?)null;
        var firstValue = negate ? -first.Value : first.Value;
        var afterFirst = unit1?.End ?? first.End;

        // Ranges: "10-15 km", "from 2 to 7 l", "between 5 and 7", "-18 °C to -34 °C", "5k-20k".
        ValueRead? second = null;
        UnitRead? unit2 = null;
        var connector = MayConnect(text, afterFirst) ? RangeConnector().Match(text, afterFirst) : Match.Empty;
        if (connector.Success && !first.Number.IsOrdinal)
        {
            var word = connector.Groups["w"].Value.ToLowerInvariant();
            var allowed = qualifier?.Code switch
            {
                "between" => word is "and" or "-" or "–" or "—",
                "from" => word is "to" or "and" or "-" or "–" or "—" or "through" or "till" or "until",
                _ => word is "-" or "–" or "—" or "to" or "~" or "through",
            };
            // "between 2.0 g and about 7.0 g", "2 - ~7 litres": a hedge on the upper end.
            var upperStart = connector.Index + connector.Length;
            if (_qualifiers.TryMatch(text, upperStart, out var hedge, out var hedgeEnd) && hedge.Code is "approx")
            {
                upperStart = SkipOneSpace(text, hedgeEnd);
            }

            if (allowed && TryReadValue(text, upperStart, context, out var b) && !b.Number.IsOrdinal)
            {
                var u2 = TryReadUnit(text, b.End, b.Number, out var readUnit2, b.Currency is not null || first.Currency is not null) ? readUnit2 : (UnitRead?)null;
                var firstKind = unit1?.Unit?.Code ?? unit1?.Currency?.Code ?? first.Currency?.Code;
                var secondKind = u2?.Unit?.Code ?? u2?.Currency?.Code ?? b.Currency?.Code;
                var sameUnit = firstKind is null || secondKind is null || firstKind == secondKind;
                var leadingZero = text[b.Start] == '0' && b.End - b.Start > 1;
                var bounded = qualifier?.Code is "between" or "from"
                    || (word is "-" or "–" or "—" or "~" or "through" && !first.Number.IsWords && !b.Number.IsWords && b.Value > firstValue && !leadingZero)
                    || (word == "to" && (unit1 is not null || u2 is not null || first.Currency is not null));
                var dashWithUnitOrderOk = word is not ("-" or "–" or "—") || unit1 is not null || u2 is not null || first.Currency is not null || b.Value > firstValue;
                if (sameUnit && bounded && dashWithUnitOrderOk && (word != "to" || unit1 is null || u2 is not null || true))
                {
                    second = b;
                    unit2 = u2;
                }
            }
        }

        if (qualifier?.Code is "between" or "from" && second is null)
        {
            // "from 5 people" is not a range: read the number alone.
            return TryQuantity(text, p, context, output) is var alone && alone > p ? alone : start;
        }

        var isDuration = (unit2 ?? unit1)?.Unit?.Family == "duration";
        if (second is not null && !context.Quantities.UnitRanges && !isDuration
            && (unit1 is not null || unit2 is not null || first.Currency is not null || second.Value.Currency is not null))
        {
            // Recognizers-Text measures only the number next to the unit ("eight to 10 feet" is 10 ft).
            second = null;
            unit2 = null;
        }

        var unit = unit2 ?? unit1;
        var end = second is { } s2 ? unit2?.End ?? s2.End : afterFirst;
        var currency = first.Currency ?? second?.Currency ?? unit?.Currency;
        var measure = unit?.Unit;
        if (unit is { Currency.Code: "£" } poundWord && currency == poundWord.Currency && char.IsLetter(poundWord.Surface[0])
            && (context.Quantities.PoundsAreWeight || IsWeighed(text, start, poundWord.End)))
        {
            // "two pounds of meat", "it weighs 2,000 pounds": the pound is a weight.
            currency = null;
            measure = PoundWeight;
            unit = poundWord with { Unit = PoundWeight, Currency = null };
        }

        // "2 below zero".
        if (second is null && end + 1 < text.Length && text[end] == ' ' && text[end + 1] == 'b' && BelowZero().Match(text, end) is { Success: true } below)
        {
            firstValue = -Math.Abs(firstValue);
            measure ??= TemperatureDegrees;
            end += below.Length;
        }

        if (measure is not null && currency is null && second is null && measure.Family == "duration")
        {
            // "five years old", "5-year-old": age.
            var old = YearsOld().Match(text, end);
            if (old.Success && measure.Code is "year" or "month" or "week" or "day")
            {
                end += old.Length;
                output.Add(Make(text, qualifier is { Code: "approx" or "nearly" } && context.Quantities.HedgesInSpan ? start : first.Start, end, "age", firstValue, measure.Code, measure.Kind,
                    unit?.Surface, firstValue * measure.SiFactor, "s", qualifier));
                return end;
            }
        }

        if (currency is null && measure is null && second is null && qualifier is null && IsPronounOne(text, first))
        {
            return first.End; // "which one", "the one who": a pronoun, not a count
        }

        if (currency is null && measure is null)
        {
            return EmitBareNumber(text, start, p, qualifier, first, firstValue, second, negate, context, output);
        }

        // Bounds belong to the quantity ("less than 7 EUR"); hedges stay outside it ("about $ 14 million").
        var bound = qualifier is { Lower: not null } || qualifier?.Code is "between" or "from";
        var hedged = qualifier?.Code is "approx" or "nearly";
        // Durations keep their bounds in every convention ("less than 2 hours").
        var spanStart = (bound && (context.Quantities.BoundsInSpan || isDuration)) || (hedged && context.Quantities.HedgesInSpan) ? start
            : negate ? p - minusLength : first.Start;
        if (qualifier is { Lower: null } && qualifier.Code is "approx" or "nearly" or "eq" && second is null)
        {
            qualifier = qualifier.Code == "eq" ? null : qualifier;
        }

        string family;
        string? code;
        string? kind;
        string? siUnit;
        decimal factor;
        if (currency is not null)
        {
            family = "currency";
            code = currency.Code == "£" && context.Quantities.PoundIsSterling ? "GBP" : currency.Code;
            kind = null;
            siUnit = currency.Code;
            factor = 1;
        }
        else
        {
            family = measure!.Family;
            code = measure.Code;
            kind = measure.Kind;
            siUnit = measure.SiUnit;
            factor = measure.SiFactor;
        }

        // Several parts: "1 year 2 days 3 hours and 4 seconds", "7 feet and 10 inches", "5 ft 2 in", "an hour and a half".
        var value = (decimal?)firstValue;
        if (second is null && measure is not null && currency is null && family is "duration" or "dimension" && measure.Kind is "Time" or "Length" or "Weight")
        {
            var composite = ReadComposite(text, end, firstValue, measure, context);
            if (composite.End > end)
            {
                end = composite.End;
                value = composite.Value;
                measure = composite.Unit;
                code = measure.Code;
                factor = measure.SiFactor;
            }
        }

        // "3 dollars 50 cents", "$20 and 43c", "thirteen dollars and forty-five cents".
        if (family == "currency" && second is null && currency!.Code is not ("cent" or "pence") && value is not null)
        {
            var join = MoneyJoin().Match(text, end);
            if (join.Success && TryReadValue(text, end + join.Length, context, out var cents) && cents.Currency is null
                && cents.Value is > 0 and < 100 && (cents.Number.IsPlainInteger || cents.Number.IsWords))
            {
                // Without a cents word only after a currency named in words and at the end of the clause:
                // "twenty rupees 43", "15 dollars and 50." (not "5 dollars, 20 people").
                var centsUnit = CentsUnit().Match(text, cents.End);
                var bare = !centsUnit.Success && unit?.Currency is not null && char.IsLetter(unit.Value.Surface[0]) && !join.Value.StartsWith(',')
                    && (cents.End == text.Length || text[cents.End] is '.' or ',' or ';' or '!' or '?' or ')');
                if (centsUnit.Success || bare)
                {
                    value += cents.Value / 100m;
                    firstValue = value.Value;
                    end = cents.End + (centsUnit.Success ? centsUnit.Length : 0);
                }
            }
        }

        // A rate after the unit: "20 kb per second" (part of the unit), "500,000 barrels a day" (recorded, outside the span).
        string? rate = null;
        if (unit is not null && family != "duration" && _rates.TryMatch(text, SkipOneSpace(text, end), out var grain, out var rateEnd))
        {
            rate = grain;
            var rateText = text[SkipOneSpace(text, end)..rateEnd];
            if (rateText.StartsWith("per ", StringComparison.OrdinalIgnoreCase) || rateText.StartsWith('/'))
            {
                end = rateEnd;
            }
        }

        // "500 grams of strawberries", "3 cups of sugar": what is measured.
        string? product = null;
        if (measure is { Kind: "Weight" or "Volume" } && ProductOf().Match(text, end) is { Success: true } of
            && !NotCountedNouns.Contains(of.Groups["n"].Value))
        {
            product = of.Groups["n"].Value;
            if (context.Quantities.ProductInSpan)
            {
                end += of.Length;
            }
        }

        // Duckling reports metric masses in grams.
        var scale = 1m;
        if (context.Quantities.MassInGrams && measure is { Kind: "Weight", System: "metric" } && family == "dimension" && code == measure.Code)
        {
            scale = measure.SiFactor * 1000m;
            code = "g";
        }

        QuantityRange? range = null;
        if (second is { } upper)
        {
            var lo = firstValue * scale;
            var hi = upper.Value * scale;
            range = new QuantityRange { Min = Math.Min(lo, hi), Max = Math.Max(lo, hi) };
            value = null;
        }
        else if (qualifier?.Lower is { } lower)
        {
            range = lower
                ? new QuantityRange { Min = firstValue * scale, MinInclusive = qualifier.Inclusive }
                : new QuantityRange { Max = firstValue * scale, MaxInclusive = qualifier.Inclusive };
        }

        var span = Make(text, spanStart, end, family, value * scale, code, kind, unit?.Surface ?? first.Currency?.Code, null, siUnit, qualifier, range);
        span.SiValue = value is { } v ? Tidy(ToSi(v, measure, factor)) : null;
        if (span.Range is { } r)
        {
            r.Min = Tidy(r.Min);
            r.Max = Tidy(r.Max);
        }
        span.Rate = rate;
        span.Noun = product;
        output.Add(span);
        return end;
    }

    private int EmitBareNumber(string text, int start, int numberStart, Qualifier? qualifier, ValueRead first, decimal firstValue,
        ValueRead? second, bool negate, AnnotationContext context, List<QuantitySpan> output)
    {
        var family = first.Number.IsOrdinal ? "ordinal" : "number";
        var numberSpanStart = negate ? numberStart : first.Start;
        if (negate)
        {
            numberSpanStart = MinusStart(text, first.Start);
        }

        if (second is { } upper)
        {
            // A hedge stays outside the range ("about 20~100"); "between" and "from" belong to it.
            var rangeStart = qualifier is { Lower: not null } || qualifier?.Code is "between" or "from" ? start : numberSpanStart;
            var rangeSpan = Make(text, rangeStart, upper.End, "number_range", null, null, null, null, null, null,
                new Qualifier("range", null, true),
                new QuantityRange { Min = firstValue, Max = upper.Value, MinInclusive = true, MaxInclusive = false });
            output.Add(rangeSpan);
            output.Add(Make(text, numberSpanStart, first.End, family, firstValue, null, null, null, firstValue, null, null));
            output.Add(Make(text, upper.Start, upper.End, upper.Number.IsOrdinal ? "ordinal" : "number", upper.Value, null, null, null, upper.Value, null, null));
            return upper.End;
        }

        var end = first.End;
        var number = Make(text, numberSpanStart, end, family, firstValue, null, null, null, firstValue, null,
            qualifier is { Code: "approx" or "nearly" } ? qualifier : null);
        if (!first.Number.IsOrdinal)
        {
            var noun = CountedNoun().Match(text, end);
            if (noun.Success && !NotCountedNouns.Contains(noun.Groups["n"].Value))
            {
                number.Noun = noun.Groups["n"].Value;
            }
        }

        // "500 or more", "20 or fewer": the bound after the number.
        if (qualifier is null or { Code: "approx" or "nearly" } && OrMore().Match(text, end) is { Success: true } orMore)
        {
            var atLeast = orMore.Groups["more"].Success;
            output.Add(Make(text, numberSpanStart, end + orMore.Length, "number_range", null, null, null, null, null, null,
                new Qualifier(atLeast ? "ge" : "le", atLeast, true),
                atLeast ? new QuantityRange { Min = firstValue, MinInclusive = true } : new QuantityRange { Max = firstValue, MaxInclusive = true }));
            output.Add(number);
            return end + orMore.Length;
        }

        if (qualifier?.Lower is { } lower || qualifier?.Code == "eq")
        {
            var range = qualifier!.Code == "eq"
                ? new QuantityRange { Min = firstValue, Max = firstValue, MinInclusive = true, MaxInclusive = true }
                : qualifier.Lower == true
                    ? new QuantityRange { Min = firstValue, MinInclusive = qualifier.Inclusive }
                    : new QuantityRange { Max = firstValue, MaxInclusive = qualifier.Inclusive };
            var rangeEnd = end;

            // "above 1000 and below 1500", "more than 30 and less than or equal to 40".
            var join = BoundJoin().Match(text, end);
            if (join.Success && _qualifiers.TryMatch(text, end + join.Length, out var otherQualifier, out var otherEnd)
                && otherQualifier.Lower is { } otherLower && otherLower != qualifier.Lower && qualifier.Lower is not null
                && TryReadValue(text, SkipOneSpace(text, otherEnd), context, out var other) && other.Currency is null
                && !TryReadUnit(text, other.End, other.Number, out _)
                && (otherLower ? other.Value < firstValue : other.Value > firstValue))
            {
                if (otherLower)
                {
                    range.Min = other.Value;
                    range.MinInclusive = otherQualifier.Inclusive;
                }
                else
                {
                    range.Max = other.Value;
                    range.MaxInclusive = otherQualifier.Inclusive;
                }

                rangeEnd = other.End;
                output.Add(Make(text, start, rangeEnd, "number_range", null, null, null, null, null, null, new Qualifier("range", null, true), range));
                output.Add(number);
                output.Add(Make(text, other.Start, other.End, other.Number.IsOrdinal ? "ordinal" : "number", other.Value, null, null, null, other.Value, null, null));
                return rangeEnd;
            }

            output.Add(Make(text, start, rangeEnd, "number_range", null, null, null, null, null, null, qualifier, range));
        }

        output.Add(number);
        return end;
    }

    private static int MinusStart(string text, int numberStart)
    {
        var p = numberStart - 1;
        while (p > 0 && text[p] == ' ')
        {
            p--;
        }

        var wordEnd = p + 1;
        while (p > 0 && char.IsLetter(text[p - 1]))
        {
            p--;
        }

        return wordEnd > p ? p : numberStart;
    }

    /// <summary>Drops trailing zeros a multiplication left ("1500000.0" is written 1500000).</summary>
    private static decimal? Tidy(decimal? value) => value / 1.000000000000000000000000000000000m;

    private static decimal? ToSi(decimal value, UnitEntry? unit, decimal factor)
    {
        if (unit?.Code == "°F")
        {
            return Math.Round((value - 32m) * 5m / 9m, 6);
        }

        if (unit?.Code == "K")
        {
            return value - 273.15m;
        }

        return value * factor;
    }

    private static QuantitySpan Make(string text, int start, int end, string family, decimal? value, string? unit, string? kind,
        string? originalUnit, decimal? siValue, string? siUnit, Qualifier? qualifier, QuantityRange? range = null) => new()
    {
        Text = text[start..end],
        Start = start,
        End = end,
        Family = family,
        Value = Tidy(value),
        Unit = unit,
        Kind = kind,
        OriginalUnit = originalUnit,
        SiValue = Tidy(siValue),
        SiUnit = siUnit,
        Qualifier = qualifier?.Code,
        Range = range,
    };

    /// <summary>Whether a range connector ("-", "to", "and", "~", "through", "till", "until") can follow.</summary>
    private static bool MayConnect(string text, int position)
    {
        var p = position;
        while (p < text.Length && text[p] == ' ')
        {
            p++;
        }

        return p < text.Length && text[p] is '-' or '–' or '—' or '~' or 't' or 'T' or 'a' or 'A' or 'u' or 'U';
    }

    private static readonly HashSet<string> PronounOneDeterminers = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "which", "that", "this", "each", "every", "any", "no", "another", "last", "only", "next", "other", "current", "same", "right", "wrong", "new", "old",
    };

    private static bool IsPronounOne(string text, ValueRead value)
    {
        if (!value.Number.IsWords || value.End - value.Start != 3 || !text.AsSpan(value.Start, 3).Equals("one", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var p = value.Start - 1;
        while (p >= 0 && text[p] == ' ')
        {
            p--;
        }

        var end = p + 1;
        while (p >= 0 && char.IsLetter(text[p]))
        {
            p--;
        }

        if (end > p + 1 && PronounOneDeterminers.Contains(text[(p + 1)..end]))
        {
            return true;
        }

        // "one of them", "one of the suspects", "one another", "one by one": a pronoun, not a count.
        return PronounOneAfter().IsMatch(text, value.End);
    }

    [GeneratedRegex(@"\G (?:of (?:the|them|us|you|those|these|his|her|their|our|its|my|your|which|whom)\b|another\b|by one\b)", RegexOptions.IgnoreCase)]
    private static partial Regex PronounOneAfter();

    private static bool IsMoneySign(char c) => c is '$' or '€' or '£' or '¥' or '₴' or '₽' or '₩' or '₹' or '₿';

    private static int SkipOneSpace(string text, int position) =>
        position < text.Length && text[position] == ' ' ? position + 1 : position;

    private bool TryReadValue(string text, int position, AnnotationContext context, out ValueRead value)
    {
        value = default;
        var p = position;
        CurrencyEntry? currency = null;
        var prefixEnd = -1;
        if (p < text.Length && _currencyPrefixes.TryMatch(text, p, out var prefix, out prefixEnd, allowDigitAfter: true))
        {
            currency = prefix;
            p = SkipOneSpace(text, prefixEnd);
        }

        if (!_numbers.TryRead(text, p, context.DecimalComma, out var number, afterPrefix: currency is not null && p == prefixEnd, context.Numbers))
        {
            return false;
        }

        var amount = number.Value;
        var end = number.End;
        if (currency is not null && !number.HasScale)
        {
            // "$5m", "€3bn", "$2B": glued money scales.
            var glued = MoneyScale().Match(text, end);
            if (glued.Success)
            {
                amount *= glued.Groups["s"].Value.ToLowerInvariant().StartsWith('b') ? 1_000_000_000m : 1_000_000m;
                end += glued.Length;
            }
        }

        value = new ValueRead(number, amount, currency, position, end);
        return true;
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
                // "an hour and a half", "one hour and half": half of the last unit.
                parts.Add((0.5m, last));
                cursor += join.Length;
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
        var name = PreviousWord(text, numberStart);
        return glued && name.Length > 0 && char.IsUpper(name[0]);
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
        var article = ArticleBeforeUnit().Match(text, position);
        if (!article.Success || (position > 0 && char.IsLetterOrDigit(text[position - 1])))
        {
            return false;
        }

        var unitStart = position + article.Length;
        if (!_unitNames.TryMatch(text, unitStart, out var unit, out var unitEnd) || unit.NoArticle.Contains(text[unitStart..unitEnd], StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if ((output.Count > 0 && output[^1].End >= position - 2) || FrequencyWords.Contains(PreviousWord(text, position)))
        {
            return false;
        }

        var end = position + article.Length - 1;
        value = new ValueRead(new NumberMatch(1, position, end, IsOrdinal: false, IsWords: true, HasScale: false, IsPlainInteger: false), 1, null, position, end);
        return true;
    }

    private static readonly HashSet<string> FrequencyWords = new(StringComparer.OrdinalIgnoreCase) { "once", "twice", "thrice", "times" };

    /// <summary>The word before <paramref name="position"/> (skipping spaces), or "".</summary>
    private static string PreviousWord(string text, int position)
    {
        var end = position;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        var begin = end;
        while (begin > 0 && char.IsLetter(text[begin - 1]))
        {
            begin--;
        }

        return text[begin..end];
    }

    /// <summary>Whether a unit name follows an article here (the cheap trigger for <see cref="TryReadArticle"/>).</summary>
    private bool StartsUnitName(string text, int position) =>
        position + 1 < text.Length && text[position] == ' ' && _unitNames.TryMatch(text, position + 1, out _, out _);

    /// <summary>
    /// The unit after a value: right after it, or after a few words that join a fraction or an
    /// integer to it ("half a liter", "three quarters of an hour", "two and a quarter hours",
    /// "2 more minutes"). A joined fraction is added to <paramref name="value"/>.
    /// </summary>
    private bool TryReadUnitAfter(string text, ref ValueRead value, AnnotationContext context, out UnitRead unit)
    {
        if (TryReadUnit(text, value.End, value.Number, out unit, value.Currency is not null))
        {
            return true;
        }

        if (value.Currency is not null || value.Number.IsOrdinal)
        {
            return false;
        }

        var fraction = value.Number.IsWords && value.Value is > 0 and < 1;
        var lead = UnitLead().Match(text, value.End);
        if (lead.Success && (fraction || lead.Groups["more"].Success)
            && TryReadUnit(text, value.End + lead.Length, value.Number, out unit) && unit.Unit is { } measure
            && (fraction || measure.Family == "duration"))
        {
            return true;
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

    private static readonly UnitEntry TemperatureDegrees = new()
    {
        Code = "°", Family = "temperature", Kind = "Temperature", SiUnit = "°", SiFactor = 1,
    };

    [GeneratedRegex(@"\G\s*(?<w>-|–|—|~|to|and|through|till|until)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex RangeConnector();

    [GeneratedRegex(@"\G(?:an?|An?) ")]
    private static partial Regex ArticleBeforeUnit();

    [GeneratedRegex(@"\G (?:(?<more>more )|of (?:an? )?|an? )", RegexOptions.IgnoreCase)]
    private static partial Regex UnitLead();

    [GeneratedRegex(@"\G and (?:an? )?", RegexOptions.IgnoreCase)]
    private static partial Regex AndFraction();

    [GeneratedRegex(@"\G(?:minus|negative) ", RegexOptions.IgnoreCase)]
    private static partial Regex MinusWord();

    [GeneratedRegex(@"\G below zero", RegexOptions.IgnoreCase)]
    private static partial Regex BelowZero();

    [GeneratedRegex(@"\G(?: old|-old| of age)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearsOld();

    [GeneratedRegex(@"\G(?:(?<half> and (?:an? )?half\b)|,? and |, | |)", RegexOptions.IgnoreCase)]
    private static partial Regex CompositeJoin();

    [GeneratedRegex(@"\G(?: and | but |, )", RegexOptions.IgnoreCase)]
    private static partial Regex BoundJoin();

    [GeneratedRegex(@"\G or (?:(?<more>more|greater|higher|above|over)|less|fewer|lower|below|under)\b(?! than)", RegexOptions.IgnoreCase)]
    private static partial Regex OrMore();

    [GeneratedRegex(@"\G(?: and |, | )")]
    private static partial Regex MoneyJoin();

    [GeneratedRegex(@"\G(?: ?cents?\b| ?c\b|¢| ?pence\b| ?p\b| ?sen\b)", RegexOptions.IgnoreCase)]
    private static partial Regex CentsUnit();

    [GeneratedRegex(@"\G(?<s>m|M|mn|bn|b|B)(?![A-Za-z])")]
    private static partial Regex MoneyScale();

    [GeneratedRegex(@"\G of (?<n>[A-Za-z]{3,})\b")]
    private static partial Regex ProductOf();

    [GeneratedRegex(@"\G (?<n>[a-z]{3,})\b")]
    private static partial Regex CountedNoun();
}
