namespace Normalize.Core;

/// <summary>What the language stage found: the language of each paragraph and of the title.</summary>
public sealed partial class Article
{
    /// <summary>The language the input declared (JSONL "lang", &lt;html lang&gt;): evidence, not truth.</summary>
    public string? DeclaredLanguage { get; set; }

    /// <summary>
    /// The identified language of each paragraph of <see cref="Text"/> (parallel to <see cref="Paragraphs"/>);
    /// empty when the language stage did not run. A stage that translates a paragraph sets its entry to "en".
    /// </summary>
    public List<string> ParagraphLanguages { get; } = [];

    /// <summary>The identified language of the title (null: not identified, take <see cref="Language"/>).</summary>
    public string? TitleLanguage { get; set; }

    /// <summary>
    /// Whether rules written for English may touch the paragraph at <paramref name="index"/>. Without
    /// identification every paragraph has the article's language.
    /// </summary>
    public bool IsEnglishParagraph(int index) =>
        IsEnglish(ParagraphLanguages.Count > index ? ParagraphLanguages[index] : Language);

    /// <summary>Whether rules written for English may touch the title.</summary>
    public bool IsEnglishTitle => IsEnglish(TitleLanguage ?? Language);

    /// <summary>The [start, end) ranges of <see cref="Text"/> whose paragraph is not English, with that language.</summary>
    public IReadOnlyList<(int Start, int End, string Language)> NonEnglishRanges()
    {
        var ranges = new List<(int, int, string)>();
        var start = 0;
        var index = 0;
        while (start <= Text.Length)
        {
            var end = Text.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0)
            {
                end = Text.Length;
            }

            if (!IsEnglishParagraph(index))
            {
                ranges.Add((start, end, ParagraphLanguages.Count > index ? ParagraphLanguages[index] : Language));
            }

            index++;
            start = end + 2;
        }

        return ranges;
    }

    /// <summary>Whether offset <paramref name="position"/> of <see cref="Text"/> lies in a paragraph that is not English.</summary>
    public static bool InRanges(IReadOnlyList<(int Start, int End, string Language)> ranges, int position)
    {
        // Ranges in text order, not overlapping (as NonEnglishRanges gives them): a binary search, since
        // callers ask once per word or edit and an article may have thousands of paragraphs.
        int low = 0, high = ranges.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (ranges[middle].End <= position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low < ranges.Count && position >= ranges[low].Start && position < ranges[low].End;
    }

    private static bool IsEnglish(string language) =>
        language.Length >= 2 && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) && (language.Length == 2 || language[2] == '-');
}
