namespace Normalize.Core.Repair.Filters;

/// <summary>
/// A clause-opening participle that a translator joined to the previous clause with its capital kept:
/// "the US magazine Time Citing the …" → "Time citing the …". Only the participles the data lists,
/// only right after a capitalised word and before a lower-case one, never in a title-cased line; the
/// sentence is also flagged, since such a join comes with foreign word order.
/// </summary>
public sealed class ClauseJoinCapitalFilter : IRepairFilter
{
    public string Rule => "clause-join-capital";

    public IReadOnlyList<TextEdit> Find(RepairContext context)
    {
        var openers = context.Rules.English.ClauseOpeners.ToHashSet(StringComparer.Ordinal);
        var text = context.Text;
        var edits = new List<TextEdit>();
        foreach (var sentence in context.Sentences)
        {
            var words = context.WordsIn(sentence);
            if (RepairText.LooksTitleCased(words))
            {
                continue;
            }

            for (var i = 1; i + 1 < words.Count; i++)
            {
                var word = words[i];
                if (!word.IsCapitalized || !openers.Contains(word.Value.ToLowerInvariant())
                    || !char.IsUpper(words[i - 1].Value[0])
                    || !char.IsLower(words[i + 1].Value[0])
                    || !RepairText.SingleSpaceBetween(text, words[i - 1], word)
                    || !RepairText.SingleSpaceBetween(text, word, words[i + 1])
                    || context.IsQuoted(word.Start, word.End))
                {
                    continue;
                }

                edits.Add(new TextEdit(word.Start, 1, char.ToLowerInvariant(word.Value[0]).ToString(), Rule));
                context.Flag(sentence, FlagReasons.ClauseJoin, 0.6, word.Value);
            }
        }

        return edits;
    }
}
