using System.Text.RegularExpressions;

namespace Normalize.Core.Repair.Filters;

/// <summary>
/// Source-language leftovers through the pack of the known or detected source language: Dutch
/// "VN" → UN, French "Moscou" → Moscow. Words a pack translates only after a number ("obus") need
/// a number before them. Short quoted spans are left alone.
/// </summary>
public sealed partial class SourceLanguagePackFilter : IRepairFilter
{
    public string Rule => "source-language-pack";

    public IReadOnlyList<TextEdit> Find(RepairContext context)
    {
        if (context.Pack is not { } pack)
        {
            return [];
        }

        var text = context.Text;
        var matcher = PackMatcher.For(pack);
        var edits = new List<TextEdit>();
        foreach (Match m in matcher.Words.Matches(text))
        {
            if (!context.IsQuoted(m.Index, m.Index + m.Length))
            {
                edits.Add(new TextEdit(m.Index, m.Length, pack.Words[m.Value], $"{Rule}:{pack.Language}"));
            }
        }

        foreach (Match m in matcher.AfterNumber.Matches(text))
        {
            if (!context.IsQuoted(m.Index, m.Index + m.Length) && NumberBefore().IsMatch(text[..m.Index]))
            {
                edits.Add(new TextEdit(m.Index, m.Length, pack.AfterNumber[m.Value], $"{Rule}:{pack.Language}"));
            }
        }

        return edits;
    }

    [GeneratedRegex(@"(?:\d|\b(?:hundred|thousand|million|billion|dozen|several|many))\s+$", RegexOptions.RightToLeft)]
    private static partial Regex NumberBefore();
}
