namespace Normalize.Core.Repair.Detectors;

/// <summary>
/// A sentence that repeats itself: the same two words twice, a few words apart, with nothing between
/// that makes a parallel construction — no punctuation, conjunction or subordinator ("forbidden to
/// receive UN member states to receive weapons"). Pairs that start or end with a determiner
/// ("the task … the task"), a joiner, an auxiliary or a pronoun ("to be … to be"), or a name
/// ("New Zealand … New Zealand") are ordinary English.
/// </summary>
public sealed class RepetitionDetector : IGarbleDetector
{
    private const int MaximumGap = 5;

    private static readonly HashSet<string> Joiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "but", "nor", "than", "as", "then", "because", "while", "when", "if", "that", "so",
        "where", "which", "who", "whom", "whose", "until", "unless", "into", "onto", "with", "versus", "vs",
        "what", "how", "why",
    };

    /// <summary>Auxiliaries and pronouns: "to be … to be", "you have … you have" repeat in plain English.</summary>
    private static readonly HashSet<string> Light = new(StringComparer.OrdinalIgnoreCase)
    {
        "be", "been", "being", "have", "has", "had", "do", "does", "did", "is", "are", "was", "were", "will",
        "would", "can", "could", "should", "may", "might", "must", "going", "i", "you", "he", "she", "it", "we",
        "they", "me", "him", "them", "us", "of", "in", "on", "at", "for", "per",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "your", "my",
        "some", "each", "every", "any", "no",
    };

    public void Detect(RepairContext context, IReadOnlyList<SentenceRange> sentences)
    {
        var text = context.Text;
        foreach (var sentence in sentences)
        {
            var words = context.WordsIn(sentence);
            for (var i = 0; i + 1 < words.Count; i++)
            {
                var (a, b) = (words[i].Value, words[i + 1].Value);
                if (!words[i].IsLowercaseWord || !words[i + 1].IsLowercaseWord
                    || Determiners.Contains(a) || Determiners.Contains(b) || Joiners.Contains(a) || Joiners.Contains(b)
                    || Light.Contains(a) || Light.Contains(b)
                    || !RepairText.SingleSpaceBetween(text, words[i], words[i + 1]))
                {
                    continue;
                }

                for (var j = i + 3; j + 1 < words.Count && j - (i + 2) <= MaximumGap; j++)
                {
                    if (words[j].Value != a || words[j + 1].Value != b || !RepairText.SingleSpaceBetween(text, words[j], words[j + 1]))
                    {
                        continue;
                    }

                    var between = text[words[i + 1].End..words[j].Start];
                    var plain = between.All(c => char.IsLetterOrDigit(c) || c == ' ' || c == '-' || c == '\'' || c == '’');
                    if (plain && !words.Skip(i + 2).Take(j - i - 2).Any(w => Joiners.Contains(w.Value)))
                    {
                        context.Flag(sentence, FlagReasons.Repetition, 0.5, a + " " + b);
                    }
                }
            }
        }
    }
}
