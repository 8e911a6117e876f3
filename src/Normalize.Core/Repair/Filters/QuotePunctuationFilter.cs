using System.Text.RegularExpressions;

namespace Normalize.Core.Repair.Filters;

/// <summary>
/// English news style puts a comma or period that ends a quotation inside the closing quote
/// (<c>"we will stay," she said</c>); Spanish, Catalan, Galician, Croatian and most source languages put it
/// outside, and machine translation keeps their order (<c>"we will stay", she said</c>). In a translated
/// article only, the comma or period moves inside. Text written in English keeps its own convention.
/// </summary>
public sealed partial class QuotePunctuationFilter : IRepairFilter
{
    public string Rule => "quote-punctuation";

    public IReadOnlyList<TextEdit> Find(RepairContext context)
    {
        if (context.Article.TranslatedFrom is null || context.Article.Original is null)
        {
            return [];
        }

        var edits = new List<TextEdit>();
        foreach (Match m in ClosingQuoteThenPunctuation().Matches(context.Text))
        {
            var quote = m.Groups["quote"].Value;
            var mark = m.Groups["mark"].Value;
            edits.Add(new TextEdit(m.Groups["quote"].Index, quote.Length + mark.Length, mark + quote, Rule));
        }

        return edits;
    }

    /// <summary>A closing quote (right after a word, so not an opening one) followed by a comma or a period that ends nothing else.</summary>
    [GeneratedRegex(@"(?<=[\p{L}\p{N}])(?<quote>[""”])(?<mark>[,.])(?![\p{L}\p{N}.])")]
    private static partial Regex ClosingQuoteThenPunctuation();
}
