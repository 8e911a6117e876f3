using HtmlAgilityPack;

namespace Normalize.Core.Ingest.Html;

/// <summary>
/// React's streamed server rendering sends a page's late parts at the end of the body as
/// <c>&lt;div hidden id="S:0"&gt;…&lt;/div&gt;</c>, with a <c>&lt;template id="B:0"&gt;</c> where they belong; a script moves
/// them there when the page loads. A scraper's HTML is the page before that script ran: without this, the article of
/// such a page is hidden text at its end. The segments are put where the browser puts them.
/// </summary>
internal static class StreamedSegments
{
    private const string SegmentPrefix = "S:";

    private const string BoundaryPrefix = "B:";

    /// <summary>A cheap test on the markup before the tree is searched.</summary>
    public static bool MayHave(string html) => html.Contains("id=\"S:", StringComparison.Ordinal);

    public static void Place(HtmlDocument document)
    {
        var segments = new List<HtmlNode>();
        var boundaries = new Dictionary<string, HtmlNode>(StringComparer.Ordinal);
        foreach (var node in document.DocumentNode.Descendants())
        {
            if (node.NodeType != HtmlNodeType.Element || !node.HasAttributes)
            {
                continue;
            }

            var id = node.GetAttributeValue("id", "");
            if (node.Name == "div" && id.StartsWith(SegmentPrefix, StringComparison.Ordinal) && node.Attributes.Contains("hidden"))
            {
                segments.Add(node);
            }
            else if (node.Name == "template" && id.StartsWith(BoundaryPrefix, StringComparison.Ordinal))
            {
                boundaries.TryAdd(id[BoundaryPrefix.Length..], node);
            }
        }

        foreach (var segment in segments)
        {
            var key = segment.GetAttributeValue("id", "")[SegmentPrefix.Length..];
            if (boundaries.TryGetValue(key, out var boundary) && boundary.ParentNode is { } parent && !IsInside(boundary, segment))
            {
                foreach (var child in segment.ChildNodes.ToList())
                {
                    child.Remove();
                    parent.InsertBefore(child, boundary);
                }

                boundary.Remove();
                segment.Remove();
            }
            else
            {
                // No place for it: shown where it is, as it is text of the page all the same.
                segment.Attributes.Remove("hidden");
            }
        }
    }

    private static bool IsInside(HtmlNode node, HtmlNode container)
    {
        for (var current = node.ParentNode; current is not null; current = current.ParentNode)
        {
            if (current == container)
            {
                return true;
            }
        }

        return false;
    }
}
