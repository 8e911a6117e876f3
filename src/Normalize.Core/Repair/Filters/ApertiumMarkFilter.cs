using System.Text.RegularExpressions;

namespace Normalize.Core.Repair.Filters;

/// <summary>
/// Apertium marks words it could not translate: <c>*word</c> (unknown), <c>@word</c> (no bilingual
/// entry), <c>#word</c> (generation failed). The mark goes, the word stays and its sentence is flagged
/// as untranslated; a pack's particle without English equivalent (Croatian "se") is dropped instead.
/// Acts only on Apertium output: several <c>*</c> marks, or a known translation, so hashtags,
/// handles and footnote stars of English text are left alone.
/// </summary>
public sealed partial class ApertiumMarkFilter : IRepairFilter
{
    /// <summary>Unknown-word marks needed before a text of unknown origin counts as Apertium output.</summary>
    private const int MinimumStarMarks = 3;

    public string Rule => "apertium-mark";

    /// <summary>Decides whether the text is Apertium output and flags the sentences with marks.</summary>
    public static bool IsApertiumOutput(Article article)
    {
        var stars = Mark().Matches(article.Text).Count(m => m.Groups["mark"].Value == "*");
        return stars >= MinimumStarMarks || (article.TranslatedFrom is not null && stars >= 1);
    }

    public IReadOnlyList<TextEdit> Find(RepairContext context)
    {
        if (!context.ApertiumMarked)
        {
            return [];
        }

        var text = context.Text;
        var drop = context.Pack?.DropWhenMarked.ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var sentences = context.Sentences;
        var edits = new List<TextEdit>();
        foreach (Match m in Mark().Matches(text))
        {
            var word = m.Groups["word"].Value;
            var sentence = RepairText.SentenceAt(sentences, m.Index);
            if (m.Groups["mark"].Value == "*" && drop.Contains(word))
            {
                edits.Add(DropWord(text, m));
                continue;
            }

            edits.Add(new TextEdit(m.Index, 1, "", Rule));
            context.Flag(sentence, FlagReasons.Untranslated, 0.5, word);
        }

        return edits;
    }

    /// <summary>Removes the marked word with one neighbouring space.</summary>
    private TextEdit DropWord(string text, Match m)
    {
        var start = m.Index;
        var end = m.Index + m.Length;
        if (end < text.Length && text[end] == ' ')
        {
            end++;
        }
        else if (start > 0 && text[start - 1] == ' ')
        {
            start--;
        }

        return new TextEdit(start, end - start, "", Rule + ":drop");
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}*#@])(?<mark>[*#@])(?<word>\p{L}[\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*)(?!\*)")]
    private static partial Regex Mark();
}
