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
        ["zero"] = 0, ["nought"] = 0, ["naught"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
        ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.OrdinalIgnoreCase)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40, ["fifty"] = 50, ["sixty"] = 60,
        ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, int> OrdinalUnits = BuildOrdinalUnits();

    private static Dictionary<string, int> BuildOrdinalUnits()
    {
        var ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6,
            ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12,
            ["thirteenth"] = 13, ["fourteenth"] = 14, ["fifteenth"] = 15, ["sixteenth"] = 16,
            ["seventeenth"] = 17, ["eighteenth"] = 18, ["nineteenth"] = 19, ["twentieth"] = 20,
            ["thirtieth"] = 30, ["fortieth"] = 40, ["fiftieth"] = 50, ["sixtieth"] = 60, ["seventieth"] = 70,
            ["eightieth"] = 80, ["ninetieth"] = 90,
        };
        foreach (var entry in NumberWordTable.Embedded.Ordinals)
        {
            foreach (var word in entry.Words)
            {
                ordinals[word] = (int)entry.Value;
            }
        }

        return ordinals;
    }

    private static readonly Dictionary<string, decimal> OrdinalScales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundredth"] = 100m, ["thousandth"] = 1_000m, ["millionth"] = 1_000_000m,
        ["billionth"] = 1_000_000_000m, ["trillionth"] = 1_000_000_000_000m,
    };

    private readonly PhraseMatcher<decimal> _scales = new();

    /// <summary>Scale words of 1000 and more that may stand between number words ("three crore twelve lakh").</summary>
    private readonly Dictionary<string, decimal> _wordScales = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Two-letter scale abbreviations between number words, case-sensitive ("cr", "bn").</summary>
    private readonly Dictionary<string, decimal> _shortWordScales = new(StringComparer.Ordinal);

    private readonly PhraseMatcher<decimal> _vagueCounts = new();

    public NumberScanner(UnitTable table)
    {
        foreach (var scale in table.Scales.Concat(NumberWordTable.Embedded.Scales))
        {
            foreach (var word in scale.Words)
            {
                // One- and two-letter abbreviations are case-sensitive ("m" million, not "M" anything else).
                _scales.Add(word, scale.Value, ignoreCase: word.Length > 2);
                if (scale.Value >= 1000 && word.Length > 2 && word.All(char.IsLetter))
                {
                    _wordScales[word] = scale.Value;
                }
                else if (scale.Value >= 1000 && word.Length == 2 && word.All(char.IsLetter))
                {
                    _shortWordScales[word] = scale.Value;
                }
            }
        }

        foreach (var count in NumberWordTable.Embedded.VagueCounts)
        {
            foreach (var word in count.Words)
            {
                _vagueCounts.Add(word, count.Value, ignoreCase: true);
            }
        }
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NumberWords = BuildNumberWords();

    /// <summary>Every word that can start a number in words.</summary>
    public static IEnumerable<string> AllNumberWords => NumberWords.Set;

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BuildNumberWords()
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "hundred", "half", "dozen", "point" };
        words.UnionWith(Units.Keys);
        words.UnionWith(Tens.Keys);
        words.UnionWith(OrdinalUnits.Keys);
        words.UnionWith(OrdinalScales.Keys);
        words.UnionWith(["thousand", "million", "billion", "trillion", "lakh", "crore"]);
        foreach (var ten in Tens.Keys)
        {
            foreach (var unit in Units.Where(u => u.Value is > 0 and < 10).Select(u => u.Key).Concat(OrdinalUnits.Where(o => o.Value is > 0 and < 10).Select(o => o.Key)))
            {
                words.Add(ten + unit);
            }
        }

        foreach (var count in NumberWordTable.Embedded.VagueCounts.SelectMany(c => c.Words))
        {
            words.Add(count.Split(' ')[^1]);
            words.Add(count.Split(' ')[0]);
        }

        words.Remove("a");
        return words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True if a word starts a number in words here (used to skip quickly elsewhere).</summary>
    public static bool IsNumberWord(ReadOnlySpan<char> word) => NumberWords.Contains(word);

    /// <summary>Reads a number at <paramref name="position"/>, which must be a word start.</summary>
    public bool TryRead(string text, int position, bool decimalComma, out NumberMatch match, bool afterPrefix = false, NumberReading? reading = null)
    {
        match = default;
        if (position >= text.Length)
        {
            return false;
        }

        reading ??= NumberReading.News;
        var c = text[position];
        if (char.IsDigit(c) || ((c is '-' or '−' or '+' or '.') && position + 1 < text.Length && char.IsDigit(text[position + 1])))
        {
            return TryReadDigits(text, position, decimalComma, afterPrefix, reading, out match);
        }

        return char.IsLetter(c) && TryReadWords(text, position, reading, out match);
    }

    private bool TryReadDigits(string text, int position, bool decimalComma, bool afterPrefix, NumberReading reading, out NumberMatch match)
    {
        match = default;
        if (!afterPrefix && IsPhoneLike(text, position))
        {
            return false;
        }

        if (position > 0 && !afterPrefix)
        {
            var before = text[position - 1];
            // "T-72", "Su-25", "A320", "COVID-19": part of a name, not a quantity.
            if (char.IsLetterOrDigit(before) || before is '_' or '/' or '@' or '#')
            {
                return false;
            }

            if ((before is '-' && position > 1 && char.IsLetter(text[position - 2]) && !AfterScaledNumber(text, position - 1))
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

        // "192.168.1.2", "2.3.1": an address or a version, not a quantity.
        if (end + 1 < text.Length && text[end] == '.' && char.IsDigit(text[end + 1]))
        {
            return false;
        }

        var isOrdinal = false;
        var plainInteger = fraction.Length == 0 && !m.Groups["exp"].Success && sign.Length == 0;
        if (end < text.Length && text[end] is '^' or 'x' or '×' or ' ' && TryPower(text, end, ref value, out var powerEnd))
        {
            end = powerEnd;
            plainInteger = false;
        }

        var ordinalSuffix = end < text.Length && text[end] is 's' or 'n' or 'r' or 't' or 'S' or 'N' or 'R' or 'T'
            ? OrdinalSuffix().Match(text, end) : Match.Empty;
        if (fraction.Length == 0 && ordinalSuffix.Success && ordinalSuffix.Index == end && IsRightOrdinalSuffix(digits, ordinalSuffix.Value))
        {
            end += ordinalSuffix.Length;
            isOrdinal = true;
        }

        var hasScale = false;
        var scaleValue = 1m;
        if (!isOrdinal)
        {
            hasScale = TryScale(text, end, out scaleValue, out var scaleEnd);
            if (hasScale)
            {
                value *= scaleValue;
                end = scaleEnd;
            }
        }

        if (hasScale && !isOrdinal && end - m.Index - m.Length > 2 && AndMore().IsMatch(text, end))
        {
            end = AddAfterAnd(text, end, scaleValue, reading, ref value);
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
                if (slash.Groups["mixed"].Success && numerator < denominator && IsFractionDenominator(denominator))
                {
                    value += (decimal)numerator / denominator;
                    end += slash.Length;
                    plainInteger = false;
                }
                else if (!slash.Groups["mixed"].Success && IsFractionDenominator(denominator) && value < denominator)
                {
                    value /= denominator;
                    end += slash.Length;
                    plainInteger = false;
                }
            }
        }

        // "24/7", "9/11", "50/50", "2020/21": a name or a pair, not a quantity.
        if (end + 1 < text.Length && text[end] == '/' && char.IsDigit(text[end + 1]))
        {
            return false;
        }

        // "1 over three", "2000 over 3" (a peer convention, see NumberReading).
        if (reading.SpokenFractions && plainInteger && !hasScale && TrySpokenFraction(text, value, end, reading, out var ratio, out var ratioEnd))
        {
            value = ratio;
            end = ratioEnd;
            plainInteger = false;
        }

        match = new NumberMatch(value, position, end, isOrdinal, false, hasScale, plainInteger && !hasScale);
        return true;
    }

    /// <summary>
    /// What "and" adds after a number with a scale word: "3 hundred and 21", "6 crore and two hundred"
    /// (a smaller number), "3 million and a half" (a fraction of the scale). Returns the new end.
    /// </summary>
    private int AddAfterAnd(string text, int end, decimal scale, NumberReading reading, ref decimal value)
    {
        if (TryAndFraction(text, end, reading, out var fraction, out var fractionEnd))
        {
            value = CombineMixed(text, value, scale >= 1000 ? scale : 1, fraction, fractionEnd, out var mixedEnd);
            return mixedEnd;
        }

        var restStart = end + AndMore().Match(text, end).Length;
        decimal rest;
        int restEnd;
        if (char.IsDigit(text[restStart]))
        {
            if (!TryReadDigits(text, restStart, false, true, reading, out var digits) || digits.IsOrdinal || !digits.IsPlainInteger)
            {
                return end;
            }

            (rest, restEnd) = (digits.Value, digits.End);
        }
        else
        {
            var words = ReadCardinal(text, restStart, reading);
            if (words.Words == 0 || words.IsOrdinal)
            {
                return end;
            }

            (rest, restEnd) = (words.Value, words.End);
        }

        if (rest <= 0 || rest >= scale)
        {
            return end;
        }

        value += rest;
        return restEnd;
    }

    /// <summary>Denominators of the fractions written with a slash ("1/2", "3/4", "5/8", "20/100"); not "9/11".</summary>
    private static bool IsFractionDenominator(int denominator) =>
        denominator is 2 or 3 or 4 or 5 or 6 or 8 or 10 or 12 or 16 or 32 or 64 or 100 or 1000;

    /// <summary>"5k-20k": the letters before <paramref name="dash"/> are a scale glued to a number, not a name ("Su-34").</summary>
    private static bool AfterScaledNumber(string text, int dash)
    {
        var p = dash;
        while (p > 0 && char.IsLetter(text[p - 1]) && dash - p < 3)
        {
            p--;
        }

        return p > 0 && p < dash && char.IsDigit(text[p - 1]);
    }

    /// <summary>"1.1^23", "2.5^-1", "6.23x10^-4": a power after a number.</summary>
    private static bool TryPower(string text, int position, ref decimal value, out int end)
    {
        end = position;
        var m = Power().Match(text, position);
        if (!m.Success)
        {
            return false;
        }

        var tenBase = m.Groups["e10"].Success;
        var signs = m.Groups[tenBase ? "s10" : "s"].Value;
        var exponent = int.Parse(m.Groups[tenBase ? "e10" : "e"].Value, CultureInfo.InvariantCulture);
        if (signs.Count(c => c is '-' or '−') % 2 == 1)
        {
            exponent = -exponent;
        }

        var power = Math.Pow(tenBase ? 10 : (double)Math.Abs(value), exponent);
        var result = tenBase ? (double)value * power : Math.Sign(value) * power;
        if (double.IsNaN(result) || Math.Abs(result) > 1e20 || (result != 0 && Math.Abs(result) < 1e-20))
        {
            return false;
        }

        value = (decimal)result;
        end = m.Index + m.Length;
        return true;
    }

    [GeneratedRegex(@"\G(?:\^(?<s>[-+−]{0,2})(?<e>\d{1,3})|\s?[x×]\s?10\^(?<s10>[-+−]?)(?<e10>\d{1,3}))(?!\d)")]
    private static partial Regex Power();

    /// <summary>
    /// A phone number: digits in three or more groups joined by "-", "/" or "." ("1-222-2222"), or after
    /// "+" ("+1-222"), with seven digits or more. Not an ISO date ("2024-01-05").
    /// </summary>
    private static bool IsPhoneLike(string text, int position)
    {
        var start = position;
        while (start > 0 && IsPhoneChar(text[start - 1]))
        {
            start--;
        }

        var end = position;
        while (end < text.Length && IsPhoneChar(text[end]))
        {
            end++;
        }

        if (end - start < 7)
        {
            return false;
        }

        var digits = 0;
        var groups = 0;
        var inGroup = false;
        for (var i = start; i < end; i++)
        {
            if (char.IsDigit(text[i]))
            {
                digits++;
                groups += inGroup ? 0 : 1;
                inGroup = true;
            }
            else
            {
                inGroup = false;
            }
        }

        if (digits < 7)
        {
            return false;
        }

        var isoDate = end - start == 10 && text[start + 4] == '-' && text[start + 7] == '-';
        return (text[start] == '+' && groups >= 1) || (groups >= 3 && !isoDate);
    }

    private static bool IsPhoneChar(char c) => char.IsAsciiDigit(c) || c is '-' or '+' or '/';

    [GeneratedRegex(@"\G and ")]
    private static partial Regex AndMore();

    [GeneratedRegex(@"\G(?:(?<mixed> {1,2})(?<n>\d{1,2})/(?<d>\d{1,2})|/(?<d2>\d{1,4}))(?![\d/])")]
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
    // Also read: Indian grouping ("12,34,567.89") and a number that can only be continental ("1.111,11").
    [GeneratedRegex(@"\G(?<sign>[-−+])?(?:(?<int>\d{1,3}(?:\.\d{3})+),(?<frac>\d{1,2})(?!\d|[.,]\d)|(?<int>\d{1,3}(?:,\d{3})+(?!\d))(?:\.(?<frac>\d+))?|(?<int>\d{1,2}(?:,\d{2})+,\d{3})(?!\d|,\d)(?:\.(?<frac>\d+))?|(?<int>\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?![\d]))(?:\.(?<frac>\d+))?|(?<int>\d+)(?:\.(?<frac>(?>\d+))(?![.,]\d))?|(?<int>)\.(?<frac>\d+))(?:[eE](?<exp>[-+]?\d+))?")]
    private static partial Regex PointDecimalNumber();

    // Source language with a decimal comma (German, French, ...): "1,5", "1.000,5", "7 000".
    [GeneratedRegex(@"\G(?<sign>[-−+])?(?:(?<int>\d{1,3}(?:\.\d{3})+(?!\d))(?:,(?<frac>\d+))?|(?<int>\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?![\d]))(?:,(?<frac>\d+))?|(?<int>\d{1,3}(?:,\d{3})+(?!\d))(?:\.(?<frac>\d+))?|(?<int>\d+)(?:[,.](?<frac>\d{1,2}|\d{4,})(?!\d))?)")]
    private static partial Regex CommaDecimalNumber();

    [GeneratedRegex(@"\G(?:st|nd|rd|th)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalSuffix();
}
