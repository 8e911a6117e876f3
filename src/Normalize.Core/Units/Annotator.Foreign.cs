namespace Normalize.Core.Units;

/// <summary>
/// Numbers in a paragraph that is not English (an untranslated article, a quoted paragraph): read with that
/// language's separators ("1,5" is one and a half in German, "1.000,5", "7 000") and its own scale words
/// ("1,5 Millionen" = 1500000, Rules/numbers.yaml scales_by_language). The English word lists (number words,
/// units, dates) are not used there.
/// </summary>
public sealed partial class Annotator
{

    /// <summary>The numbers of text[start..end), written in <paramref name="language"/>.</summary>
    public IReadOnlyList<QuantitySpan> AnnotateForeignNumbers(string text, int start, int end, string language)
    {
        var primary = Language.LanguageIdentifier.PrimaryCode(language);
        var decimalComma = AnnotationContext.UsesDecimalComma(primary) || primary == "hbs";
        var scales = _foreignScales.GetValueOrDefault(primary);
        var found = new List<QuantitySpan>();
        var position = start;
        while (position < end)
        {
            var c = text[position];
            var atWordStart = position == 0 || !(char.IsLetterOrDigit(text[position - 1]) || text[position - 1] is '.' or ',');
            if (!char.IsDigit(c) || !atWordStart || !_numbers.TryRead(text, position, decimalComma, out var number) || number.End > end || number.IsWords)
            {
                position++;
                continue;
            }

            var value = number.Value;
            var spanEnd = number.End;
            if (scales is not null && ScaleAfter(text, number.End, end, scales) is { } scale)
            {
                value *= scale.Value;
                spanEnd = scale.End;
            }

            found.Add(new QuantitySpan
            {
                Text = text[number.Start..spanEnd],
                Start = number.Start,
                End = spanEnd,
                Family = "number",
                Value = value,
                SiValue = value,
            });
            position = spanEnd;
        }

        return found;
    }

    /// <summary>A scale word (or two, "mil millones") after one space; its value and end.</summary>
    private static (decimal Value, int End)? ScaleAfter(string text, int position, int end, Dictionary<string, decimal> scales)
    {
        if (position >= end || text[position] is not (' ' or '\u00A0' or '\u202F'))
        {
            return null;
        }

        var first = WordEnd(text, position + 1, end);
        if (first == position + 1)
        {
            return null;
        }

        // The longer phrase first: "mil millones" is a billion, "mil" a thousand.
        if (first < end && text[first] == ' ' && WordEnd(text, first + 1, end) is var second && second > first + 1
            && scales.TryGetValue(text[(position + 1)..second].TrimEnd('.'), out var pair))
        {
            return (pair, second);
        }

        var word = text[(position + 1)..first];
        if (scales.TryGetValue(word, out var value))
        {
            return (value, first);
        }

        // An abbreviation with its period ("Mio."), or a word before a sentence's period ("Millionen.").
        return word.EndsWith('.') && scales.TryGetValue(word[..^1], out var bare) ? (bare, first - 1) : null;
    }

    private static int WordEnd(string text, int position, int end)
    {
        var p = position;
        while (p < end && char.IsLetter(text[p]))
        {
            p++;
        }

        return p < end && p > position && text[p] == '.' ? p + 1 : p;
    }

    private static Dictionary<string, Dictionary<string, decimal>> BuildForeignScales(NumberWordTable numberWords) =>
        numberWords.ScalesByLanguage.ToDictionary(
            p => p.Key,
            p => p.Value.SelectMany(s => s.Words.Select(w => (Word: w.TrimEnd('.'), s.Value)))
                .GroupBy(w => w.Word, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase),
            StringComparer.Ordinal);
}
