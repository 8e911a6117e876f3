using System.Text.RegularExpressions;
using Normalize.Core.Pipeline;

namespace Normalize.Core.Units;

/// <summary>
/// Finds numbers, quantities, money and dates (see <see cref="Annotator"/>) and records them as
/// structured spans. Inline, only the written form is made consistent: thousands grouped with commas
/// ("7 000" to "7,000"); in text from a decimal-comma language "1,5" to "1.5" and "1.000,5" to
/// "1,000.5"; a unit symbol glued to its number gets a space, as SI writes it ("690km" to "690 km";
/// the hyphenated adjective "152-mm" stays). Scale words, qualifiers and units stay as written.
/// </summary>
public sealed partial class UnitsStage : IStage
{
    private readonly Annotator _annotator;

    public UnitsStage(Annotator? annotator = null)
    {
        _annotator = annotator ?? Annotator.Default;
    }

    public string Name => StageNames.Units;

    public void Process(Article article)
    {
        article.Quantities.Clear();
        article.Dates.Clear();
        var context = AnnotationContext.For(article);
        // Paragraphs in another language: their numbers by that language's conventions, no English word
        // lists and no rewrites. The English text gets the whole annotator.
        var foreign = article.NonEnglishRanges();

        // Paragraphs over the size budget are not read at all (reading costs microseconds per character).
        var overlong = article.OverlongParagraphs(Name);
        var unread = foreign.Select(r => (r.Start, r.End)).Concat(overlong).ToList();
        foreign = [.. foreign.Where(r => !overlong.Contains((r.Start, r.End)))];
        var english = unread.Count == 0 ? article.Text : Blank(article.Text, unread);
        Annotation annotation;
        var foreignNumbers = new List<QuantitySpan>();
        try
        {
            annotation = english.AsSpan().ContainsAnyExcept(" \n") ? _annotator.Annotate(english, context) : new Annotation([], []);
            foreach (var (start, end, language) in foreign)
            {
                foreignNumbers.AddRange(_annotator.AnnotateForeignNumbers(article.Text, start, end, language));
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or IndexOutOfRangeException or InvalidOperationException)
        {
            // Reading is pure (nothing is edited before it ends): a recogniser's bug costs this
            // article its numbers and dates, not the article.
            article.Warnings.Add($"units stage failed ({ex.GetType().Name}: {ex.Message}); numbers and dates left unread");
            return;
        }

        article.Quantities.AddRange(annotation.Quantities);
        article.Dates.AddRange(annotation.Dates);
        article.Quantities.AddRange(foreignNumbers);

        if (foreign.Count > 0)
        {
            article.Quantities.Sort((a, b) => a.Start.CompareTo(b.Start));
            foreach (var quantity in annotation.Quantities)
            {
                quantity.Text = article.Text[quantity.Start..quantity.End];
            }

            foreach (var date in annotation.Dates)
            {
                date.Text = article.Text[date.Start..date.End];
            }
        }

        var edits = new List<TextEdit>();
        var seen = new HashSet<int>();
        foreach (var quantity in annotation.Quantities)
        {
            foreach (var edit in NumberEdits(article.Text, quantity.Start, quantity.End, context.DecimalComma))
            {
                if (seen.Add(edit.Start))
                {
                    edits.Add(edit);
                }
            }

            if (UnitSpacingEdit(article.Text, quantity) is { } spacing && seen.Add(spacing.Start))
            {
                edits.Add(spacing);
            }
        }

        // Spans overlap (a range and its numbers): keep the first edit at each place, drop overlaps.
        var ordered = edits.OrderBy(e => e.Start).ToList();
        var kept = new List<TextEdit>();
        foreach (var edit in ordered)
        {
            if (kept.Count == 0 || edit.Start >= kept[^1].End)
            {
                kept.Add(edit);
            }
        }

        if (TextEdits.Apply(article, Name, kept) > 0)
        {
            foreach (var quantity in article.Quantities)
            {
                quantity.Text = article.Text[quantity.Start..quantity.End];
            }

            foreach (var date in article.Dates)
            {
                date.Text = article.Text[date.Start..date.End];
            }
        }
    }

    /// <summary>The text with the paragraphs of <paramref name="ranges"/> blanked (spaces keep every offset).</summary>
    private static string Blank(string text, IReadOnlyList<(int Start, int End)> ranges)
    {
        var chars = text.ToCharArray();
        foreach (var (start, end) in ranges)
        {
            chars.AsSpan(start, end - start).Fill(' ');
        }

        return new string(chars);
    }

    /// <summary>
    /// "690km" → "690 km": a measurement whose span ends in its unit symbol written right after a digit.
    /// Only dimensions (money such as "$5m" and temperatures such as "32°C" keep their news forms).
    /// </summary>
    internal static TextEdit? UnitSpacingEdit(string text, QuantitySpan quantity)
    {
        if (quantity.Family != "dimension" || quantity.OriginalUnit is not { Length: > 0 } unit || !char.IsLetter(unit[0]))
        {
            return null;
        }

        var unitStart = quantity.End - unit.Length;
        if (unitStart <= quantity.Start || string.CompareOrdinal(text, unitStart, unit, 0, unit.Length) != 0 || !char.IsDigit(text[unitStart - 1]))
        {
            return null;
        }

        return new TextEdit(unitStart - 1, 1 + unit.Length, text[unitStart - 1] + " " + unit, "unit-spacing");
    }

    /// <summary>Rewrites of number literals written in a non-English convention inside [start, end).</summary>
    internal static IEnumerable<TextEdit> NumberEdits(string text, int start, int end, bool decimalComma)
    {
        var span = text[start..end];
        foreach (Match m in SpaceGrouped().Matches(span))
        {
            var integer = GroupSpace().Replace(m.Groups["int"].Value, ",");
            var fraction = m.Groups["frac"].Success ? "." + m.Groups["frac"].Value : "";
            yield return new TextEdit(start + m.Index, m.Length, integer + fraction, "thousands-separator");
        }

        if (!decimalComma)
        {
            yield break;
        }

        foreach (Match m in DotGrouped().Matches(span))
        {
            var integer = m.Groups["int"].Value.Replace('.', ',');
            var fraction = m.Groups["frac"].Success ? "." + m.Groups["frac"].Value : "";
            yield return new TextEdit(start + m.Index, m.Length, integer + fraction, "thousands-separator");
        }

        foreach (Match m in CommaDecimal().Matches(span))
        {
            yield return new TextEdit(start + m.Index, m.Length, m.Groups["int"].Value + "." + m.Groups["frac"].Value, "decimal-comma");
        }
    }

    [GeneratedRegex(@"[ \u00A0\u202F\u2009]")]
    private static partial Regex GroupSpace();

    [GeneratedRegex(@"(?<![\d,.])(?<int>\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+)(?![\d])(?:[.,](?<frac>\d+))?")]
    private static partial Regex SpaceGrouped();

    [GeneratedRegex(@"(?<![\d,.])(?<int>\d{1,3}(?:\.\d{3})+)(?![\d.])(?:,(?<frac>\d+))?")]
    private static partial Regex DotGrouped();

    [GeneratedRegex(@"(?<![\d,.])(?<int>\d+),(?<frac>\d{1,2})(?![\d,.])")]
    private static partial Regex CommaDecimal();
}
