namespace Normalize.Core.Repair.Detectors;

/// <summary>
/// A paragraph cut by a site's teaser truncation: "… to Dunay, Russia, by a Russ…". It ends in an
/// ellipsis glued to a word, and is the last paragraph, or the word is not a whole English word, or
/// the paragraph is long (a writer's trailing-off ellipsis closes a short line or a quote).
/// </summary>
public sealed class TeaserCutDetector : IGarbleDetector
{
    private const int LongParagraphWords = 30;

    public void Detect(RepairContext context, IReadOnlyList<SentenceRange> sentences)
    {
        var text = context.Text;
        var english = context.Dictionaries.English;
        var lastParagraphStart = text.TrimEnd().LastIndexOf("\n\n", StringComparison.Ordinal);
        foreach (var sentence in sentences)
        {
            var s = sentence.Of(text);
            var cut = s.EndsWith('…') ? 1 : s.EndsWith("...", StringComparison.Ordinal) && !s.EndsWith("....", StringComparison.Ordinal) ? 3 : 0;
            if (cut == 0 || s.Length <= cut || !char.IsLetter(s[^(cut + 1)]))
            {
                continue;
            }

            var paragraphEnds = sentence.End == text.Length || text[sentence.End] == '\n';
            if (!paragraphEnds)
            {
                continue;
            }

            var words = context.WordsIn(sentence);
            var last = words.Count > 0 ? words[^1].Value : "";
            var isLastParagraph = sentence.Start > lastParagraphStart;
            var wholeWord = english?.Spell(last) ?? true;
            var paragraphStart = text.LastIndexOf('\n', Math.Max(0, sentence.Start - 1)) + 1;
            var longParagraph = context.WordsIn(new SentenceRange(paragraphStart, sentence.End)).Count >= LongParagraphWords;
            if (isLastParagraph || !wholeWord || longParagraph)
            {
                context.Flag(sentence, FlagReasons.TeaserCut, wholeWord ? 0.5 : 0.8, last + s[^cut..]);
            }
        }
    }
}
