namespace Normalize.Core.Repair.Filters;

/// <summary>
/// A word the translator split in two. Both parts lower-case, the first not an English word, and
/// either the second is not one either and their join is ("investig ated" → "investigated"), or the
/// second is a word, the join is not, and the join with its inflection ending fixed is — Hunspell's
/// suggestion, at most two letters apart ("monit order", Dutch "monitorde" → "monitored"). When both
/// the second part and the join are words ("cyber attack"), the split form is English too: no edit.
/// </summary>
public sealed class SplitWordFilter : IRepairFilter
{
    private const int MinimumFirstPart = 4;
    private const int MinimumSecondPart = 3;
    private const int MaximumDistance = 2;

    public string Rule => "split-word";

    public IReadOnlyList<TextEdit> Find(RepairContext context)
    {
        var english = context.Dictionaries.English;
        if (english is null)
        {
            return [];
        }

        var text = context.Text;
        var words = RepairText.Words(text);
        var suffixes = context.Rules.English.InflectionSuffixes;
        var edits = new List<TextEdit>();
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var first = words[i];
            var second = words[i + 1];
            if (first.Value.Length < MinimumFirstPart || second.Value.Length < MinimumSecondPart
                || !first.IsLowercaseWord || !second.IsLowercaseWord
                || !RepairText.SingleSpaceBetween(text, first, second)
                || context.IsQuoted(first.Start, second.End)
                || context.Dictionaries.IsEnglishWord(first.Value)
                || !EnglishContextBefore(context, words, i))
            {
                continue;
            }

            var joined = first.Value + second.Value;
            var secondIsWord = context.Dictionaries.IsEnglishWord(second.Value);
            var repaired = !secondIsWord
                ? (english.Spell(joined) ? joined : null)
                : english.Spell(joined) ? null : english.Suggest(joined).FirstOrDefault(s =>
                    s.All(c => char.IsLetter(c) && char.IsLower(c))
                    && s.StartsWith(first.Value, StringComparison.Ordinal)
                    && s.Length >= first.Value.Length + 2
                    && s.Length >= joined.Length - 1
                    && suffixes.Any(x => s.EndsWith(x, StringComparison.Ordinal))
                    && EditDistance.Damerau(s, joined) <= MaximumDistance);
            if (repaired is null)
            {
                continue;
            }

            edits.Add(new TextEdit(first.Start, second.End - first.Start, repaired, Rule));
            context.ArtifactsRepaired++;
            i++;
        }

        return edits;
    }

    /// <summary>The word before is English (or there is none): the text around is English, not Latin filler or a quote in another language.</summary>
    internal static bool EnglishContextBefore(RepairContext context, IReadOnlyList<WordToken> words, int index) =>
        index == 0 || context.Text.AsSpan(words[index - 1].End, words[index].Start - words[index - 1].End).Contains('\n')
        || context.Dictionaries.IsEnglishWord(words[index - 1].Value);
}
