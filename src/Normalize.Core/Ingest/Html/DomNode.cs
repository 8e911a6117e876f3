using HtmlAgilityPack;

namespace Normalize.Core.Ingest.Html;

/// <summary>
/// A compact copy of the parsed page that the extractor scores and prunes: elements that never
/// hold article text are left out when it is built, text is entity-decoded and whitespace-collapsed,
/// and per-subtree counts are kept on each node. The HtmlAgilityPack document is never changed.
/// </summary>
internal sealed class DomNode
{
    private DomNode(string tag, DomNode? parent, HtmlNode? source, string? text)
    {
        Tag = tag;
        Parent = parent;
        Source = source;
        Text = text;
        Depth = parent is null ? 0 : parent.Depth + 1;
        Children = text is null ? [] : Empty;
    }

    private static readonly List<DomNode> Empty = [];

    /// <summary>Lower-case tag name, or "#text".</summary>
    public string Tag { get; }

    /// <summary>Decoded, whitespace-collapsed text of a text node; null for elements.</summary>
    public string? Text { get; }

    public bool IsText => Text is not null;

    public DomNode? Parent { get; }

    public HtmlNode? Source { get; }

    public int Depth { get; }

    public List<DomNode> Children { get; }

    /// <summary>Lower-case "class id" of the element, for hint matching.</summary>
    public string ClassAndId { get; private init; } = "";

    public bool Removed { get; set; }

    /// <summary>Why the extractor took this subtree out (recorded on the article).</summary>
    public string? RemovalReason { get; set; }

    /// <summary>Characters of text in the subtree (text nodes' collapsed lengths).</summary>
    public int TextLength { get; set; }

    /// <summary>Characters of text inside links, weighted 0.3 for in-page "#" links.</summary>
    public double LinkLength { get; set; }

    public int Commas { get; set; }

    public double Score { get; set; }

    public bool HasScore { get; set; }

    public bool IsDataTable { get; set; }

    /// <summary>Tag counts and nested text lengths of the descendants, for the clean-up of the chosen content.</summary>
    public SubtreeCounts Counts;

    /// <summary>Whether a descendant is a block that keeps a div from being read as one paragraph.</summary>
    public bool ContainsBreaker { get; set; }

    public double LinkDensity => TextLength == 0 ? 0 : LinkLength / TextLength;

    public static DomNode CreateRoot(HtmlNode source) => new("#root", null, source, null);

    public DomNode AddElement(string tag, HtmlNode source, string classAndId)
    {
        var node = new DomNode(tag, this, source, null) { ClassAndId = classAndId };
        Children.Add(node);
        return node;
    }

    public void AddText(string text)
    {
        Children.Add(new DomNode("#text", this, null, text));
    }

    public string Attribute(string name) => Source?.GetAttributeValue(name, "") ?? "";

    public bool HasAncestor(string tag, int maxDepth = int.MaxValue)
    {
        var depth = 0;
        for (var node = Parent; node is not null && depth < maxDepth; node = node.Parent, depth++)
        {
            if (node.Tag == tag)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Live descendants in document order, without recursion (trees can be thousands deep).</summary>
    public IEnumerable<DomNode> Descendants()
    {
        var stack = new Stack<(DomNode Node, int Index)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, index) = stack.Pop();
            if (index >= node.Children.Count)
            {
                continue;
            }

            stack.Push((node, index + 1));
            var child = node.Children[index];
            if (child.Removed)
            {
                continue;
            }

            yield return child;
            if (child.Children.Count > 0)
            {
                stack.Push((child, 0));
            }
        }
    }

    public override string ToString() => IsText ? $"\"{Text}\"" : $"<{Tag} {ClassAndId}>";
}

/// <summary>What a subtree holds below its root: element counts and text inside kinds of elements (outermost only).</summary>
internal struct SubtreeCounts
{
    public int Paragraphs;
    public int Images;
    public int Items;
    public int Inputs;
    public int Embeds;
    public int DataTables;
    public int HeadingText;
    public int TextishText;
    public int ListText;
}
