namespace Normalize.Core.Repair.Detectors;

/// <summary>
/// Source-language words still in the text after repair: lower-case words that are not English but
/// are words of the source language's dictionary; and, when no source language is known, pack
/// words of a language that the evidence was too weak to apply ("a VN panel": possibly Dutch UN).
/// </summary>
public sealed class LeftoverDetector : IGarbleDetector
{
    private const int MinimumWordLength = 4;

    public void Detect(RepairContext context, IReadOnlyList<SentenceRange> sentences)
    {
        var text = context.Text;
        var english = context.Dictionaries.English;
        var source = context.SourceLanguage is { } language ? context.Dictionaries.For(language) : null;
        foreach (var sentence in sentences)
        {
            if (english is not null && source is not null)
            {
                foreach (var word in context.WordsIn(sentence))
                {
                    if (word.Value.Length >= MinimumWordLength && word.IsLowercaseWord
                        && !context.IsQuoted(word.Start, word.End)
                        && !context.Dictionaries.IsEnglishWord(word.Value) && source.Spell(word.Value))
                    {
                        context.Flag(sentence, FlagReasons.Leftover, 0.5, $"{context.SourceLanguage}: {word.Value}");
                    }
                }
            }

        }

        if (context.SourceLanguage is null)
        {
            foreach (var (packLanguage, pack) in context.Rules.Packs)
            {
                foreach (System.Text.RegularExpressions.Match m in PackMatcher.For(pack).Words.Matches(text))
                {
                    var sentence = RepairText.SentenceAt(sentences, m.Index);
                    if (sentence.End > sentence.Start && !context.IsQuoted(m.Index, m.Index + m.Length))
                    {
                        context.Flag(sentence, FlagReasons.PossibleLeftover, 0.3, $"{packLanguage}: {m.Value} = {pack.Words[m.Value]}");
                    }
                }
            }
        }
    }
}
