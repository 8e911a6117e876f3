namespace Normalize.Core.Repair.Filters;

/// <summary>
/// An adjective the translator cut short before its noun: "ballist missiles" → "ballistic missiles".
/// The cut word is lower-case and not English; the word before and the next word are; exactly one
/// of the cut word plus an ending of repair/en.yaml truncation_suffixes is an English word. (Hunspell's
/// own suggestions rank the right word low — "ballistic" 6th for "ballist" — so the candidates are
/// generated from the endings and checked with the dictionary instead.)
/// </summary>
public sealed class TruncatedWordFilter : IRepairFilter
{
    private const int MinimumLength = 4;

    public string Rule => "truncated-word";

    public IReadOnlyList<TextEdit> Find(RepairContext context)
    {
        var english = context.Dictionaries.English;
        if (english is null)
        {
            return [];
        }

        var text = context.Text;
        var words = context.Words;
        var suffixes = context.Rules.English.TruncationSuffixes;
        var edits = new List<TextEdit>();
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var cut = words[i];
            var noun = words[i + 1];
            if (cut.Value.Length < MinimumLength || noun.Value.Length < 3
                || !cut.IsLowercaseWord || !noun.IsLowercaseWord
                || !RepairText.SingleSpaceBetween(text, cut, noun)
                || context.IsQuoted(cut.Start, noun.End)
                || RepairText.IsMarked(text, cut) || RepairText.IsMarked(text, noun)
                || context.Dictionaries.IsEnglishWord(cut.Value) || !english.Spell(noun.Value)
                || !SplitWordFilter.EnglishContextBefore(context, words, i))
            {
                continue;
            }

            var candidates = suffixes.Select(x => cut.Value + x).Where(english.Spell).Distinct(StringComparer.Ordinal).ToList();
            if (candidates.Count != 1)
            {
                continue;
            }

            edits.Add(new TextEdit(cut.Start, cut.Value.Length, candidates[0], Rule));
            context.ArtifactsRepaired++;
        }

        return edits;
    }
}
