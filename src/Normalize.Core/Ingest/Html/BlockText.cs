using System.Text;

namespace Normalize.Core.Ingest.Html;

/// <summary>Renders live <see cref="DomNode"/>s as text with a paragraph break at every block element.</summary>
internal static partial class BlockText
{
    /// <summary>Paragraphs separated by a blank line, as <see cref="TextLayout.ToParagraphs"/> gives them.</summary>
    public static string Render(IEnumerable<DomNode> roots)
    {
        var output = new StringBuilder();
        foreach (var root in roots.Where(r => !r.Removed))
        {
            Append(root, output, lineBreaks: true);
        }

        return TextLayout.ToParagraphs(output.ToString());
    }

    /// <summary>The text of one subtree on one line (also of a removed one, to record what was removed).</summary>
    public static string OneLine(DomNode node)
    {
        var output = new StringBuilder();
        Append(node, output, lineBreaks: false);
        return Whitespace().Replace(output.ToString(), " ").Trim();
    }

    private static void Append(DomNode root, StringBuilder output, bool lineBreaks)
    {
        var separator = lineBreaks ? '\n' : ' ';
        var stack = new Stack<(DomNode Node, bool Closing)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, closing) = stack.Pop();
            if (node.Removed && node != root)
            {
                continue;
            }

            if (node.IsText)
            {
                output.Append(node.Text);
                continue;
            }

            var block = DomBuilder.BlockTags.Contains(node.Tag);
            var cell = node.Tag is "td" or "th";
            if (closing)
            {
                output.Append(cell ? ' ' : separator);
                continue;
            }

            if (block)
            {
                output.Append(cell ? ' ' : separator);
                stack.Push((node, true));
            }

            if (node.Tag == "img" && output.Length > 0 && output[^1] != ' ')
            {
                // An image between two words separates them.
                output.Append(' ');
            }

            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push((node.Children[i], false));
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Whitespace();
}

/// <summary>Plain one-line text of a subtree.</summary>
internal static class PlainText
{
    public static string Of(DomNode node) => BlockText.OneLine(node);
}
