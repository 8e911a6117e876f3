using System.Text;

namespace Normalize.Core.Ingest;

/// <summary>
/// Raw text to the corpus layout: one paragraph per block, paragraphs separated by a blank line.
/// Layout is not an edit of the content, so it is not logged as a change.
/// </summary>
public static class TextLayout
{
    /// <summary>
    /// Each non-empty line is a paragraph, except a hard-wrapped continuation (the line before
    /// ends without sentence punctuation and this one starts in lower case), which is joined.
    /// </summary>
    public static string ToParagraphs(string raw)
    {
        var paragraphs = new List<string>();
        StringBuilder? current = null;
        foreach (var rawLine in SplitLines(raw))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (current is not null && IsContinuation(current, line))
            {
                current.Append(' ').Append(line);
                continue;
            }

            Flush();
            current = new StringBuilder(line);
        }

        Flush();
        return string.Join("\n\n", paragraphs);

        void Flush()
        {
            if (current is not null)
            {
                paragraphs.Add(current.ToString());
                current = null;
            }
        }
    }

    public static IEnumerable<string> SplitLines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085')
            {
                yield return text[start..i];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static bool IsContinuation(StringBuilder previous, string line)
    {
        var last = previous[^1];
        return char.IsLower(line[0]) && char.IsLetterOrDigit(last) && previous.Length > 40;
    }
}
