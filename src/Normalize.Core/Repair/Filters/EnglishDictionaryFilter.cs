namespace Normalize.Core.Repair.Filters;

/// <summary>
/// A filter that needs the English dictionary: without it the filter finds nothing (the command line
/// has already said which repairs are off). Subclasses add their edits for the current text.
/// </summary>
public abstract class EnglishDictionaryFilter : IRepairFilter
{
    public abstract string Rule { get; }

    public IReadOnlyList<TextEdit> Find(RepairContext context)
    {
        if (context.Dictionaries.English is not { } english)
        {
            return [];
        }

        var edits = new List<TextEdit>();
        Find(context, english, edits);
        return edits;
    }

    protected abstract void Find(RepairContext context, Hunspell english, List<TextEdit> edits);

    /// <summary>
    /// Two lower-case words one space apart, outside quotes and without Apertium's unknown-word marks:
    /// the only place a split or cut word is repaired.
    /// </summary>
    protected static bool IsPlainLowercasePair(RepairContext context, WordToken left, WordToken right) =>
        left.IsLowercaseWord && right.IsLowercaseWord
        && RepairText.SingleSpaceBetween(context.Text, left, right)
        && !context.IsQuoted(left.Start, right.End)
        && !RepairText.IsMarked(context.Text, left) && !RepairText.IsMarked(context.Text, right);

    /// <summary>The word before is English (or there is none): the text around is English, not Latin filler or a quote in another language.</summary>
    protected static bool EnglishContextBefore(RepairContext context, IReadOnlyList<WordToken> words, int index) =>
        index == 0 || context.Text.AsSpan(words[index - 1].End, words[index].Start - words[index - 1].End).Contains('\n')
        || context.Dictionaries.IsEnglishWord(words[index - 1].Value);
}
