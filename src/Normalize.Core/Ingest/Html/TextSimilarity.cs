namespace Normalize.Core.Ingest.Html;

/// <summary>Whether a heading in the page repeats the headline (so it is metadata, not body).</summary>
internal static class TextSimilarity
{
    /// <summary>
    /// True when at most a quarter of the heading's characters are in words the title does not
    /// have (a heading that is the title, or the title with a site name around it).
    /// </summary>
    public static bool IsSameHeadline(string title, string heading)
    {
        if (title.Length == 0 || heading.Length == 0)
        {
            return false;
        }

        var titleWords = Words(title).ToHashSet(StringComparer.Ordinal);
        var headingWords = Words(heading).ToList();
        if (headingWords.Count == 0)
        {
            return false;
        }

        var total = headingWords.Sum(w => w.Length);
        var foreign = headingWords.Where(w => !titleWords.Contains(w)).Sum(w => w.Length);
        return foreign / (double)total <= 0.25;
    }

    public static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}
