using System.Globalization;
using System.Text.RegularExpressions;

namespace Normalize.Core.Units;

/// <summary>A number found in text: its value, extent and how it was written.</summary>
internal readonly record struct NumberMatch(
    decimal Value, int Start, int End, bool IsOrdinal, bool IsWords, bool HasScale, bool IsPlainInteger);

/// <summary>
/// Reads numbers written in digits (with any of the usual grouping and decimal conventions),
/// in words ("three hundred and one", "a million", "twenty-fifth") or mixed ("2.5bn", "3 million").
/// </summary>
internal sealed partial class NumberScanner
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.OrdinalIgnoreCase)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40, ["fifty"] = 50, ["sixty"] = 60,
        ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, int> OrdinalUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6,
        ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12,
        ["thirteenth"] = 13, ["fourteenth"] = 14, ["fifteenth"] = 15, ["sixteenth"] = 16,
        ["seventeenth"] = 17, ["eighteenth"] = 18, ["nineteenth"] = 19, ["twentieth"] = 20,
        ["thirtieth"] = 30, ["fortieth"] = 40, ["fiftieth"] = 50, ["sixtieth"] = 60, ["seventieth"] = 70,
        ["eightieth"] = 80, ["ninetieth"] = 90,
    };

    private static readonly Dictionary<string, decimal> OrdinalScales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundredth"] = 100m, ["thousandth"] = 1_000m, ["millionth"] = 1_000_000m,
        ["billionth"] = 1_000_000_000m, ["trillionth"] = 1_000_000_000_000m,
    };

    private static readonly Dictionary<string, decimal> WordScales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["thousand"] = 1_000m, ["million"] = 1_000_000m, ["billion"] = 1_000_000_000m,
        ["trillion"] = 1_000_000_000_000m, ["lakh"] = 100_000m, ["crore"] = 10_000_000m,
    };

    private readonly PhraseMatcher<decimal> _scales = new();

    public NumberScanner(UnitTable table)
    {
        foreach (var scale in table.Scales)
        {
            foreach (var word in scale.Words)
            {
                // One- and two-letter abbreviations are case-sensitive ("m" million, not "M" anything else).
                _scales.Add(word, scale.Value, ignoreCase: word.Length > 2);
            }
        }
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NumberWords = BuildNumberWords();

    /// <summary>Every word that can start a number in words.</summary>
    public static IEnumerable<string> AllNumberWords => NumberWords.Set;

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BuildNumberWords()
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "hundred", "half", "dozen" };
        words.UnionWith(Units.Keys);
        words.UnionWith(Tens.Keys);
        words.UnionWith(OrdinalUnits.Keys);
        words.UnionWith(OrdinalScales.Keys);
        words.UnionWith(WordScales.Keys);
        foreach (var ten in Tens.Keys)
        {
            foreach (var unit in Units.Where(u => u.Value is > 0 and < 10).Select(u => u.Key).Concat(OrdinalUnits.Where(o => o.Value is > 0 and < 10).Select(o => o.Key)))
            {
                words.Add(ten + unit);
            }
        }

        return words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True if a word starts a number in words here (used to skip quickly elsewhere).</summary>
    public static bool IsNumberWord(ReadOnlySpan<char> word) => NumberWords.Contains(word);

    /// <summary>Reads a number at <paramref name="position"/>, which must be a word start.</summary>
    public bool TryRead(string text, int position, bool decimalComma, out NumberMatch match, bool afterPrefix = false)
    {
        match = default;
        if (position >= text.Length)
        {
            return false;
        }

        var c = text[position];
        if (char.IsDigit(c) || ((c is '-' or '−' or '+' or '.') && position + 1 < text.Length && char.IsDigit(text[position + 1])))
        {
            return TryReadDigits(text, position, decimalComma, afterPrefix, out match);
        }

        return char.IsLetter(c) && TryReadWords(text, position, out match);
    }

    private static readonly Dictionary<string, int> Denominators = new(StringComparer.OrdinalIgnoreCase)
    {
        ["half"] = 2, ["halves"] = 2, ["third"] = 3, ["thirds"] = 3, ["quarter"] = 4, ["quarters"] = 4, ["fourth"] = 4, ["fourths"] = 4,
        ["fifth"] = 5, ["fifths"] = 5, ["sixth"] = 6, ["sixths"] = 6, ["seventh"] = 7, ["sevenths"] = 7, ["eighth"] = 8, ["eighths"] = 8,
        ["ninth"] = 9, ["ninths"] = 9, ["tenth"] = 10, ["tenths"] = 10, ["twelfth"] = 12, ["twelfths"] = 12, ["twentieth"] = 20, ["twentieths"] = 20,
        ["hundredth"] = 100, ["hundredths"] = 100, ["thousandth"] = 1000, ["thousandths"] = 1000,
    };

    private static readonly Dictionary<string, int> Digits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["nought"] = 0, ["naught"] = 0, ["oh"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4,
        ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
    };

    /// <summary>
    /// Numbers in words with what may follow them: a fraction ("two thirds", "a quarter"), decimals
    /// ("five point five"), a scale after the decimals ("two point two million").
    /// </summary>
    private bool TryReadWords(string text, int position, out NumberMatch match)
    {
        // "a quarter", "a third", "a fifth" (not "a second": that is time).
        var firstWord = NextWord(text, position - 1 < 0 ? 0 : position, out var firstEnd, atStart: true);
        if (firstWord is not null && (firstWord.Equals("a", StringComparison.OrdinalIgnoreCase) || firstWord.Equals("an", StringComparison.OrdinalIgnoreCase)))
        {
            var denominatorWord = NextWord(text, firstEnd, out var denominatorEnd);
            if (denominatorWord is not null && Denominators.TryGetValue(denominatorWord, out var d) && d > 2 && !denominatorWord.EndsWith('s'))
            {
                var value = 1m / d;
                var scaled = TryScale(text, denominatorEnd, out var s, out var scaleEnd) && text[denominatorEnd] == ' ';
                match = new NumberMatch(scaled ? value * s : value, position, scaled ? scaleEnd : denominatorEnd, false, true, scaled, false);
                return true;
            }
        }

        if (firstWord is not null && firstWord.Equals("point", StringComparison.OrdinalIgnoreCase) && ReadDecimals(text, firstEnd, out var onlyFraction, out var onlyEnd))
        {
            match = new NumberMatch(onlyFraction, position, onlyEnd, false, true, false, false);
            return true;
        }

        if (Digits.TryGetValue(firstWord ?? "", out var zero) && zero == 0 && NextWord(text, firstEnd, out var pointEnd) is { } pw
            && pw.Equals("point", StringComparison.OrdinalIgnoreCase) && ReadDecimals(text, pointEnd, out var zeroFraction, out var zeroEnd))
        {
            match = new NumberMatch(zeroFraction, position, zeroEnd, false, true, false, false);
            return true;
        }

        if (!TryReadWordsCore(text, position, out match))
        {
            return false;
        }

        if (match.IsOrdinal)
        {
            return true;
        }

        var next = NextWord(text, match.End, out var nextEnd);
        if (next is null)
        {
            return true;
        }

        if (Denominators.TryGetValue(next, out var denominator) && match.Value is >= 1 and < 100 && !match.HasScale
            && (next.EndsWith('s') || match.Value == 1) && denominator > 2 || (next.StartsWith("half", StringComparison.OrdinalIgnoreCase) && next.EndsWith('s')))
        {
            // "two thirds", "one fifth", "three halves"; "two thirds of a million" keeps to the fraction.
            match = match with { Value = match.Value / denominator, End = nextEnd };
            return true;
        }

        if (next.Equals("point", StringComparison.OrdinalIgnoreCase) && !match.HasScale && ReadDecimals(text, nextEnd, out var fraction, out var fractionEnd))
        {
            var value = match.Value + fraction;
            var end = fractionEnd;
            if (TryScale(text, end, out var scale, out var scaleEnd) && text[end] == ' ')
            {
                value *= scale;
                end = scaleEnd;
            }

            match = match with { Value = value, End = end };
        }

        return true;
    }

    /// <summary>Digit words after "point": "five" gives 0.5, "nought three" gives 0.03, "77" gives 0.77.</summary>
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

            fraction = decimal.Parse("0." + text[p..digitsEnd], CultureInfo.InvariantCulture);
            end = digitsEnd;
            return true;
        }

        var digits = new System.Text.StringBuilder();
        var cursor = position;
        while (NextWord(text, cursor, out var wordEnd) is { } word && Digits.TryGetValue(word, out var digit))
        {
            digits.Append(digit);
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

    private bool TryReadDigits(string text, int position, bool decimalComma, bool afterPrefix, out NumberMatch match)
    {
        match = default;
        if (position > 0 && !afterPrefix)
        {
            var before = text[position - 1];
            // "T-72", "Su-25", "A320", "COVID-19": part of a name, not a quantity.
            if (char.IsLetterOrDigit(before) || before is '_' or '/' or '@' or '#')
            {
                return false;
            }

            if ((before is '-' && position > 1 && char.IsLetter(text[position - 2]))
                || (before is '.' && position > 1 && char.IsLetterOrDigit(text[position - 2])))
            {
                return false;
            }
        }

        if (!afterPrefix && text[position] is '-' or '+' or '−' && position > 0 && !char.IsWhiteSpace(text[position - 1])
            && text[position - 1] is not ('(' or '~' or '$' or '€' or '£'))
        {
            return false;
        }

        var m = (decimalComma ? CommaDecimalNumber() : PointDecimalNumber()).Match(text, position);
        if (!m.Success || m.Index != position)
        {
            return false;
        }

        var integerPart = m.Groups["int"].Value;
        var fraction = m.Groups["frac"].Value;
        var digits = new string(integerPart.Where(char.IsDigit).ToArray());
        var literal = digits.Length == 0 ? "0" : digits;
        if (fraction.Length > 0)
        {
            literal += "." + fraction;
        }

        if (!decimal.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        if (m.Groups["exp"].Success)
        {
            if (!int.TryParse(m.Groups["exp"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent)
                || Math.Abs(exponent) > 20)
            {
                return false;
            }

            value *= Pow10(exponent);
        }

        var sign = m.Groups["sign"].Value;
        if (sign is "-" or "−")
        {
            value = -value;
        }

        var end = m.Index + m.Length;
        var isOrdinal = false;
        var plainInteger = fraction.Length == 0 && !m.Groups["exp"].Success && sign.Length == 0;
        var ordinalSuffix = end < text.Length && text[end] is 's' or 'n' or 'r' or 't' or 'S' or 'N' or 'R' or 'T'
            ? OrdinalSuffix().Match(text, end) : Match.Empty;
        if (fraction.Length == 0 && ordinalSuffix.Success && ordinalSuffix.Index == end && IsRightOrdinalSuffix(digits, ordinalSuffix.Value))
        {
            end += ordinalSuffix.Length;
            isOrdinal = true;
        }

        var hasScale = false;
        if (!isOrdinal)
        {
            hasScale = TryScale(text, end, out var scale, out var scaleEnd);
            if (hasScale)
            {
                value *= scale;
                end = scaleEnd;
            }
        }

        if (hasScale && !isOrdinal && AndMore().Match(text, end) is { Success: true } and
            && TryReadWordsCore(text, end + and.Length, out var rest) && !rest.IsOrdinal && rest.Value < 100)
        {
            value += rest.Value; // "3 hundred and one"
            end = rest.End;
        }

        // "1/4 mile", "3/4 cup", "10 1/2 miles": a simple fraction (not a date: one slash only).
        if (!isOrdinal && !hasScale && plainInteger && digits.Length <= 3)
        {
            var slash = SimpleFraction().Match(text, end);
            if (slash.Success)
            {
                var mixed = slash.Groups["mixed"].Success;
                var numerator = mixed ? int.Parse(slash.Groups["n"].Value, CultureInfo.InvariantCulture) : 0;
                var denominator = int.Parse(slash.Groups[mixed ? "d" : "d2"].Value, CultureInfo.InvariantCulture);
                if (slash.Groups["mixed"].Success && numerator < denominator && denominator is > 1 and <= 16)
                {
                    value += (decimal)numerator / denominator;
                    end += slash.Length;
                    plainInteger = false;
                }
                else if (!slash.Groups["mixed"].Success && denominator is > 1 and (<= 16 or 100 or 1000) && value < denominator)
                {
                    value /= denominator;
                    end += slash.Length;
                    plainInteger = false;
                }
            }
        }

        match = new NumberMatch(value, position, end, isOrdinal, false, hasScale, plainInteger && !hasScale);
        return true;
    }

    [GeneratedRegex(@"\G and ")]
    private static partial Regex AndMore();

    [GeneratedRegex(@"\G(?:(?<mixed> )(?<n>\d{1,2})/(?<d>\d{1,2})|/(?<d2>\d{1,4}))(?![\d/])")]
    private static partial Regex SimpleFraction();

    private static bool IsRightOrdinalSuffix(string digits, string suffix)
    {
        if (digits.Length == 0)
        {
            return false;
        }

        var lastTwo = digits.Length >= 2 ? int.Parse(digits[^2..], CultureInfo.InvariantCulture) : int.Parse(digits, CultureInfo.InvariantCulture);
        var last = digits[^1] - '0';
        var expected = lastTwo is >= 11 and <= 13 ? "th" : last switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return suffix.Equals(expected, StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A scale word right after a number: "3 million", "2.5bn", "10k", "a hundred".</summary>
    private bool TryScale(string text, int position, out decimal scale, out int end)
    {
        scale = 1;
        end = position;
        var total = 1m;
        var found = false;
        var cursor = position;
        while (true)
        {
            var p = cursor;
            if (p < text.Length && text[p] == ' ')
            {
                p++;
            }

            if (!_scales.TryMatch(text, p, out var factor, out var after))
            {
                break;
            }

            // A one-letter scale ("m", "b", "k") only when glued to the number: "5m", not "5 m".
            var word = text[p..after];
            if (word.Length == 1 && p != cursor)
            {
                break;
            }

            if (word.Length <= 2 && after < text.Length && (text[after] == '/' || text[after] == '²' || text[after] == '³'))
            {
                break;
            }

            total *= factor;
            found = true;
            cursor = after;
        }

        if (found)
        {
            scale = total;
            end = cursor;
        }

        return found;
    }

    private bool TryReadWordsCore(string text, int position, out NumberMatch match)
    {
        match = default;
        decimal total = 0, current = 0;
        var end = position;
        var cursor = position;
        var any = false;
        var isOrdinal = false;
        var lastKind = ' '; // u unit, t tens, h hundred, s scale
        var sawArticle = false;
        var lastWasHalfFraction = false;

        while (cursor < text.Length && char.IsLetter(text[cursor]))
        {
            var wordEnd = cursor;
            while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
            {
                wordEnd++;
            }

            var word = text[cursor..wordEnd];
            var consumed = false;

            if (!any && (word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("an", StringComparison.OrdinalIgnoreCase)) && !sawArticle)
            {
                // "a million", "a hundred", "a dozen", "a half" only.
                var next = NextWord(text, wordEnd, out _);
                if (next is not null && (next.Equals("hundred", StringComparison.OrdinalIgnoreCase) || WordScales.ContainsKey(next)
                    || next.Equals("dozen", StringComparison.OrdinalIgnoreCase) || next.Equals("hundredth", StringComparison.OrdinalIgnoreCase)
                    || next.Equals("thousandth", StringComparison.OrdinalIgnoreCase)))
                {
                    sawArticle = true;
                    current = 1;
                    lastKind = 'a';
                    consumed = true;
                }
            }
            else if (Units.TryGetValue(word, out var unit))
            {
                if (lastKind is 'u' || (lastKind == 't' && current % 10 != 0) || lastKind == 'a')
                {
                    break;
                }

                current += unit;
                lastKind = 'u';
                consumed = true;
            }
            else if (Tens.TryGetValue(word, out var ten))
            {
                if (lastKind is 'u' or 't' || lastKind == 'a' || current % 100 != 0)
                {
                    break;
                }

                current += ten;
                lastKind = 't';
                consumed = true;
            }
            else if (SplitJoinedTens(word) is { } joined && lastKind is not ('u' or 't' or 'a') && current % 100 == 0)
            {
                current += joined.Value;
                isOrdinal = joined.Ordinal;
                lastKind = 'u';
                consumed = true;
            }
            else if (word.Equals("hundred", StringComparison.OrdinalIgnoreCase))
            {
                if (lastKind == 'h')
                {
                    break;
                }

                current = (current == 0 ? 1 : current) * 100;
                lastKind = 'h';
                consumed = true;
            }
            else if (word.Equals("dozen", StringComparison.OrdinalIgnoreCase))
            {
                current = (current == 0 ? 1 : current) * 12;
                lastKind = 's';
                consumed = true;
            }
            else if (WordScales.TryGetValue(word, out var scale))
            {
                if (!any && lastKind != 'a')
                {
                    break;
                }

                total += (current == 0 ? 1 : current) * scale;
                current = 0;
                lastKind = 's';
                consumed = true;
            }
            else if (OrdinalUnits.TryGetValue(word, out var ordinal))
            {
                if (lastKind is 'u' || (lastKind == 't' && current % 10 != 0) || lastKind == 'a')
                {
                    break;
                }

                current += ordinal;
                isOrdinal = true;
                consumed = true;
            }
            else if (OrdinalScales.TryGetValue(word, out var ordinalScale) && (any || lastKind == 'a'))
            {
                current = (current == 0 ? 1 : current) * ordinalScale;
                if (ordinalScale >= 1000)
                {
                    total += current;
                    current = 0;
                }

                isOrdinal = true;
                consumed = true;
            }
            else if (word.Equals("half", StringComparison.OrdinalIgnoreCase) && !any)
            {
                // "half a million", "half liter": a fraction that may scale what follows.
                var next = NextWord(text, wordEnd, out var nextEnd);
                if (next is not null && (next.Equals("a", StringComparison.OrdinalIgnoreCase) || next.Equals("an", StringComparison.OrdinalIgnoreCase)))
                {
                    var afterArticle = NextWord(text, nextEnd, out var scaleEnd);
                    if (afterArticle is not null && WordScales.TryGetValue(afterArticle, out var halfScale))
                    {
                        match = new NumberMatch(halfScale / 2, position, scaleEnd, false, true, true, false);
                        return true;
                    }
                }

                current = 0.5m;
                lastKind = 'f';
                lastWasHalfFraction = true;
                consumed = true;
            }
            else if (word.Equals("and", StringComparison.OrdinalIgnoreCase) && any)
            {
                // "three hundred and one", "five and a half", "one and a quarter".
                var next = NextWord(text, wordEnd, out var nextEnd);
                if (next is not null && (next.Equals("a", StringComparison.OrdinalIgnoreCase) || next.Equals("an", StringComparison.OrdinalIgnoreCase)))
                {
                    var fractionWord = NextWord(text, nextEnd, out var fractionEnd);
                    var fraction = fractionWord?.ToLowerInvariant() switch { "half" => 0.5m, "quarter" => 0.25m, _ => 0m };
                    if (fraction > 0 && lastKind is 'u' or 't' or 'h' or 's')
                    {
                        var integer = total + current;
                        match = new NumberMatch(integer + fraction, position, fractionEnd, false, true, false, false);
                        return true;
                    }

                    break;
                }

                if (lastKind is 'h' or 's' && next is not null && (Units.ContainsKey(next) || Tens.ContainsKey(next) || OrdinalUnits.ContainsKey(next) || SplitJoinedTens(next) is not null))
                {
                    cursor = SkipSpace(text, wordEnd);
                    continue;
                }

                break;
            }

            if (!consumed)
            {
                break;
            }

            if (lastKind != 'a')
            {
                any = true;
            }

            end = wordEnd;
            if (isOrdinal)
            {
                break;
            }

            // Words are joined by one space or a hyphen ("twenty-five").
            if (wordEnd < text.Length && (text[wordEnd] == ' ' || text[wordEnd] == '-') && wordEnd + 1 < text.Length && char.IsLetter(text[wordEnd + 1]))
            {
                cursor = wordEnd + 1;
            }
            else
            {
                break;
            }
        }

        if (!any || lastWasHalfFraction && total + current == 0.5m && end == position)
        {
            return false;
        }

        var value = total + current;
        var hasScale = false;
        if (!isOrdinal && TryScale(text, end, out var trailing, out var trailingEnd) && text[end] == ' ' && trailingEnd - end > 2)
        {
            value *= trailing;
            end = trailingEnd;
            hasScale = true;
        }

        match = new NumberMatch(value, position, end, isOrdinal, true, hasScale, false);
        return true;
    }

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

    private static string? NextWord(string text, int position, out int end, bool atStart = false)
    {
        var p = position;
        if (!atStart && p < text.Length && (text[p] == ' ' || text[p] == '-'))
        {
            p++;
        }

        end = p;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return end > p ? text[p..end] : null;
    }

    private static int SkipSpace(string text, int position) =>
        position < text.Length && text[position] == ' ' ? position + 1 : position;

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result = exponent > 0 ? result * 10 : result / 10;
        }

        return result;
    }

    // English convention: comma or thin/non-breaking space groups thousands, point is the decimal mark.
    [GeneratedRegex(@"\G(?<sign>[-−+])?(?:(?<int>\d{1,3}(?:,\d{3})+(?!\d))(?:\.(?<frac>\d+))?|(?<int>\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?![\d]))(?:\.(?<frac>\d+))?|(?<int>\d+)(?:\.(?<frac>\d+)(?![.,]\d))?|(?<int>)\.(?<frac>\d+))(?:[eE](?<exp>[-+]?\d+))?")]
    private static partial Regex PointDecimalNumber();

    // Source language with a decimal comma (German, French, ...): "1,5", "1.000,5", "7 000".
    [GeneratedRegex(@"\G(?<sign>[-−+])?(?:(?<int>\d{1,3}(?:\.\d{3})+(?!\d))(?:,(?<frac>\d+))?|(?<int>\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?![\d]))(?:,(?<frac>\d+))?|(?<int>\d{1,3}(?:,\d{3})+(?!\d))(?:\.(?<frac>\d+))?|(?<int>\d+)(?:[,.](?<frac>\d{1,2}|\d{4,})(?!\d))?)")]
    private static partial Regex CommaDecimalNumber();

    [GeneratedRegex(@"\G(?:st|nd|rd|th)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalSuffix();
}
