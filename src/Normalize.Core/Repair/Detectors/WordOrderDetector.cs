namespace Normalize.Core.Repair.Detectors;

/// <summary>
/// Foreign (German/Dutch) word order that English never has: a finite verb right after an opening
/// time adverbial with a name as subject ("Last month gave North Korea …"), and a quoting verb with
/// its subject after it ("the agency quotes UPI the minister"). Flags only.
/// </summary>
public sealed class WordOrderDetector : IGarbleDetector
{
    public void Detect(RepairContext context, IReadOnlyList<SentenceRange> sentences)
    {
        var facts = context.Rules.English;
        var openers = facts.TimeOpeners.Select(o => o.Split(' ')).ToList();
        var movedVerbs = facts.MovedVerbs.ToHashSet(StringComparer.Ordinal);
        var quoteVerbs = facts.QuoteVerbs.ToHashSet(StringComparer.Ordinal);
        var determiners = facts.Determiners.ToHashSet(StringComparer.Ordinal);
        var text = context.Text;
        foreach (var sentence in sentences)
        {
            var words = context.WordsIn(sentence);
            if (words.Count < 4 || RepairText.LooksTitleCased(words))
            {
                continue;
            }

            foreach (var opener in openers)
            {
                var n = opener.Length;
                if (words.Count > n + 1
                    && StartsWith(words, opener)
                    && text[words[n - 1].End] == ' '
                    && movedVerbs.Contains(words[n].Value)
                    && char.IsUpper(words[n + 1].Value[0]))
                {
                    context.Flag(sentence, FlagReasons.VerbSecond, 0.5, $"{string.Join(' ', opener)} {words[n].Value} {words[n + 1].Value}");
                }
            }

            for (var i = 0; i + 2 < words.Count; i++)
            {
                if (quoteVerbs.Contains(words[i].Value)
                    && char.IsUpper(words[i + 1].Value[0])
                    && determiners.Contains(words[i + 2].Value)
                    && RepairText.SingleSpaceBetween(text, words[i], words[i + 1])
                    && RepairText.SingleSpaceBetween(text, words[i + 1], words[i + 2]))
                {
                    context.Flag(sentence, FlagReasons.VerbSecond, 0.5, $"{words[i].Value} {words[i + 1].Value} {words[i + 2].Value}");
                }
            }
        }
    }

    /// <summary>The sentence opens with these words (any case).</summary>
    private static bool StartsWith(IReadOnlyList<WordToken> words, string[] opener)
    {
        for (var k = 0; k < opener.Length; k++)
        {
            if (!words[k].Value.Equals(opener[k], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
