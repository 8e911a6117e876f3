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

    /// <summary>Letters of the join's end that an inflection ending may replace.</summary>
    private const int MaximumStrip = 4;

    public string Rule => "split-word";

    public IReadOnlyList<TextEdit> Find(RepairContext context)
    {
        var english = context.Dictionaries.English;
        if (english is null)
        {
            return [];
        }

        var text = context.Text;
        var words = context.Words;
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
                || RepairText.IsMarked(text, first) || RepairText.IsMarked(text, second)
                || context.Dictionaries.IsEnglishWord(first.Value)
                || !EnglishContextBefore(context, words, i))
            {
                continue;
            }

            var joined = first.Value + second.Value;
            var secondIsWord = context.Dictionaries.IsEnglishWord(second.Value);
            var repaired = !secondIsWord
                ? (english.Spell(joined) ? joined : null)
                : english.Spell(joined) ? null : InflectionFix(english, first.Value, joined, suffixes);
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

    /// <summary>
    /// The join with its ending replaced by an inflection ending ("monitorder" → monitor + "ed"): the one
    /// English word closest to the join (at most two edits), keeping the first part; null when none or a tie.
    /// </summary>
    private static string? InflectionFix(Hunspell english, string first, string joined, IReadOnlyList<string> suffixes)
    {
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        for (var cut = 1; cut <= MaximumStrip && joined.Length - cut >= first.Length; cut++)
        {
            var stem = joined[..^cut];
            foreach (var suffix in suffixes)
            {
                var candidate = stem + suffix;
                if (candidate.Length >= joined.Length - 1 && EditDistance.Damerau(candidate, joined) <= MaximumDistance
                    && english.Spell(candidate))
                {
                    candidates.Add(candidate);
                }
            }
        }

        var ranked = candidates.GroupBy(c => EditDistance.Damerau(c, joined)).OrderBy(g => g.Key).FirstOrDefault()?.ToList();
        return ranked is { Count: 1 } ? ranked[0] : null;
    }

    /// <summary>The word before is English (or there is none): the text around is English, not Latin filler or a quote in another language.</summary>
    internal static bool EnglishContextBefore(RepairContext context, IReadOnlyList<WordToken> words, int index) =>
        index == 0 || context.Text.AsSpan(words[index - 1].End, words[index].Start - words[index - 1].End).Contains('\n')
        || context.Dictionaries.IsEnglishWord(words[index - 1].Value);
}
