using Normalize.Core.Pipeline;

namespace Normalize.Core;

/// <summary>The limits of the cleaning run in progress (not part of the record; see <see cref="ArticleBudget"/>).</summary>
public sealed partial class Article
{
    /// <summary>The size limits the stages read.</summary>
    public ArticleBudget Budget { get; internal set; } = ArticleBudget.Unlimited;

    /// <summary>The time left for this article's stages; they call <see cref="Deadline.Check"/> in their loops.</summary>
    public Deadline Deadline { get; internal set; } = Deadline.None;

    /// <summary>
    /// The paragraphs of <see cref="Text"/> longer than <see cref="ArticleBudget.MaxParagraphChars"/>, in text order.
    /// With <paramref name="stage"/>, a warning for each says that stage leaves it as it was.
    /// </summary>
    public IReadOnlyList<(int Start, int End)> OverlongParagraphs(string? stage = null)
    {
        if (Text.Length <= Budget.MaxParagraphChars)
        {
            return [];
        }

        var ranges = new List<(int Start, int End)>();
        var index = 0;
        for (var start = 0; start <= Text.Length; index++)
        {
            var end = Text.IndexOf("\n\n", start, StringComparison.Ordinal);
            end = end < 0 ? Text.Length : end;
            if (end - start > Budget.MaxParagraphChars)
            {
                ranges.Add((start, end));
                if (stage is not null)
                {
                    Warnings.Add($"{stage} stage: paragraph {index + 1} ({end - start:N0} characters) is over the {Budget.MaxParagraphChars:N0}-character paragraph budget; left as it was");
                }
            }

            start = end + 2;
        }

        return ranges;
    }
}
