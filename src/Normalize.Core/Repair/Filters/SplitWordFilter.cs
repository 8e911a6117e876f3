namespace Normalize.Core.Repair.Filters;

/// <summary>
/// A word the translator split in two. Both parts lower-case, the first not an English word, and
/// either the second is not one either and their join is ("investig ated" → "investigated"), or the
/// second is a word, the join is not, and the join with its inflection ending fixed is — Hunspell's
/// suggestion, at most two letters apart ("monit order", Dutch "monitorde" → "monitored"). When both
/// the second part and the join are words ("cyber attack"), the split form is English too: no edit.
/// </summary>
public sealed class SplitWordFilter : EnglishDictionaryFilter
{
    private const int MinimumFirstPart = 4;
    private const int MinimumSecondPart = 3;
    private const int MaximumDistance = 2;

    /// <summary>Letters of the join's end that an inflection ending may replace.</summary>
    private const int MaximumStrip = 4;

    public override string Rule => "split-word";

    protected override void Find(RepairContext context, Hunspell english, List<TextEdit> edits)
    {
        var words = context.Words;
        var suffixes = context.Rules.English.InflectionSuffixes;
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var first = words[i];
            var second = words[i + 1];
            if (first.Value.Length < MinimumFirstPart || second.Value.Length < MinimumSecondPart
                || !IsPlainLowercasePair(context, first, second)
                || context.Dictionaries.IsEnglishWord(first.Value)
                || !EnglishContextBefore(context, words, i))
            {
                continue;
            }

            // A join longer than any dictionary word (a fuzzed or garbled giant token) cannot be confirmed;
            // skipping it keeps the edit-distance work below bounded by word length, not token length.
            if (first.Value.Length + second.Value.Length > Hunspell.MaximumWordLength)
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
                if (candidate.Length >= joined.Length - 1 && english.Spell(candidate)
                    && EditDistance.Damerau(candidate, joined) <= MaximumDistance)
                {
                    candidates.Add(candidate);
                }
            }
        }

        var ranked = candidates.GroupBy(c => EditDistance.Damerau(c, joined)).OrderBy(g => g.Key).FirstOrDefault()?.ToList();
        return ranked is { Count: 1 } ? ranked[0] : null;
    }
}
