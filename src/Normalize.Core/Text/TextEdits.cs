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
        ShiftSpans(article, sorted);
        article.Text = builder.ToString();
        RemapParagraphLanguages(article, text, sorted);
        return sorted.Count;
    }

    /// <summary>
    /// Keeps <see cref="Article.ParagraphLanguages"/> parallel to the paragraphs when an edit removed or split one:
    /// each paragraph takes the language of the old paragraph its start came from.
    /// </summary>
    private static void RemapParagraphLanguages(Article article, string oldText, List<TextEdit> sorted)
    {
        var languages = article.ParagraphLanguages;
        var newStarts = ParagraphStarts(article.Text);
        if (languages.Count == 0 || (languages.Count == newStarts.Count && sorted.All(e => !e.Replacement.Contains("\n\n") && !oldText.AsSpan(e.Start, e.Length).Contains("\n\n", StringComparison.Ordinal))))
        {
            return;
        }

        var oldStarts = ParagraphStarts(oldText).Select(s => MapOffset(s, sorted, isEnd: false)).ToList();
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

    private static void ShiftSpans(Article article, List<TextEdit> sorted)
    {
        IEnumerable<ISpan> spans = article.Entities.Cast<ISpan>()
            .Concat(article.Quantities)
            .Concat(article.Dates);
        foreach (var span in spans)
        {
            span.Start = MapOffset(span.Start, sorted, isEnd: false);
            span.End = MapOffset(span.End, sorted, isEnd: true);
        }
    }

    /// <summary>Maps an offset in the old text to the new text; offsets inside an edit snap to its edge.</summary>
    internal static int MapOffset(int offset, List<TextEdit> sorted, bool isEnd)
    {
        var delta = 0;
        foreach (var edit in sorted)
        {
            if (edit.End <= offset && !(edit.Length == 0 && edit.Start == offset && !isEnd))
            {
                delta += edit.Replacement.Length - edit.Length;
                continue;
            }

            if (edit.Start < offset)
            {
                // Inside an edited region: a span end extends over the replacement, a start stays at its start.
                return isEnd ? edit.Start + delta + edit.Replacement.Length : edit.Start + delta;
            }

            break;
        }

        return offset + delta;
    }
}
