using System.Globalization;
using System.Text.RegularExpressions;

namespace Normalize.Core.Units;

/// <summary>A number found in text: its value, extent and how it was written.</summary>
internal readonly record struct NumberMatch(
    decimal Value, int Start, int End, bool IsOrdinal, bool IsWords, bool HasScale, bool IsPlainInteger);

/// <summary>
/// Reads numbers written in digits (with any of the usual grouping and decimal conventions, powers
/// "1.1^23", fractions "3/4", "2 1/4"), in words ("three hundred and one", "a million", "twenty-fifth",
/// "two thirds", "five and a half"; Numbers/WordNumbers.cs) or mixed ("2.5bn", "3 million and a half").
/// Phone numbers, dotted versions and addresses are not numbers. Word lists that are facts live in
/// Rules/numbers.yaml; <see cref="NumberReading"/> switches on the peer suites' wider readings.
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

    public NumberScanner(UnitTable table, NumberWordTable words)
    {
        foreach (var scale in table.Scales.Concat(words.Scales))
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

        foreach (var count in words.VagueCounts)
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
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "hundred", "half", "dozen", "point", "quarter" };
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

    /// <summary>An ordinal written as one word: "first", "third", "twentieth", "hundredth".</summary>
    public static bool IsOrdinalWord(ReadOnlySpan<char> word) =>
        OrdinalUnits.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(word) || OrdinalScales.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(word);

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
        try
        {
            if (IsVulgarFraction(c))
            {
                // "½ teaspoon", "¾ of voters".
                match = new NumberMatch(VulgarFractions[c], position, position + 1, false, false, false, false);
                return position == 0 || !char.IsLetterOrDigit(text[position - 1]);
            }

            var found = char.IsDigit(c) || ((c is '-' or '−' or '+' or '.') && position + 1 < text.Length
                && (char.IsDigit(text[position + 1]) || (c != '.' && text[position + 1] == '.' && position + 2 < text.Length && char.IsDigit(text[position + 2]))))
                ? TryReadDigits(text, position, decimalComma, afterPrefix, reading, out match)
                : char.IsLetter(c) && TryReadWords(text, position, reading, out match);

            // Beyond a quintillion it is a code or noise, and the unit conversions must not overflow.
            return found && Math.Abs(match.Value) <= MaxMagnitude;
        }
        catch (OverflowException)
        {
            // "79228162514264337593543950335 million": past what a decimal holds; not a quantity.
            match = default;
            return false;
        }
    }

    private const decimal MaxMagnitude = 1e18m;

    /// <summary>The fraction characters ("½", "¾", "⅓").</summary>
    private static readonly Dictionary<char, decimal> VulgarFractions = new()
    {
        ['½'] = 0.5m, ['¼'] = 0.25m, ['¾'] = 0.75m, ['⅓'] = 1m / 3, ['⅔'] = 2m / 3, ['⅕'] = 0.2m, ['⅖'] = 0.4m, ['⅗'] = 0.6m,
        ['⅘'] = 0.8m, ['⅙'] = 1m / 6, ['⅚'] = 5m / 6, ['⅛'] = 0.125m, ['⅜'] = 0.375m, ['⅝'] = 0.625m, ['⅞'] = 0.875m,
        ['⅐'] = 1m / 7, ['⅑'] = 1m / 9, ['⅒'] = 0.1m,
    };

    /// <summary>After "1" in "1½" or "2 ¾": the end of the fraction character, else <paramref name="position"/>.</summary>
    private static int VulgarAfter(string text, int position)
    {
        var p = position < text.Length && text[position] == ' ' ? position + 1 : position;
        return p < text.Length && VulgarFractions.ContainsKey(text[p]) ? p + 1 : position;
    }

    /// <summary>"½", "¾": a fraction written as one character.</summary>
    public static bool IsVulgarFraction(char c) => (c is >= '¼' and <= '¾' || c is >= '⅐' and <= '⅞') && VulgarFractions.ContainsKey(c);

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

        if (IsOverlongGroupedRun(text, position))
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
        // The patterns' \d takes digits of any script ("１２３"): read as their ASCII digits.
        var digits = DecimalDigits.ToAscii(new string(integerPart.Where(char.IsDigit).ToArray()));
        fraction = DecimalDigits.ToAscii(fraction);
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
            else if (end < text.Length && text[end] is 'M' or 'G' && GluedLetterScale(text, end, fraction.Length > 0, reading) is { } letterScale)
            {
                value *= letterScale;
                scaleValue = letterScale;
                end++;
                hasScale = true;
            }
        }

        if (hasScale && !isOrdinal && end - m.Index - m.Length > 2 && AndMore().IsMatch(text, end))
        {
            end = AddAfterAnd(text, end, scaleValue, reading, ref value);
        }
        else if (!hasScale && plainInteger && AndMore().IsMatch(text, end) && TryAndFraction(text, end, reading, out var andFraction, out var andFractionEnd))
        {
            value = CombineMixed(text, value, 1, andFraction, andFractionEnd, out end); // "1 and a half", "2 and a half million"
            plainInteger = false;
        }

        // Spoken (Duckling): "1 point 1".
        if (reading.Spoken && plainInteger && NextWordIs(text, end, "point", out var pointEnd) && ReadDecimals(text, pointEnd, out var spokenDecimals, out var decimalsEnd))
        {
            value += spokenDecimals;
            end = decimalsEnd;
            plainInteger = false;
        }

        // "1½ hours", "2 ¾ miles".
        if (!isOrdinal && !hasScale && plainInteger && VulgarAfter(text, end) is var vulgarEnd && vulgarEnd > end)
        {
            value += VulgarFractions[text[vulgarEnd - 1]];
            end = vulgarEnd;
            plainInteger = false;
        }

        // "1/4 mile", "3/4 cup", "10 1/2 miles": a simple fraction (not a date: one slash only).
        if (!isOrdinal && !hasScale && plainInteger && digits.Length <= 3)
        {
            var slash = SimpleFraction().Match(text, end);
            if (slash.Success)
            {
                var mixed = slash.Groups["mixed"].Success;
                var numerator = mixed ? DecimalDigits.Parse(slash.Groups["n"].ValueSpan) ?? int.MaxValue : 0;

                // 0 when unreadable; "1/0" is no fraction either.
                var denominator = DecimalDigits.Parse(slash.Groups[mixed ? "d" : "d2"].ValueSpan) ?? 0;
                if (denominator > 0 && mixed && numerator < denominator && IsFractionDenominator(denominator))
                {
                    value += (decimal)numerator / denominator;
                    end += slash.Length;
                    plainInteger = false;
                }
                else if (denominator > 0 && !mixed && (IsFractionDenominator(denominator) || reading.SlashFractions) && value < denominator)
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

    /// <summary>
    /// "1.2M" (a decimal before "M" can only be millions; "3M" may be the company); in the spoken
    /// reading (Duckling) also "5M" and ".0012G" (giga; on news "5G" is the network).
    /// </summary>
    private static decimal? GluedLetterScale(string text, int position, bool decimals, NumberReading reading)
    {
        if (position + 1 < text.Length && char.IsLetterOrDigit(text[position + 1]))
        {
            return null;
        }

        return text[position] == 'M' && (decimals || reading.Spoken) ? 1_000_000m
            : text[position] == 'G' && reading.Spoken ? 1_000_000_000m : null;
    }

    /// <summary>Denominators of the fractions written with a slash ("1/2", "3/4", "5/8", "1/40", "20/100"); not "9/11", "24/7".</summary>
    private static bool IsFractionDenominator(int denominator) =>
        denominator is 2 or 3 or 4 or 5 or 6 or 8 or 12 or 16 or 32 or 64 || (denominator % 10 == 0 && denominator is > 0 and <= 1000);

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

    /// <summary>"1.1^23", "2.5^-1", "6.23x10^-4", "8x2^10": a power after a number.</summary>
    private static bool TryPower(string text, int position, ref decimal value, out int end)
    {
        end = position;
        var m = Power().Match(text, position);
        if (!m.Success)
        {
            return false;
        }

        // "a x b^c" multiplies a by the power ("6.23x10^-4", "8x2^10"); "a^c" raises a.
        var times = m.Groups["base"].Success;
        var signs = m.Groups[times ? "s10" : "s"].Value;
        if (DecimalDigits.Parse(m.Groups[times ? "e10" : "e"].ValueSpan) is not { } exponent
            || (times && DecimalDigits.Parse(m.Groups["base"].ValueSpan) is null))
        {
            return false;
        }

        if (signs.Count(c => c is '-' or '−') % 2 == 1)
        {
            exponent = -exponent;
        }

        var powerBase = times ? DecimalDigits.Parse(m.Groups["base"].ValueSpan)!.Value : (double)Math.Abs(value);
        var power = Math.Pow(powerBase, exponent);
        var result = times ? (double)value * power : Math.Sign(value) * power;
        if (double.IsNaN(result) || Math.Abs(result) > 1e20 || (result != 0 && Math.Abs(result) < 1e-20))
        {
            return false;
        }

        value = (decimal)result;
        end = m.Index + m.Length;
        return true;
    }

    [GeneratedRegex(@"\G(?:\^(?<s>[-+−]{0,2})(?<e>\d{1,3})|\s?[x×]\s?(?<base>\d{1,2})\^(?<s10>[-+−]?)(?<e10>\d{1,3}))(?!\d)")]
    private static partial Regex Power();

    /// <summary>
    /// A phone number: digits in three or more groups joined by "-" or "/" ("1-222-2222"), or after "+"
    /// ("+1-222-2222", "+44 20 7946 0958"), "(555) 123-4567", "555.123.4567", "0800 123 456" (a trunk
    /// zero), with seven digits or more. Not an ISO date ("2024-01-05").
    /// </summary>
    private static bool IsPhoneLike(string text, int position)
    {
        // The run of phone characters around the position (spaces included), a few groups each way.
        var start = position;
        while (start > 0 && position - start < 20 && IsPhoneChar(text[start - 1], spaces: true))
        {
            start--;
        }

        var end = position;
        while (end < text.Length && end - position < 24 && IsPhoneChar(text[end], spaces: true))
        {
            end++;
        }

        var run = text.AsSpan(start, end - start).Trim(" .-/");
        if (run.Length < 7 || CountDigits(run) < 7)
        {
            return false;
        }

        if (PhoneNumber().IsMatch(run))
        {
            return true;
        }

        // Without spaces: "1-222-2222/2222".
        start = position;
        while (start > 0 && IsPhoneChar(text[start - 1], spaces: false))
        {
            start--;
        }

        end = position;
        while (end < text.Length && IsPhoneChar(text[end], spaces: false))
        {
            end++;
        }

        var token = text.AsSpan(start, end - start);
        var groups = 0;
        for (var i = 0; i < token.Length; i++)
        {
            groups += char.IsAsciiDigit(token[i]) && (i == 0 || !char.IsAsciiDigit(token[i - 1])) ? 1 : 0;
        }

        var isoDate = token.Length == 10 && token[4] == '-' && token[7] == '-';
        return CountDigits(token) >= 7 && ((token[0] == '+' && groups >= 1) || (groups >= 3 && !isoDate));
    }

    /// <summary>Digits a grouped number may have: more than a decimal holds is a list or a code, never a quantity.</summary>
    private const int MaxGroupedDigits = 29;

    /// <summary>
    /// "123 456 789 123 …" (or with commas or dots) past <see cref="MaxGroupedDigits"/> digits: the number patterns would
    /// read the whole run from every start in it only to find it too large, which is quadratic in the run. A bounded
    /// look at the groups ahead (one separator, kept the same, then three digits each) answers the same.
    /// </summary>
    private static bool IsOverlongGroupedRun(string text, int position)
    {
        var p = position < text.Length && text[position] is '-' or '+' or '−' ? position + 1 : position;
        var digits = 0;
        while (p < text.Length && char.IsDigit(text[p]) && digits < 4)
        {
            p++;
            digits++;
        }

        if (digits is 0 or > 3 || p + 4 > text.Length || text[p] is not (' ' or ',' or '.' or '\u00A0' or '\u202F' or '\u2009'))
        {
            return false;
        }

        var separator = text[p];
        while (digits <= MaxGroupedDigits && p + 4 <= text.Length && text[p] == separator
            && char.IsDigit(text[p + 1]) && char.IsDigit(text[p + 2]) && char.IsDigit(text[p + 3]))
        {
            digits += 3;
            p += 4;
        }

        return digits > MaxGroupedDigits;
    }

    private static int CountDigits(ReadOnlySpan<char> span)
    {
        var digits = 0;
        foreach (var c in span)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return digits;
    }

    private static bool IsPhoneChar(char c, bool spaces) =>
        char.IsAsciiDigit(c) || c is '-' or '+' or '/' || (spaces && c is ' ' or '(' or ')' or '.');

    [GeneratedRegex(@"^(?:\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,6}|\(\d{2,4}\)[ .-]?\d{3,4}[ .-]?\d{3,4}|\d{3}\.\d{3}\.\d{4}|0\d{2,4}(?:[ .-]\d{2,4}){2,3})$")]
    private static partial Regex PhoneNumber();

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

        var lastTwo = DecimalDigits.Parse(digits.AsSpan(Math.Max(0, digits.Length - 2))) ?? -1;
        var last = lastTwo % 10;
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

            if (total * factor > MaxMagnitude)
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
