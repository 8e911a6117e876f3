namespace Normalize.Core.Translation.Azure;

/// <summary>The Translator's request limits: texts split at sentence ends, requests cut by elements and characters.</summary>
public static class TranslatorLimits
{
    /// <summary>
    /// The text in pieces of at most <paramref name="maxCharacters"/>: cut after a sentence end (". ", "! ", "? ",
    /// "\n") where one is, else after a space, else anywhere (never inside a surrogate pair).
    /// </summary>
    public static IEnumerable<string> Split(string text, int maxCharacters)
    {
        var start = 0;
        while (text.Length - start > maxCharacters)
        {
            var limit = start + maxCharacters;
            var cut = LastCut(text, start, limit, sentence: true);
            if (cut <= start)
            {
                cut = LastCut(text, start, limit, sentence: false);
            }

            if (cut <= start)
            {
                cut = char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
            }

            yield return text[start..cut];
            start = cut;
        }

        yield return text[start..];
    }

    private static int LastCut(string text, int start, int limit, bool sentence)
    {
        for (var i = limit; i > start; i--)
        {
            // A cut at i keeps text[start..i], which ends with the whitespace after the sentence.
            var previous = text[i - 1];
            if (sentence && char.IsWhiteSpace(previous) && i - 2 >= start && text[i - 2] is '.' or '!' or '?' or '\n')
            {
                return i;
            }

            if (sentence && previous == '\n')
            {
                return i;
            }

            if (!sentence && char.IsWhiteSpace(previous))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Consecutive groups of at most <paramref name="maxElements"/> texts and <paramref name="maxCharacters"/> characters.</summary>
    public static IEnumerable<IReadOnlyList<string>> Batches(IReadOnlyList<string> texts, int maxElements, int maxCharacters)
    {
        var batch = new List<string>();
        var characters = 0;
        foreach (var text in texts)
        {
            if (batch.Count > 0 && (batch.Count >= maxElements || characters + text.Length > maxCharacters))
            {
                yield return batch;
                batch = [];
                characters = 0;
            }

            batch.Add(text);
            characters += text.Length;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
