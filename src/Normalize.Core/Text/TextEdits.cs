namespace Normalize.Core;

/// <summary>One replacement of <c>Length</c> characters at <c>Start</c> by <c>Replacement</c>.</summary>
public readonly record struct TextEdit(int Start, int Length, string Replacement, string Rule)
{
    public int End => Start + Length;
}

/// <summary>
/// Applies edits to an article's text: records each as a <see cref="Change"/> and shifts the
/// offsets of spans found by earlier stages, the way Lucene's CharFilter keeps offsets honest.
/// </summary>
public static class TextEdits
{
    /// <summary>
    /// Applies non-overlapping edits (any order). Overlapping edits are a bug in the stage
    /// and throw. Returns the number applied.
    /// </summary>
    public static int Apply(Article article, string stage, IEnumerable<TextEdit> edits)
    {
        var sorted = edits.Where(e => !IsNoOp(article.Text, e)).OrderBy(e => e.Start).ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }

        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Start < sorted[i - 1].End)
            {
                throw new InvalidOperationException(
                    $"Stage '{stage}' produced overlapping edits at {sorted[i - 1].Start} and {sorted[i].Start}.");
            }
        }

        var text = article.Text;
        var builder = new System.Text.StringBuilder(text.Length);
        var position = 0;
        foreach (var edit in sorted)
        {
            builder.Append(text, position, edit.Start - position);
            builder.Append(edit.Replacement);
            position = edit.End;
            article.Changes.Add(new Change(stage, edit.Rule, text[edit.Start..edit.End], edit.Replacement));
        }

        builder.Append(text, position, text.Length - position);
        var map = new OffsetMap(sorted);
        ShiftSpans(article, map);
        article.Text = builder.ToString();
        RemapParagraphLanguages(article, text, sorted, map);
        return sorted.Count;
    }

    /// <summary>
    /// Keeps <see cref="Article.ParagraphLanguages"/> parallel to the paragraphs when an edit removed or split one:
    /// each paragraph takes the language of the old paragraph its start came from.
    /// </summary>
    private static void RemapParagraphLanguages(Article article, string oldText, List<TextEdit> sorted, OffsetMap map)
    {
        var languages = article.ParagraphLanguages;
        var newStarts = ParagraphStarts(article.Text);
        if (languages.Count == 0 || (languages.Count == newStarts.Count && sorted.All(e => !e.Replacement.Contains("\n\n") && !oldText.AsSpan(e.Start, e.Length).Contains("\n\n", StringComparison.Ordinal))))
        {
            return;
        }

        var oldStarts = ParagraphStarts(oldText).Select(s => map.Map(s, isEnd: false)).ToList();
        var remapped = new List<string>(newStarts.Count);
        var j = 0;
        foreach (var start in newStarts)
        {
            while (j + 1 < oldStarts.Count && j + 1 < languages.Count && oldStarts[j + 1] <= start)
            {
                j++;
            }

            remapped.Add(languages[Math.Min(j, languages.Count - 1)]);
        }

        languages.Clear();
        languages.AddRange(remapped);
    }

    private static List<int> ParagraphStarts(string text)
    {
        var starts = new List<int>();
        if (text.Length == 0)
        {
            return starts;
        }

        starts.Add(0);
        for (var i = text.IndexOf("\n\n", StringComparison.Ordinal); i >= 0; i = text.IndexOf("\n\n", i + 2, StringComparison.Ordinal))
        {
            starts.Add(i + 2);
        }

        return starts;
    }

    /// <summary>Replaces the whole text without a change record: layout only, used by ingest.</summary>
    public static void SetLayout(Article article, string text) => article.Text = text;

    private static bool IsNoOp(string text, TextEdit edit) =>
        string.CompareOrdinal(text, edit.Start, edit.Replacement, 0, Math.Max(edit.Length, edit.Replacement.Length)) == 0
        && edit.Length == edit.Replacement.Length;

    private static void ShiftSpans(Article article, OffsetMap map)
    {
        IEnumerable<ISpan> spans = article.Entities.Cast<ISpan>()
            .Concat(article.Quantities)
            .Concat(article.Dates);
        foreach (var span in spans)
        {
            span.Start = map.Map(span.Start, isEnd: false);
            span.End = map.Map(span.End, isEnd: true);
        }
    }
}

/// <summary>
/// Maps offsets of a text to the text after a list of edits (sorted by start, not overlapping); an offset
/// inside an edit snaps to its edge. A binary search per offset, so mapping every span of an article with
/// thousands of edits stays linear-logarithmic.
/// </summary>
internal sealed class OffsetMap
{
    private readonly List<TextEdit> _sorted;

    /// <summary>The length change of the edits before index i.</summary>
    private readonly int[] _deltaBefore;

    public OffsetMap(List<TextEdit> sorted)
    {
        _sorted = sorted;
        _deltaBefore = new int[sorted.Count + 1];
        for (var i = 0; i < sorted.Count; i++)
        {
            _deltaBefore[i + 1] = _deltaBefore[i] + sorted[i].Replacement.Length - sorted[i].Length;
        }
    }

    public int Map(int offset, bool isEnd)
    {
        // The edits wholly before the offset are a prefix of the sorted list (for a start, an insertion
        // right at the offset comes after it).
        int low = 0, high = _sorted.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var edit = _sorted[middle];
            if (edit.End <= offset && !(edit.Length == 0 && edit.Start == offset && !isEnd))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var delta = _deltaBefore[low];
        if (low < _sorted.Count && _sorted[low].Start < offset)
        {
            // Inside an edited region: a span end extends over the replacement, a start stays at its start.
            var inside = _sorted[low];
            return isEnd ? inside.Start + delta + inside.Replacement.Length : inside.Start + delta;
        }

        return offset + delta;
    }
}
