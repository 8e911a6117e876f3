using System.Text.RegularExpressions;

namespace Normalize.Core.Units;

/// <summary>A word or sign that bounds or hedges a number: "more than", "at least", "about".</summary>
internal sealed record Qualifier(string Code, bool? Lower, bool Inclusive);

public sealed partial class Annotator
{
    private static readonly (string[] Phrases, Qualifier Qualifier)[] QualifierPhrases =
    [
        (["more than", "over", "above", "greater than", "larger than", "higher than", "bigger than", "in excess of",
          "exceeding", "exceed", "exceeds", "surpass", "surpassing", ">"], new Qualifier("gt", true, false)),
        ([.. OrEqual("more", "greater", "larger", "bigger", "higher"), "at least", "no less than", "not less than", "no fewer than",
          "a minimum of", "at least or equal to", ">=", "≥"], new Qualifier("ge", true, true)),
        (["less than", "fewer than", "under", "below", "lower than", "smaller than"], new Qualifier("lt", false, false)),
        ([.. OrEqual("less", "fewer", "smaller", "lower"), "up to", "at most", "no more than", "not more than", "a maximum of",
          "at most or equal to", "<=", "≤"], new Qualifier("le", false, true)),
        (["equal to", "equals", "exactly"], new Qualifier("eq", null, true)),
        (["about", "around", "approximately", "roughly", "some", "circa", "ca.", "~", "an estimated", "close to",
          "approx.", "an approximate"], new Qualifier("approx", null, false)),
        (["nearly", "almost", "just under"], new Qualifier("nearly", null, false)),
        (["between"], new Qualifier("between", null, true)),
        (["from"], new Qualifier("from", null, true)),
    ];

    /// <summary>The inclusive comparisons of each comparative: "greater than or equal to", "greater or equal than", "equal to or greater than".</summary>
    private static IEnumerable<string> OrEqual(params string[] comparatives) => comparatives.SelectMany(c => new[]
    {
        $"{c} than or equal to", $"{c} or equal to", $"{c} or equal than", $"{c} than or equal", $"equal to or {c} than", $"equal or {c} than",
    });

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

        if (measure is not null && currency is null && measure.Family == "duration")
        {
            // "five years old", "5-year-old": age; "18- to 29-year-olds": an age range.
            var old = YearsOld().Match(text, end);
            if (old.Success && measure.Code is "year" or "month" or "week" or "day")
            {
                end += old.Length;
                var ageSpan = Make(text, qualifier is { Code: "approx" or "nearly" } && context.Quantities.HedgesInSpan ? start : first.Start, end, "age",
                    second is null ? firstValue : null, measure.Code, measure.Kind, unit?.Surface, second is null ? firstValue * measure.SiFactor : null, "s", qualifier,
                    second is { } eldest ? new QuantityRange { Min = firstValue, Max = eldest.Value } : null);
                output.Add(ageSpan);
                AddInnerNumbers(text, context, start, qualifier, first, second, unit, output);
                return end;
            }

            // "60 Minutes", "the Six-Day War": a capitalised unit after a number is a title, not a duration.
            if (unit is { } written && char.IsUpper(written.Surface[0]) && written.Surface.Skip(1).Any(char.IsLower))
            {
                return end;
            }
        }

        if (currency is null && measure is null && second is null && qualifier is null && IsPronounOne(text, first))
        {
            return first.End; // "which one", "the one who": a pronoun, not a count
        }

        if (currency is null && measure is null && second is null && qualifier is null && TryEmitSharedUnit(text, first, firstValue, context, output))
        {
            return first.End;
        }

        if (currency is null && measure is null && !first.Number.IsOrdinal && TextScan.PreviousWord(text, qualifier is null ? first.Start : start).Equals("aged", StringComparison.OrdinalIgnoreCase))
        {
            return EmitAged(text, start, qualifier, first, firstValue, second, context, output);
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

        // "two days later", "5 days before the vote": an offset to a date; where the convention reads it
        // as part of a date (the date recogniser had the first chance at it), no duration is emitted.
        if (family == "duration" && context.Quantities.OffsetsAreDates && DurationOffset().IsMatch(text.AsSpan(end)))
        {
            return end;
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

        // "50 meters per millisecond", "50 km/ms": a length per time is a speed; "9.8 m/s2" an acceleration.
        if (measure is { Kind: "Length" } && family == "dimension" && _perTime.TryMatch(text, SkipOneSpace(text, end), out var time, out var perEnd, allowDigitAfter: true)
            && (perEnd == text.Length || !char.IsDigit(text[perEnd]) || IsSquare(text, perEnd)))
        {
            var squared = IsSquare(text, perEnd);
            measure = new UnitEntry
            {
                Code = measure.Code + "/" + time.Symbol + (squared ? "2" : ""), Family = "dimension", Kind = squared ? "Acceleration" : "Speed",
                SiUnit = squared ? "m/s2" : "m/s", SiFactor = measure.SiFactor / time.Seconds / (squared ? time.Seconds : 1), System = measure.System,
            };
            perEnd += squared ? 1 : 0;
            (code, kind, siUnit, factor) = (measure.Code, measure.Kind, measure.SiUnit, measure.SiFactor);
            end = perEnd;
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

        // Recognizers-Text labels "tonnes" and "t" "ton" (but "metric tons" "t").
        if (context.Quantities.TonneIsTon && code == "t" && unit?.Surface.StartsWith("metric", StringComparison.OrdinalIgnoreCase) != true)
        {
            code = "ton";
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
        AddInnerNumbers(text, context, start, qualifier, first, second, unit, output);
        return end;
    }

    /// <summary>"45 and 50 mg": the unit of the second number is the first's too (not a year: "in 2014 and 50 km").</summary>
    private bool TryEmitSharedUnit(string text, ValueRead first, decimal firstValue, AnnotationContext context, List<QuantitySpan> output)
    {
        if (first.Number.IsWords || (first.Number.IsPlainInteger && firstValue is >= 1900 and <= 2100)
            || SharedUnitJoin().Match(text, first.End) is not { Success: true } shared
            || !TryReadValue(text, first.End + shared.Length, context, out var other) || other.Currency is not null
            || !TryReadUnit(text, other.End, other.Number, out var otherUnit) || otherUnit.Unit is not { Family: "dimension" or "temperature" } otherMeasure)
        {
            return false;
        }

        var span = Make(text, first.Start, first.End, otherMeasure.Family, firstValue, otherMeasure.Code, otherMeasure.Kind, otherUnit.Surface, null, otherMeasure.SiUnit, null);
        span.SiValue = Tidy(ToSi(firstValue, otherMeasure, otherMeasure.SiFactor));
        output.Add(span);
        return true;
    }

    private static bool IsSquare(string text, int position) =>
        position < text.Length && text[position] is '2' or '²' && (position + 1 == text.Length || !char.IsLetterOrDigit(text[position + 1]));

    /// <summary>"aged 30", "aged 18 to 25": an age in years; returns the position after it.</summary>
    private int EmitAged(string text, int start, Qualifier? qualifier, ValueRead first, decimal firstValue, ValueRead? second,
        AnnotationContext context, List<QuantitySpan> output)
    {
        if (second is null && AgeRangeJoin().Match(text, first.End) is { Success: true } join
            && TryReadValue(text, first.End + join.Length, context, out var upperAge) && upperAge.Currency is null && upperAge.Value > firstValue)
        {
            second = upperAge;
        }

        var end = second?.End ?? first.End;
        output.Add(Make(text, qualifier is { Lower: not null } && context.Quantities.BoundsInSpan ? start : first.Start, end, "age",
            second is null ? firstValue : null, "year", "Time", "years", second is null ? firstValue * 31536000m : null, "s", qualifier,
            second is { } oldest ? new QuantityRange { Min = firstValue, Max = oldest.Value } : null));
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
                new QuantityRange { Min = Math.Min(firstValue, upper.Value), Max = Math.Max(firstValue, upper.Value), MinInclusive = true, MaxInclusive = false });
            output.Add(rangeSpan);
            output.Add(Make(text, numberSpanStart, first.End, family, firstValue, null, null, null, firstValue, null, null));
            output.Add(Make(text, upper.Start, upper.End, upper.Number.IsOrdinal ? "ordinal" : "number", upper.Value, null, null, null, upper.Value, null, null));
            return upper.End;
        }

        var end = first.End;
        if (second is null && qualifier is null && !negate && IsPartOfAToken(text, first.Start, end))
        {
            return end; // "5G", "3D", "06F6", the "14" of "2013-14", the "6663" of "J1149.5+6663": not counts
        }

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
        if (qualifier is null or { Code: "approx" or "nearly" } && end + 3 < text.Length && text[end + 1] is 'o' or 'O'
            && OrMore().Match(text, end) is { Success: true } orMore)
        {
            var atLeast = orMore.Groups["more"].Success;
            output.Add(Make(text, numberSpanStart, end + orMore.Length, "number_range", null, null, null, null, null, null,
                new Qualifier(atLeast ? "ge" : "le", atLeast, true),
                atLeast ? new QuantityRange { Min = firstValue, MinInclusive = true } : new QuantityRange { Max = firstValue, MaxInclusive = true }));
            output.Add(number);
            return end + orMore.Length;
        }

        // "equal to 5000 or more", "more than 5000 or equal to it": an inclusive bound written around the number.
        if (qualifier is { Code: "eq" or "gt" or "lt" } && end + 3 < text.Length && text[end + 1] is 'o' or 'O'
            && OrEqualAfter().Match(text, end) is { Success: true } orEqual && !StartsNumber(text, end + orEqual.Length))
        {
            var atLeast = qualifier.Code == "eq" ? orEqual.Groups["more"].Success : qualifier.Lower == true;
            if (qualifier.Code == "eq" ? orEqual.Groups["cmp"].Success : !orEqual.Groups["cmp"].Success)
            {
                output.Add(Make(text, start, end + orEqual.Length, "number_range", null, null, null, null, null, null,
                    new Qualifier(atLeast ? "ge" : "le", atLeast, true),
                    atLeast ? new QuantityRange { Min = firstValue, MinInclusive = true } : new QuantityRange { Max = firstValue, MaxInclusive = true }));
                output.Add(number);
                return end + orEqual.Length;
            }
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

    /// <summary>
    /// A number glued to letters after it ("5G", "3D"), written straight after a digit and a sign
    /// ("2013-14", "1149.5+6663") or in brackets ("[1]") is a code, a pair or a reference, not a count.
    /// </summary>
    private static bool IsPartOfAToken(string text, int start, int end)
    {
        if (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            return true;
        }

        // "Xbox One", "Air Force One", "Formula One": a capitalised One after a capitalised word ends a name.
        if (end - start == 3 && text.AsSpan(start, 3).SequenceEqual("One") && start >= 2 && text[start - 1] == ' ' && char.IsLetter(text[start - 2]))
        {
            var previous = start - 2;
            while (previous > 0 && char.IsLetter(text[previous - 1]))
            {
                previous--;
            }

            if (char.IsUpper(text[previous]))
            {
                return true;
            }
        }

        // "[1]", "[23]": a footnote reference.
        if (start > 0 && text[start - 1] == '[' && end < text.Length && text[end] == ']')
        {
            return true;
        }

        // "3-1", "52-48", "2022-23": a score or a pair that did not read as a range.
        if (end + 1 < text.Length && text[end] is '-' or '–' && char.IsDigit(text[end + 1]) && char.IsDigit(text[end - 1]))
        {
            return true;
        }

        // "one-off", "two-faced", "a three-point plan": a number word in a compound adjective.
        if (end + 1 < text.Length && text[end] == '-' && char.IsLetter(text[end + 1]) && char.IsLetter(text[end - 1]))
        {
            var next = end + 1;
            while (next < text.Length && char.IsLetter(text[next]))
            {
                next++;
            }

            return !NumberScanner.IsNumberWord(text.AsSpan(end + 1, next - end - 1)); // not "three-nought-four"
        }

        return start >= 2 && text[start - 1] is '-' or '+' && char.IsDigit(text[start - 2]);
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

        // "the one who", "which one", "the first one", "the third one".
        if (end > p + 1 && (PronounOneDeterminers.Contains(text[(p + 1)..end]) || NumberScanner.IsOrdinalWord(text.AsSpan(p + 1, end - p - 1))))
        {
            return true;
        }

        // "one of them", "one of the suspects", "one another", "one by one", "one and the same": a pronoun, not a count.
        return PronounOneAfter().IsMatch(text, value.End);
    }

    [GeneratedRegex(@"\G (?:of (?:the|them|us|you|those|these|his|her|their|our|its|my|your|which|whom)\b|another\b|by one\b|and the same\b)", RegexOptions.IgnoreCase)]
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
                amount *= glued.Groups["s"].Value.ToLowerInvariant()[0] switch
                {
                    'b' => 1_000_000_000m,
                    't' => 1_000_000_000_000m,
                    _ => 1_000_000m,
                };
                end += glued.Length;
            }
        }

        value = new ValueRead(number, amount, currency, position, end);
        return true;
    }

    [GeneratedRegex(@"\G\s*(?:-\s*(?=to\b))?(?<w>-|–|—|~|to|and|through|till|until)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex RangeConnector();

    [GeneratedRegex(@"\G[x×]\d+(?:\.\d+)?(?=[a-zµ])")]
    private static partial Regex CrossDimension();

    [GeneratedRegex(@"\G ?(?:±|\+/-|\+-) ?")]
    private static partial Regex PlusMinus();

    [GeneratedRegex(@"\G(?:\^[23]|[²³]| squared\b| cubed\b)")]
    private static partial Regex Power();

    [GeneratedRegex(@"^,? (?:ago|later(?! (?:this|that|today|tonight|tomorrow|in|on|next)\b)|earlier|hence|from now|before|after|previously|prior|beforehand|afterwards?|starting|from (?=\d|next\b|tomorrow\b|today\b))\b", RegexOptions.IgnoreCase)]
    private static partial Regex DurationOffset();

    [GeneratedRegex(@"^ (?:after|before|later|earlier|ago|from|since|into)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateOffsetAfter();

    [GeneratedRegex(@"^[Aa]ll (?:day|week|month|year)\b")]
    private static partial Regex AllDay();

    [GeneratedRegex(@"\G(?:an?|An?) ")]
    private static partial Regex ArticleBeforeUnit();

    [GeneratedRegex(@"\G (?:(?<more>more )|of (?:an? )?|an? )", RegexOptions.IgnoreCase)]
    private static partial Regex UnitLead();

    [GeneratedRegex(@"\G and (?:an? )?", RegexOptions.IgnoreCase)]
    private static partial Regex AndFraction();

    [GeneratedRegex(@"\G and (?:(?<n>an?|one|two|three) )?(?<f>half|quarters?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AndQuarters();

    [GeneratedRegex(@"(?:half|halves|thirds?|quarters?|fourths?|fifths?|eighths?)$", RegexOptions.IgnoreCase)]
    private static partial Regex FractionWordAtEnd();

    [GeneratedRegex(@"\G(?:minus|negative) ", RegexOptions.IgnoreCase)]
    private static partial Regex MinusWord();

    [GeneratedRegex(@"\G below zero", RegexOptions.IgnoreCase)]
    private static partial Regex BelowZero();

    [GeneratedRegex(@"\G(?: old|-olds?| of age)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearsOld();

    [GeneratedRegex(@"\G(?:(?<half> and (?:an? )?(?:half|quarter)\b)|,? and |, | |)", RegexOptions.IgnoreCase)]
    private static partial Regex CompositeJoin();

    [GeneratedRegex(@"\G(?:-|–| to | and )")]
    private static partial Regex AgeRangeJoin();

    [GeneratedRegex(@"\G (?:and|or) ")]
    private static partial Regex SharedUnitJoin();

    [GeneratedRegex(@"\G(?: and | but |, )", RegexOptions.IgnoreCase)]
    private static partial Regex BoundJoin();

    [GeneratedRegex(@"\G or (?:(?<more>more|greater|higher|above|over)|less|fewer|lower|below|under)\b(?! than)", RegexOptions.IgnoreCase)]
    private static partial Regex OrMore();

    [GeneratedRegex(@"\G or (?:equal(?: to)?(?: it)?|(?<cmp>(?<more>more|greater|larger|bigger|higher)|less|fewer|smaller|lower)(?: than)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrEqualAfter();

    [GeneratedRegex(@"\G(?: and |, | )")]
    private static partial Regex MoneyJoin();

    [GeneratedRegex(@"\G(?: ?cents?\b| ?c\b|¢| ?pence\b| ?p\b| ?sen\b)", RegexOptions.IgnoreCase)]
    private static partial Regex CentsUnit();

    [GeneratedRegex(@"\G(?<s>m|M|mn|bn|b|B|tn|trn|T)(?![A-Za-z])")]
    private static partial Regex MoneyScale();

    [GeneratedRegex(@"\G (?<n>[a-z]{3,})\b")]
    private static partial Regex NounAfter();

    [GeneratedRegex(@"\G-(?<n>1[01]|[0-9])(?![\d.,-])")]
    private static partial Regex FeetInches();

    [GeneratedRegex(@"^ (?:angle|turn|rotation|arc|view|bend|tilt|incline|slope|from (?:the )?(?:center|centre|vertical|horizontal))\b", RegexOptions.IgnoreCase)]
    private static partial Regex AngleNoun();

    [GeneratedRegex(@"\G of (?<n>[A-Za-z]{3,})\b")]
    private static partial Regex ProductOf();

    [GeneratedRegex(@"\G (?<n>[a-z]{3,})\b")]
    private static partial Regex CountedNoun();
}
