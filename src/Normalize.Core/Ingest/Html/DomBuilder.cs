using System.Net;
using System.Text;
using HtmlAgilityPack;

namespace Normalize.Core.Ingest.Html;

/// <summary>Copies the parsed page into a <see cref="DomNode"/> tree without recursion, leaving out chrome that never holds article text.</summary>
internal static class DomBuilder
{
    /// <summary>Elements that start a new block of text (a paragraph break before and after).</summary>
    public static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br", "option", "frameset", "noframes", "listing", "plaintext",
        "xmp", "dir", "#root",
    };

    /// <summary>Elements whose presence makes a div a container rather than a paragraph (as in Readability's div-to-p rule).</summary>
    public static readonly HashSet<string> ParagraphBreakers = new(StringComparer.Ordinal)
    {
        "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "section", "article", "figure", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "footer", "form", "main", "address", "hr",
    };

    private static readonly HashSet<string> NeverUnlikely = new(StringComparer.Ordinal) { "html", "body", "article", "main", "a" };

    /// <summary>What a page shows a reader who scrapes all of its text: chrome (nav, footer, asides, buttons) included, code and media left out.</summary>
    public static readonly HashSet<string> NeverTextTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "math", "head", "iframe", "object", "embed", "canvas", "audio",
        "video", "map", "link", "meta", "select", "textarea", "input",
    };

    /// <param name="removedTags">Tags left out with their subtree; null for the hints' (chrome included); <see cref="NeverTextTags"/> for a scraper's view.</param>
    public static DomNode Build(HtmlDocument document, HtmlHints hints, bool stripUnlikely, Deadline deadline, List<DomNode> all, HashSet<string>? removedTags = null)
    {
        var removed = removedTags ?? hints.RemovedTags;
        var useRoles = removedTags is null;
        var root = DomNode.CreateRoot(document.DocumentNode);

        // Pages repeat the same class names many times over: each is matched against the hints once.
        var unlikelyByClass = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool IsUnlikely(string classAndId)
        {
            if (!unlikelyByClass.TryGetValue(classAndId, out var unlikely))
            {
                unlikely = hints.Unlikely.Matches(classAndId) && !hints.MaybeContent.Matches(classAndId);
                unlikelyByClass[classAndId] = unlikely;
            }

            return unlikely;
        }

        var stack = new Stack<Frame>();
        PushChildren(stack, document.DocumentNode, root, inPre: false, inTable: false);
        var steps = 0;
        var collapse = new StringBuilder();
        while (stack.Count > 0)
        {
            if ((++steps & 1023) == 0)
            {
                deadline.Check();
            }

            var (source, parent, inPre, inTable) = stack.Pop();
            switch (source.NodeType)
            {
                case HtmlNodeType.Text:
                    var text = Decode(((HtmlTextNode)source).Text, inPre, collapse);
                    if (text.Length > 0)
                    {
                        parent.AddText(text);
                        all.Add(parent.Children[^1]);
                    }

                    break;
                case HtmlNodeType.Element:
                    var tag = source.Name;
                    if (removed.Contains(tag) || IsHidden(source))
                    {
                        break;
                    }

                    var role = source.GetAttributeValue("role", "");
                    if (useRoles && role.Length > 0 && hints.RemovedRoles.Contains(role))
                    {
                        break;
                    }

                    var classAndId = ClassAndId(source);
                    if (stripUnlikely && !inTable && classAndId.Length > 0 && !NeverUnlikely.Contains(tag) && IsUnlikely(classAndId))
                    {
                        break;
                    }

                    var element = parent.AddElement(tag, source, classAndId);
                    all.Add(element);
                    PushChildren(stack, source, element, inPre || tag == "pre", inTable || tag == "table");
                    break;
            }
        }

        return root;
    }

    private static void PushChildren(Stack<Frame> stack, HtmlNode source, DomNode copy, bool inPre, bool inTable)
    {
        var children = source.ChildNodes;
        for (var i = children.Count - 1; i >= 0; i--)
        {
            stack.Push(new Frame(children[i], copy, inPre, inTable));
        }
    }

    internal static string ClassAndId(HtmlNode node)
    {
        if (!node.HasAttributes)
        {
            return "";
        }

        var cls = node.GetAttributeValue("class", "");
        var id = node.GetAttributeValue("id", "");
        if (cls.Length == 0 && id.Length == 0)
        {
            return "";
        }

        return (id.Length == 0 ? cls : cls.Length == 0 ? id : cls + " " + id).ToLowerInvariant();
    }

    /// <summary>Hidden by attribute or inline style (a page's CSS files are not read).</summary>
    public static bool IsHidden(HtmlNode node)
    {
        if (!node.HasAttributes)
        {
            return false;
        }

        if (node.Attributes.Contains("hidden"))
        {
            return true;
        }

        if (node.GetAttributeValue("aria-hidden", "") == "true"
            && !node.GetAttributeValue("class", "").Contains("fallback-image", StringComparison.Ordinal))
        {
            return true;
        }

        var style = node.GetAttributeValue("style", "");
        if (style.Length == 0)
        {
            return false;
        }

        var compact = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return compact.Contains("display:none", StringComparison.Ordinal) || compact.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    /// <summary>Entities decoded; runs of white space become one space (kept as is inside &lt;pre&gt;).</summary>
    private static string Decode(string raw, bool inPre, StringBuilder buffer)
    {
        var text = raw.Contains('&') ? WebUtility.HtmlDecode(raw) : raw;
        if (inPre)
        {
            return text;
        }

        buffer.Clear();
        var lastWasSpace = false;
        var changed = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    buffer.Append(' ');
                    changed |= c != ' ';
                }
                else
                {
                    changed = true;
                }

                lastWasSpace = true;
            }
            else
            {
                buffer.Append(c);
                lastWasSpace = false;
            }
        }

        return changed ? buffer.ToString() : text;
    }

    private readonly record struct Frame(HtmlNode Source, DomNode Parent, bool InPre, bool InTable);
}
