namespace Normalize.Core.Repair.Filters;

/// <summary>
/// An adjective the translator cut short before its noun: "ballist missiles" → "ballistic missiles".
/// The cut word is lower-case and not English; the word before and the next word are; exactly one
/// of the cut word plus an ending of repair/en.yaml truncation_suffixes is an English word. (Hunspell's
/// own suggestions rank the right word low — "ballistic" 6th for "ballist" — so the candidates are
/// generated from the endings and checked with the dictionary instead.)
/// </summary>
public sealed class TruncatedWordFilter : EnglishDictionaryFilter
{
    private const int MinimumLength = 4;

    public override string Rule => "truncated-word";

    protected override void Find(RepairContext context, Hunspell english, List<TextEdit> edits)
    {
        var words = context.Words;
        var suffixes = context.Rules.English.TruncationSuffixes;
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var cut = words[i];
            var noun = words[i + 1];
            if (cut.Value.Length < MinimumLength || noun.Value.Length < 3
                || !IsPlainLowercasePair(context, cut, noun)
                || context.Dictionaries.IsEnglishWord(cut.Value) || !english.Spell(noun.Value)
                || !EnglishContextBefore(context, words, i))
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
    }
}
