using System.Text;

namespace Normalize.Core.Ingest.Html;

/// <summary>
/// Cuts what never renders as text out of the markup before parsing: scripts (except JSON-LD,
/// which holds metadata), styles, comments and inline SVG. On news pages that is about half of
/// the bytes, and the parser would otherwise walk it character by character.
/// </summary>
internal static class InertMarkup
{
    private static readonly (string Tag, string CloseTag)[] Tags = [("script", "</script"), ("style", "</style"), ("svg", "</svg")];

    public static string Strip(string html)
    {
        StringBuilder? kept = null;
        var copiedUpTo = 0;
        var index = html.IndexOf('<');
        while (index >= 0 && index < html.Length - 1)
        {
            var next = html[index + 1];
            var end = next is 's' or 'S' or '!' ? InertEnd(html, index) : -1;
            if (end < 0)
            {
                index = html.IndexOf('<', index + 1);
                continue;
            }

            kept ??= new StringBuilder(html.Length);
            kept.Append(html, copiedUpTo, index - copiedUpTo);
            copiedUpTo = end;
            index = end < html.Length ? html.IndexOf('<', end) : -1;
        }

        if (kept is null)
        {
            return html;
        }

        kept.Append(html, copiedUpTo, html.Length - copiedUpTo);
        return kept.ToString();
    }

    /// <summary>Where the inert element that starts at <paramref name="start"/> ends, or -1 when none starts there.</summary>
    private static int InertEnd(string html, int start)
    {
        var rest = html.AsSpan(start);
        if (rest.StartsWith("<!--", StringComparison.Ordinal))
        {
            var close = html.IndexOf("-->", start + 4, StringComparison.Ordinal);
            return close < 0 ? html.Length : close + 3;
        }

        foreach (var (tag, closeTag) in Tags)
        {
            if (!IsStartTag(rest, tag))
            {
                continue;
            }

            var openEnd = html.IndexOf('>', start);
            if (openEnd < 0)
            {
                return html.Length;
            }

            if (tag == "script" && html.AsSpan(start, openEnd - start).Contains("ld+json", StringComparison.OrdinalIgnoreCase))
            {
                return -1;
            }

            var close = html.AsSpan(openEnd).IndexOf(closeTag, StringComparison.OrdinalIgnoreCase);
            if (close < 0)
            {
                return html.Length;
            }

            var closeEnd = html.IndexOf('>', openEnd + close);
            return closeEnd < 0 ? html.Length : closeEnd + 1;
        }

        return -1;
    }

    private static bool IsStartTag(ReadOnlySpan<char> text, string tag)
    {
        if (text.Length < tag.Length + 2 || !text[1..].StartsWith(tag, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var next = text[tag.Length + 1];
        return next is '>' or '/' || char.IsWhiteSpace(next);
    }
}
