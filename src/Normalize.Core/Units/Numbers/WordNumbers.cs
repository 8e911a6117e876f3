using System.Globalization;

namespace Normalize.Core.Units;

/// <summary>Numbers written in words: cardinals, ordinals, fractions, decimals after "point".</summary>
internal sealed partial class NumberScanner
{
    /// <summary>
    /// A whole number in words as far as it goes, with what the fraction rules need to know about
    /// how it was built ("one hundred thirty | fifths", "two million and one | half").
    /// </summary>
    private struct Cardinal
    {
        public decimal Value;
        public int End;
        public int Words;

        public bool IsOrdinal;

        /// <summary>The number is the one word "one"; or the part after its "and" is ("two million and one").</summary>
        public bool LoneOne;
        public bool AfterAndOne;

        /// <summary>Scale word (1000 or more) the number ends with ("three million"), else 1.</summary>
        public decimal EndScale;

        /// <summary>A word scale was read ("million", "crore").</summary>
        public bool HasScale;

        /// <summary>Value before the last inner "and" ("two hundred | and fifty-four"), and the scale that ended it.</summary>
        public decimal BeforeAnd;
        public decimal ScaleBeforeAnd;
        public bool HasAnd;

        /// <summary>A tens word the number ends with ("one hundred thirty"), else 0; and whether "and" came right before it.</summary>
        public int BareTens;
        public bool BareTensAfterAnd;
    }

    private enum Last { None, Article, Unit, Tens, Hundred, Scale, Fraction }

    /// <summary>Plural ordinals that name parts: "thirds", "quarters", "hundredths" (not "seconds": time).</summary>
    private static readonly Lazy<Dictionary<string, decimal>> PluralDenominators = new(BuildPluralDenominators);

    private static Dictionary<string, decimal> BuildPluralDenominators()
    {
        var plural = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase) { ["halves"] = 2, ["quarters"] = 4 };
        foreach (var (word, value) in OrdinalUnits.Where(o => o.Value >= 3))
        {
            plural[word + "s"] = value;
        }

        foreach (var (word, value) in OrdinalScales)
        {
            plural[word + "s"] = value;
        }

        return plural;
    }

    /// <summary>
    /// Numbers in words with what may follow them: a fraction ("two thirds", "a quarter", "three
    /// twenty-firsts"), a mixed number ("five and a half"), decimals ("five point five"), a scale
    /// ("two point two million", "two thirds of a million").
    /// </summary>
    private bool TryReadWords(string text, int position, NumberReading reading, out NumberMatch match)
    {
        match = default;
        var firstEnd = WordEnd(text, position);
        var first = text.AsSpan(position, firstEnd - position);

        if (reading.VagueCounts && _vagueCounts.TryMatch(text, position, out var count, out var countEnd))
        {
            match = new NumberMatch(count, position, IncludeOf(text, countEnd), false, true, false, false);
            return true;
        }

        // "a quarter", "an eighth", "a twenty-first", "a hundredth": one part of so many.
        if (first.Equals("a", StringComparison.OrdinalIgnoreCase) || first.Equals("an", StringComparison.OrdinalIgnoreCase))
        {
            // "a half turn", but not the "a half" of "an hour and a half" (the mixed-number rule reads
            // "and a half" after a number) nor "a half-brother".
            if (ReadDenominator(text, firstEnd, singular: true, out var part, out var partEnd) && (part > 2 || !AfterAnd(text, position)))
            {
                var value = ScaleAfterFraction(text, 1m / part, partEnd, out var end, out var scaled);
                match = new NumberMatch(value, position, end, false, true, scaled, false);
                return true;
            }
        }

        // "point 77" (spoken), "point five".
        if (first.Equals("point", StringComparison.OrdinalIgnoreCase))
        {
            if (reading.Spoken && ReadDecimals(text, firstEnd, out var onlyFraction, out var onlyEnd))
            {
                match = new NumberMatch(onlyFraction, position, onlyEnd, false, true, false, false);
                return true;
            }

            return false;
        }

        // "an hour and a half", "a half": the mixed-number rule reads "and a half" after a number;
        // "the first half of the year": a period, not a fraction.
        if (first.Equals("half", StringComparison.OrdinalIgnoreCase)
            && (AfterArticle(text, position) || IsOrdinalWord(TextScan.WordOneSpaceBefore(text, position))))
        {
            return false;
        }

        var cardinal = ReadCardinal(text, position, reading);
        if (cardinal.Words == 0)
        {
            return false;
        }

        // "wait a second.", "in a split second": time, not a rank.
        if (cardinal.IsOrdinal && cardinal.Words == 1 && first.Equals("second", StringComparison.OrdinalIgnoreCase)
            && AfterArticle(text, position) && EndsPart(text, cardinal.End))
        {
            return false;
        }

        if (cardinal.IsOrdinal)
        {
            match = new NumberMatch(cardinal.Value, position, cardinal.End, true, true, false, false);
            return true;
        }

        if (TryFraction(text, cardinal, out var fraction, out var fractionEnd))
        {
            var value = ScaleAfterFraction(text, fraction, fractionEnd, out var end, out var scaled);
            match = new NumberMatch(value, position, end, false, true, scaled || cardinal.HasScale, false);
            return true;
        }

        if (TryMixedNumber(text, cardinal, reading, out var mixed, out var mixedEnd))
        {
            match = new NumberMatch(mixed, position, mixedEnd, false, true, cardinal.HasScale, false);
            return true;
        }

        var result = cardinal.Value;
        var resultEnd = cardinal.End;
        var hasScale = cardinal.HasScale;
        if (!hasScale && NextWordIs(text, resultEnd, "point", out var pointEnd) && ReadDecimals(text, pointEnd, out var decimals, out var decimalsEnd))
        {
            result += decimals;
            resultEnd = decimalsEnd;
        }

        if (reading.SpokenFractions && TrySpokenFraction(text, result, resultEnd, reading, out var ratio, out var ratioEnd))
        {
            match = new NumberMatch(ratio, position, ratioEnd, false, true, false, false);
            return true;
        }

        // A trailing scale: "two point two million", "five dozens", "three hundred crores".
        if (TryScale(text, resultEnd, out var trailing, out var trailingEnd) && text[resultEnd] == ' ' && (trailingEnd - resultEnd > 2 || _shortWordScales.ContainsKey(text[(resultEnd + 1)..trailingEnd])))
        {
            result *= trailing;
            resultEnd = trailingEnd;
            hasScale = true;
        }

        if (reading.VagueCounts)
        {
            resultEnd = IncludeOf(text, resultEnd, dozenOnly: true);
        }

        match = new NumberMatch(result, position, resultEnd, false, true, hasScale, false);
        return true;
    }

    /// <summary>What "half a ..." halves: "half a million", "half a dozen", "half a hundred".</summary>
    private decimal? HalfOf(string word) =>
        _wordScales.TryGetValue(word, out var scale) ? scale
        : word.Equals("dozen", StringComparison.OrdinalIgnoreCase) ? 12
        : word.Equals("hundred", StringComparison.OrdinalIgnoreCase) ? 100 : null;

    /// <summary>Reads a whole number (or ordinal) in words from <paramref name="position"/>.</summary>
    private Cardinal ReadCardinal(string text, int position, NumberReading reading)
    {
        var result = new Cardinal { End = position, EndScale = 1, ScaleBeforeAnd = 1 };
        decimal total = 0, current = 0;
        var last = Last.None;
        var cursor = position;
        var afterAnd = false;
        var firstWordOne = false;

        while (cursor < text.Length && char.IsLetter(text[cursor]))
        {
            var wordEnd = WordEnd(text, cursor);
            var word = text[cursor..wordEnd];
            var consumed = true;
            var bareTens = 0;
            var isScale = false;

            if (last == Last.None && (word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("an", StringComparison.OrdinalIgnoreCase)))
            {
                // "a million", "a hundred", "a dozen", "a hundred trillionth".
                var next = NextWord(text, wordEnd, out _);
                if (next is null || !(next.Equals("hundred", StringComparison.OrdinalIgnoreCase) || next.Equals("dozen", StringComparison.OrdinalIgnoreCase)
                    || _wordScales.ContainsKey(next) || OrdinalScales.ContainsKey(next)))
                {
                    break;
                }

                current = 1;
                last = Last.Article;
            }
            else if (Units.TryGetValue(word, out var unit))
            {
                if (reading.Spoken && last == Last.Unit && result.Words == 1 && current is > 0 and < 10 && unit >= 10)
                {
                    // "one eleven": spoken group by group.
                    current = current * 100 + unit;
                    result.Words++;
                    result.End = wordEnd;
                    break;
                }

                if (last is Last.Unit or Last.Article || (last == Last.Tens && current % 10 != 0))
                {
                    break;
                }

                firstWordOne = result.Words == 0 && unit == 1;
                result.AfterAndOne = afterAnd && unit == 1;
                current += unit;
                last = Last.Unit;
            }
            else if (Tens.TryGetValue(word, out var ten))
            {
                if (reading.Spoken && last == Last.Unit && result.Words == 1 && current is > 0 and < 10)
                {
                    // "one twenty two": read as spoken, group by group.
                    current = current * 100 + ten;
                }
                else if (last is Last.Unit or Last.Tens or Last.Article || current % 100 != 0)
                {
                    break;
                }
                else
                {
                    current += ten;
                    bareTens = ten;
                }

                last = Last.Tens;
            }
            else if (SplitJoinedTens(word) is { } joined && last is not (Last.Unit or Last.Tens or Last.Article) && current % 100 == 0)
            {
                current += joined.Value;
                result.IsOrdinal = joined.Ordinal;
                last = Last.Unit;
            }
            else if (word.Equals("hundred", StringComparison.OrdinalIgnoreCase))
            {
                if (last == Last.Hundred)
                {
                    break;
                }

                current = (current == 0 ? 1 : current) * 100;
                last = Last.Hundred;
            }
            else if (word.Equals("dozen", StringComparison.OrdinalIgnoreCase) && last != Last.None)
            {
                // "a dozen", "two dozen"; a bare "dozen" is vague ("several dozen protesters").
                current = (current == 0 ? 1 : current) * 12;
                last = Last.Scale;
            }
            else if ((_wordScales.TryGetValue(word, out var scale) || _shortWordScales.TryGetValue(word, out scale)) && (last != Last.None))
            {
                total += (current == 0 ? 1 : current) * scale;
                current = 0;
                last = Last.Scale;
                isScale = true;
                result.HasScale = true;
                result.EndScale = scale;
            }
            else if (OrdinalUnits.TryGetValue(word, out var ordinal))
            {
                if (last is Last.Unit or Last.Article || (last == Last.Tens && current % 10 != 0))
                {
                    break;
                }

                current += ordinal;
                result.IsOrdinal = true;
            }
            else if (OrdinalScales.TryGetValue(word, out var ordinalScale))
            {
                current = (current == 0 ? 1 : current) * ordinalScale;
                result.IsOrdinal = true;
            }
            else if (word.Equals("half", StringComparison.OrdinalIgnoreCase) && last == Last.None)
            {
                // "half a million", "half million".
                var next = NextWord(text, wordEnd, out var nextEnd);
                if (next is not null && (next.Equals("a", StringComparison.OrdinalIgnoreCase) || next.Equals("an", StringComparison.OrdinalIgnoreCase))
                    && NextWord(text, nextEnd, out var scaleEnd) is { } afterArticle && HalfOf(afterArticle) is { } halfScale)
                {
                    return new Cardinal { Value = halfScale / 2, End = scaleEnd, Words = 3, EndScale = 1, ScaleBeforeAnd = 1, HasScale = true };
                }

                if (wordEnd < text.Length && text[wordEnd] == '-')
                {
                    break; // "half-brother", "half-hearted"
                }

                current = 0.5m;
                last = Last.Fraction;
            }
            else if (word.Equals("and", StringComparison.OrdinalIgnoreCase) && last is Last.Hundred or Last.Scale && result.Words > 0)
            {
                // "three hundred and one", "twenty-one trillion and three hundred".
                var next = NextWord(text, wordEnd, out _);
                if (next is null || !(Units.ContainsKey(next) || Tens.ContainsKey(next) || OrdinalUnits.ContainsKey(next) || SplitJoinedTens(next) is not null))
                {
                    break;
                }

                // "one hundred and two hundred" is two numbers: what follows "and" must be smaller than the scale before it.
                var magnitude = last == Last.Hundred ? 100 : result.EndScale;
                var andStart = SkipSeparator(text, wordEnd, hyphen: false);
                if (andStart >= 0 && ReadCardinal(text, andStart, reading) is { Words: > 0 } rest && rest.Value >= magnitude)
                {
                    break;
                }

                result.BeforeAnd = total + current;
                result.ScaleBeforeAnd = last == Last.Scale ? result.EndScale : 1;
                result.HasAnd = true;
                afterAnd = true;
                var nextStart = SkipSeparator(text, wordEnd, hyphen: false);
                if (nextStart < 0)
                {
                    break;
                }

                cursor = nextStart;
                continue;
            }
            else
            {
                consumed = false;
            }

            if (!consumed || Math.Abs(total + current) > MaxMagnitude)
            {
                break;
            }

            if (last != Last.Article)
            {
                result.Words++;
            }

            result.End = wordEnd;
            result.BareTens = bareTens;
            result.BareTensAfterAnd = bareTens > 0 && afterAnd;
            if (!isScale)
            {
                result.EndScale = 1;
            }

            afterAnd = false;
            if (result.IsOrdinal)
            {
                break;
            }

            // "two hundred & forty", "three million, two hundred": joined like "and" when a smaller part follows
            // (after a comma a whole group, not "Of the three million, two were hurt").
            if (last is Last.Hundred or Last.Scale && JoinedPartStart(text, wordEnd, comma: last == Last.Scale) is var joinedStart and > 0
                && ReadCardinal(text, joinedStart, reading) is { Words: > 0, IsOrdinal: false } part
                && part.Value < (last == Last.Hundred ? 100 : result.EndScale)
                && (text[wordEnd] != ',' || part.Value >= 100))
            {
                result.BeforeAnd = total + current;
                result.ScaleBeforeAnd = last == Last.Scale ? result.EndScale : 1;
                result.HasAnd = true;
                afterAnd = true;
                cursor = joinedStart;
                continue;
            }

            var following = SkipSeparator(text, wordEnd, hyphen: true);
            if (following < 0)
            {
                break;
            }

            cursor = following;
        }

        result.Value = total + current;
        result.LoneOne = firstWordOne && result.Words == 1 && result.Value == 1;

        return result;
    }

    /// <summary>
    /// A fraction right after a number in words: "two thirds", "one fifth", "three twenty-firsts",
    /// "one hundred thirty fifths" (100/35), "two hundred and fifty-four hundredths" (200.54).
    /// </summary>
    private static bool TryFraction(string text, Cardinal cardinal, out decimal value, out int end)
    {
        value = 0;
        end = cardinal.End;
        if (!ReadDenominator(text, cardinal.End, singular: cardinal.LoneOne || cardinal.AfterAndOne, out var denominator, out var denominatorEnd, out var plainUnit))
        {
            return false;
        }

        var numerator = cardinal.Value;

        // "one hundred thirty fifths": the tens word joins the denominator when a number came before it.
        if (plainUnit && cardinal.BareTens > 0 && !cardinal.BareTensAfterAnd && cardinal.Words > 1 && denominator < 10)
        {
            numerator -= cardinal.BareTens;
            denominator += cardinal.BareTens;
        }
        else if (cardinal.HasAnd && numerator - cardinal.BeforeAnd is > 0 and var afterAnd && afterAnd < denominator)
        {
            // A whole and a proper fraction: "two hundred and fifty-four hundredths", "two million and one half".
            var part = afterAnd / denominator;
            var partScale = TrailingWordScale(text, denominatorEnd, out var partScaleEnd) ?? cardinal.ScaleBeforeAnd;
            value = cardinal.BeforeAnd + part * partScale;
            end = partScale != cardinal.ScaleBeforeAnd || partScaleEnd > denominatorEnd ? partScaleEnd : denominatorEnd;
            return true;
        }

        value = numerator / denominator;
        end = denominatorEnd;
        return true;
    }

    /// <summary>"five and a half", "twenty and three fifths", "one billion and a quarter million", "3 million and a half".</summary>
    private bool TryMixedNumber(string text, Cardinal whole, NumberReading reading, out decimal value, out int end)
    {
        value = 0;
        end = whole.End;
        if (!TryAndFraction(text, whole.End, reading, out var fraction, out var fractionEnd))
        {
            return false;
        }

        value = CombineMixed(text, whole.Value, whole.EndScale, fraction, fractionEnd, out end);
        return true;
    }

    /// <summary>" and a half", " and one quarter", " and three fifths", " and a thirtieth": a proper fraction after "and".</summary>
    private bool TryAndFraction(string text, int position, NumberReading reading, out decimal fraction, out int end)
    {
        fraction = 0;
        end = position;
        if (!NextWordIs(text, position, "and", out var andEnd))
        {
            return false;
        }

        var partStart = SkipSeparator(text, andEnd, hyphen: false);
        if (partStart < 0)
        {
            return false;
        }

        var partEnd = WordEnd(text, partStart);
        var part = text.AsSpan(partStart, partEnd - partStart);
        if (part.Equals("a", StringComparison.OrdinalIgnoreCase) || part.Equals("an", StringComparison.OrdinalIgnoreCase))
        {
            if (ReadDenominator(text, partEnd, singular: true, out var d, out var dEnd))
            {
                fraction = 1m / d;
                end = dEnd;
                return true;
            }

            return false;
        }

        // Spoken (Duckling): "two and quarter hour", "one and two quarter hour".
        if (reading.Spoken && ReadDenominator(text, andEnd, singular: true, out var bare, out var bareEnd))
        {
            fraction = 1m / bare;
            end = bareEnd;
            return true;
        }

        var numerator = ReadCardinal(text, partStart, reading);
        if (numerator.Words == 0 || numerator.IsOrdinal || numerator.HasScale
            || !ReadDenominator(text, numerator.End, singular: numerator.LoneOne || reading.Spoken, out var denominator, out var denominatorEnd)
            || numerator.Value >= denominator)
        {
            return false;
        }

        fraction = numerator.Value / denominator;
        end = denominatorEnd;
        return true;
    }

    /// <summary>
    /// A whole number and a fraction, with a scale after the fraction or before the "and":
    /// "one and a half million" is 1.5 million; "one billion and a quarter million" adds a quarter million;
    /// "3 million and a half" adds half a million.
    /// </summary>
    private static decimal CombineMixed(string text, decimal whole, decimal wholeScale, decimal fraction, int fractionEnd, out int end)
    {
        end = fractionEnd;
        var trailing = TrailingWordScale(text, fractionEnd, out var trailingEnd);
        if (trailing is { } scale)
        {
            end = trailingEnd;
        }

        return wholeScale > 1 ? whole + fraction * (trailing ?? wholeScale) : (whole + fraction) * (trailing ?? 1);
    }

    /// <summary>"one over three", "2000 over 3", "one out of three" (the numerator less than the whole).</summary>
    private bool TrySpokenFraction(string text, decimal numerator, int position, NumberReading reading, out decimal value, out int end)
    {
        value = 0;
        end = position;
        int afterWord;
        bool outOf;
        if (NextWordIs(text, position, "over", out var overEnd))
        {
            afterWord = overEnd;
            outOf = false;
        }
        else if (NextWordIs(text, position, "out", out var outEnd) && NextWordIs(text, outEnd, "of", out var ofEnd))
        {
            afterWord = ofEnd;
            outOf = true;
        }
        else
        {
            return false;
        }

        var start = afterWord + 1;
        if (start >= text.Length || text[afterWord] != ' ' || !char.IsLetterOrDigit(text[start]))
        {
            return false;
        }

        NumberMatch denominator;
        if (char.IsDigit(text[start]))
        {
            if (!TryReadDigits(text, start, false, true, NumberReading.News, out denominator))
            {
                return false;
            }
        }
        else
        {
            var words = ReadCardinal(text, start, reading);
            if (words.Words == 0 || words.IsOrdinal)
            {
                return false;
            }

            var wordsValue = words.Value;
            var wordsEnd = words.End;
            if (TryScale(text, wordsEnd, out var plural, out var pluralEnd) && text[wordsEnd] == ' ' && pluralEnd - wordsEnd > 3)
            {
                wordsValue *= plural; // "five hundreds"
                wordsEnd = pluralEnd;
            }

            denominator = new NumberMatch(wordsValue, start, wordsEnd, false, true, false, false);
        }

        if (denominator.IsOrdinal || denominator.Value == 0 || (outOf && numerator >= denominator.Value))
        {
            return false;
        }

        value = numerator / denominator.Value;
        end = denominator.End;
        return true;
    }

    /// <summary>"of a million", "million" after a fraction; the result and whether a scale was read.</summary>
    private decimal ScaleAfterFraction(string text, decimal fraction, int position, out int end, out bool scaled)
    {
        end = position;
        scaled = false;
        if (TrailingWordScale(text, position, out var scaleEnd) is { } direct)
        {
            end = scaleEnd;
            scaled = true;
            return fraction * direct;
        }

        if (NextWordIs(text, position, "of", out var ofEnd) && NextWord(text, ofEnd, out var articleEnd) is { } article
            && (article.Equals("a", StringComparison.OrdinalIgnoreCase) || article.Equals("an", StringComparison.OrdinalIgnoreCase))
            && TrailingWordScale(text, articleEnd, out var ofScaleEnd) is { } ofScale)
        {
            end = ofScaleEnd;
            scaled = true;
            return fraction * ofScale;
        }

        return fraction;
    }

    /// <summary>A scale word of 1000 or more after one space: "million", "bn".</summary>
    private static decimal? TrailingWordScale(string text, int position, out int end)
    {
        end = position;
        if (NextWord(text, position, out var wordEnd, hyphen: false) is { } word && BigScales.TryGetValue(word, out var scale))
        {
            end = wordEnd;
            return scale;
        }

        return null;
    }

    private static readonly Dictionary<string, decimal> BigScales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["thousand"] = 1_000m, ["million"] = 1_000_000m, ["billion"] = 1_000_000_000m, ["trillion"] = 1_000_000_000_000m,
    };

    /// <summary>
    /// A denominator after a number: a plural part ("thirds", "quarters", "twenty-firsts", "thirty fifths")
    /// or, when <paramref name="singular"/>, one part ("half", "quarter", "fifth", "twenty-first",
    /// "hundredth"; never "first"/"second"). A singular ordinal is a part only where the phrase ends
    /// or "of" or a scale follows: "a fifth of the vote", not "a fifth term".
    /// </summary>
    private static bool ReadDenominator(string text, int position, bool singular, out decimal denominator, out int end) =>
        ReadDenominator(text, position, singular, out denominator, out end, out _);

    private static bool ReadDenominator(string text, int position, bool singular, out decimal denominator, out int end, out bool plainUnit)
    {
        denominator = 0;
        end = position;
        plainUnit = false;
        var start = SkipSeparator(text, position, hyphen: true);
        if (start < 0)
        {
            return false;
        }

        var wordEnd = WordEnd(text, start);
        var word = text[start..wordEnd];
        if (PluralDenominators.Value.TryGetValue(word, out var plural))
        {
            denominator = plural;
            end = wordEnd;
            plainUnit = plural < 10 && !word.Equals("halves", StringComparison.OrdinalIgnoreCase) && !word.Equals("quarters", StringComparison.OrdinalIgnoreCase);
            return true;
        }

        // "twenty-firsts", "twenty firsts", "thirty-fifth": tens and an ordinal unit.
        if (Tens.TryGetValue(word, out var tens) && SkipSeparator(text, wordEnd, hyphen: true) is var unitStart and >= 0)
        {
            var unitEnd = WordEnd(text, unitStart);
            var unitWord = text[unitStart..unitEnd];
            var pluralUnit = unitWord.EndsWith('s') ? unitWord[..^1] : null;
            if (pluralUnit is not null && OrdinalUnits.TryGetValue(pluralUnit, out var u) && u < 10)
            {
                denominator = tens + u;
                end = unitEnd;
                return true;
            }

            if (singular && OrdinalUnits.TryGetValue(unitWord, out var su) && su < 10 && EndsPart(text, unitEnd))
            {
                denominator = tens + su;
                end = unitEnd;
                return true;
            }

            return false;
        }

        if (!singular)
        {
            return false;
        }

        if ((word.Equals("half", StringComparison.OrdinalIgnoreCase) || word.Equals("quarter", StringComparison.OrdinalIgnoreCase))
            && (wordEnd >= text.Length || text[wordEnd] != '-'))
        {
            denominator = word.Length == 4 ? 2 : 4;
            end = wordEnd;
            return true;
        }

        if (((OrdinalUnits.TryGetValue(word, out var ordinal) && ordinal >= 3) || SplitJoinedTens(word) is { Ordinal: true }
                || OrdinalScales.ContainsKey(word)) && (text[start - 1] == '-' || EndsPart(text, wordEnd)))
        {
            denominator = OrdinalScales.TryGetValue(word, out var s) ? s : ordinal > 0 ? ordinal : SplitJoinedTens(word)!.Value.Value;
            end = wordEnd;
            return true;
        }

        return false;
    }

    /// <summary>A one-part fraction ends here: the end of the phrase, a word that is no noun ("of", "is"), or a scale word.</summary>
    private static bool EndsPart(string text, int position)
    {
        if (position >= text.Length || !char.IsLetterOrDigit(text[position]) && text[position] != ' ' && text[position] != '-')
        {
            return true;
        }

        if (text[position] == '-')
        {
            return false;
        }

        var next = NextWord(text, position, out _, hyphen: false);
        return next is null || NotNouns.Contains(next) || BigScales.ContainsKey(next);
    }

    /// <summary>Words that cannot be the noun an ordinal qualifies ("a fifth term"): after them "a fifth" is a part.</summary>
    private static readonly HashSet<string> NotNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "and", "or", "is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "can", "may", "might",
        "should", "to", "in", "on", "at", "by", "for", "from", "with", "than", "as", "said", "less", "more",
    };

    /// <summary>Digit words after "point": "five" gives 0.5, "nought three" gives 0.03, "77" gives 0.77, "eleven" gives 0.11.</summary>
    private static bool ReadDecimals(string text, int position, out decimal fraction, out int end)
    {
        fraction = 0;
        end = position;
        var p = position < text.Length && text[position] == ' ' ? position + 1 : position;
        if (p < text.Length && char.IsDigit(text[p]))
        {
            var digitsEnd = p;
            while (digitsEnd < text.Length && char.IsDigit(text[digitsEnd]))
            {
                digitsEnd++;
            }

            end = digitsEnd;
            return decimal.TryParse("0." + DecimalDigits.ToAscii(text[p..digitsEnd]), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out fraction);
        }

        var digits = new System.Text.StringBuilder();
        var cursor = position;
        while (NextWord(text, cursor, out var wordEnd) is { } word)
        {
            if (Digits.TryGetValue(word, out var digit))
            {
                digits.Append(digit);
            }
            else if (digits.Length == 0 && (Units.TryGetValue(word, out var small) || Tens.TryGetValue(word, out small)) && small >= 10)
            {
                digits.Append(small); // "point eleven"
                cursor = wordEnd;
                break;
            }
            else
            {
                break;
            }

            cursor = wordEnd;
        }

        if (digits.Length == 0)
        {
            return false;
        }

        fraction = decimal.Parse("0." + digits, CultureInfo.InvariantCulture);
        end = cursor;
        return true;
    }

    private static readonly Dictionary<string, int> Digits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["nought"] = 0, ["naught"] = 0, ["oh"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4,
        ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
    };

    /// <summary>"twentyfive", "fortysecond": tens joined to a unit without a hyphen (Duckling writes them).</summary>
    private static (int Value, bool Ordinal)? SplitJoinedTens(string word)
    {
        foreach (var (tens, value) in Tens)
        {
            if (word.Length > tens.Length && word.StartsWith(tens, StringComparison.OrdinalIgnoreCase))
            {
                var rest = word[tens.Length..];
                if (Units.TryGetValue(rest, out var unit) && unit is > 0 and < 10)
                {
                    return (value + unit, false);
                }

                if (OrdinalUnits.TryGetValue(rest, out var ordinal) && ordinal is > 0 and < 10)
                {
                    return (value + ordinal, true);
                }
            }
        }

        return null;
    }

    /// <summary>After " & " (or ", " when <paramref name="comma"/>): where the next number word starts, else -1.</summary>
    private static int JoinedPartStart(string text, int position, bool comma)
    {
        var start = string.CompareOrdinal(text, position, " & ", 0, 3) == 0 ? position + 3
            : comma && string.CompareOrdinal(text, position, ", ", 0, 2) == 0 ? position + 2 : -1;
        if (start < 0 || start >= text.Length || !char.IsLetter(text[start]))
        {
            return -1;
        }

        var end = WordEnd(text, start);
        var word = text[start..end];
        return Units.ContainsKey(word) || Tens.ContainsKey(word) || SplitJoinedTens(word) is { Ordinal: false } ? start : -1;
    }


    /// <summary>The word before <paramref name="position"/> is "and".</summary>
    private static bool AfterAnd(string text, int position) =>
        position >= 4 && text[position - 1] == ' ' && text.AsSpan(position - 4, 3).Equals("and", StringComparison.OrdinalIgnoreCase)
        && (position == 4 || !char.IsLetter(text[position - 5]));

    /// <summary>The word before <paramref name="position"/> is "a" or "an" ("a half", "a second").</summary>
    private static bool AfterArticle(string text, int position)
    {
        var p = position - 1;
        if (p < 1 || text[p] != ' ')
        {
            return false;
        }

        var wordStart = p;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, p - wordStart);
        return word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("an", StringComparison.OrdinalIgnoreCase)
            || word.Equals("split", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Duckling counts a following "of" in the number: "a couple of", "a dozen of".</summary>
    private static int IncludeOf(string text, int position, bool dozenOnly = false)
    {
        if (dozenOnly && !(position >= 5 && text.AsSpan(position - 5, 5).Equals("dozen", StringComparison.OrdinalIgnoreCase)))
        {
            return position;
        }

        return NextWordIs(text, position, "of", out var ofEnd) ? ofEnd : position;
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

    /// <summary>
    /// Start of the next word after the separator at <paramref name="position"/>: one or more spaces, or
    /// (when <paramref name="hyphen"/>) a hyphen, spaced or not ("twenty-five", "fifty - two"). -1 if none.
    /// </summary>
    private static int SkipSeparator(string text, int position, bool hyphen)
    {
        var p = position;
        while (p < text.Length && text[p] == ' ')
        {
            p++;
        }

        if (hyphen && p < text.Length && text[p] == '-')
        {
            p++;
            while (p < text.Length && text[p] == ' ')
            {
                p++;
            }
        }

        return p > position && p < text.Length && char.IsLetter(text[p]) ? p : -1;
    }

    private static string? NextWord(string text, int position, out int end, bool hyphen = true)
    {
        var start = SkipSeparator(text, position, hyphen);
        if (start < 0)
        {
            end = position;
            return null;
        }

        end = WordEnd(text, start);
        return text[start..end];
    }

    private static bool NextWordIs(string text, int position, string word, out int end)
    {
        var start = SkipSeparator(text, position, hyphen: false);
        end = position;
        if (start < 0 || start + word.Length > text.Length
            || string.Compare(text, start, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0
            || (start + word.Length < text.Length && char.IsLetter(text[start + word.Length])))
        {
            return false;
        }

        end = start + word.Length;
        return true;
    }
}
