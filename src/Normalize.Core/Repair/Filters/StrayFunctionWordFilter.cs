namespace Normalize.Core.Repair.Filters;

/// <summary>
/// A function word left between an adjective and its plural noun: "has sent large it quantities"
/// → "has sent large quantities". Strong evidence only: the adjective is one the data lists for that
/// word, the next word is a lower-case English plural, nothing before the adjective makes it end a
/// clause ("so large it could"), and the sentence is not flagged as garbled.
/// </summary>
public sealed class StrayFunctionWordFilter : EnglishDictionaryFilter
{
    public override string Rule => "stray-function-word";

    protected override void Find(RepairContext context, Hunspell english, List<TextEdit> edits)
    {
        var text = context.Text;
        var words = context.Words;
        foreach (var stray in context.Rules.English.StrayWords)
        {
            for (var i = 1; i + 1 < words.Count; i++)
            {
                var adjective = words[i - 1];
                var word = words[i];
                var noun = words[i + 1];
                if (word.Value != stray.Word
                    || !stray.After.Contains(adjective.Value, StringComparer.Ordinal)
                    || i >= 2 && stray.NotAfter.Contains(words[i - 2].Value.ToLowerInvariant(), StringComparer.Ordinal)
                    || !noun.IsLowercaseWord || noun.Value.Length < 4 || !noun.Value.EndsWith('s')
                    || !english.Spell(noun.Value)
                    || !RepairText.SingleSpaceBetween(text, adjective, word)
                    || !RepairText.SingleSpaceBetween(text, word, noun)
                    || context.IsGarbled(word.Start))
                {
                    continue;
                }

                edits.Add(new TextEdit(word.Start, noun.Start - word.Start, "", Rule));
            }
        }
    }
}
