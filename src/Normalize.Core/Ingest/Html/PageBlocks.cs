using System.Text;
using Normalize.Core.Learning;

namespace Normalize.Core.Ingest.Html;

/// <summary>One run of text between block boundaries of a page, with the features the block scorer reads.</summary>
/// <param name="Text">Whitespace-collapsed text of the run.</param>
/// <param name="Tag">Tag of the block element that holds it ("p", "li", "h2" …).</param>
/// <param name="Features">Values in the order of <see cref="PageBlocks.FeatureNames"/>.</param>
public sealed record PageBlock(string Text, string Tag, float[] Features);

/// <summary>
/// Cuts a parsed page into text blocks (every block element starts one) and describes each block with
/// language-independent features: its text's shape (<see cref="LineShape"/>), link density, tag, the
/// enclosing elements and their class/id tokens, position in the page and among its siblings, repetition,
/// and what the rule-based <see cref="ContentFinder"/> made of it (kept in the body, or removed and why).
/// </summary>
public static class PageBlocks
{
    private static readonly string[] OwnerTags = ["p", "li", "h1", "h2", "h3", "h4", "div", "td", "dd", "blockquote", "pre", "figcaption", "span"];

    private static readonly string[] AncestorTags =
        ["a", "nav", "header", "footer", "aside", "form", "article", "main", "figure", "table", "li", "section", "blockquote", "button", "label", "time", "h1", "dl"];

    private static readonly string[] ClassWords =
    [
        "nav", "menu", "footer", "header", "sidebar", "widget", "comment", "related", "share", "social", "newsletter",
        "subscribe", "cookie", "consent", "banner", "ad", "ads", "promo", "author", "byline", "date", "time", "meta",
        "tag", "breadcrumb", "title", "caption", "content", "article", "body", "text", "post", "entry", "story", "main",
        "modal", "popup", "login", "search", "copyright", "more", "recommend", "teaser", "card", "list", "item", "btn",
        "button", "icon", "label", "lead", "summary", "description", "rich", "prose",
    ];

    private static readonly string[] RemovalReasons = ["title", "byline", "share", "teaser-link", "caption", "chrome-block", "teaser-label"];

    public static readonly string[] FeatureNames = BuildNames();

    /// <summary>Index of the feature "in the rule-based body" (1 or 0).</summary>
    public static readonly int InContentFeature = Array.IndexOf(FeatureNames, "in_content");

    /// <summary>Index of the feature "removed as the page's headline".</summary>
    public static readonly int TitleFeature = Array.IndexOf(FeatureNames, "removed_title");

    private const int ClassAncestorLevels = 6;

    private static string[] BuildNames()
    {
        var names = new List<string>(LineShape.Names)
        {
            "link_density", "links", "in_content", "removed_other", "rel_index", "rel_chars_before", "depth",
            "depth_below_content", "repeats", "parent_blocks", "parent_link_density", "parent_in_content",
            "parent_log_chars", "prev_link_density", "prev_log_chars", "prev_in_content", "next_link_density",
            "next_log_chars", "next_in_content", "content_within_3", "distance_to_content", "distance_to_longest",
            "log_page_blocks", "share_of_page_chars",
        };
        names.AddRange(RemovalReasons.Select(r => "removed_" + r.Replace('-', '_')));
        names.AddRange(OwnerTags.Select(t => "tag_" + t));
        names.AddRange(AncestorTags.Select(t => "in_" + t));
        names.AddRange(ClassWords.Select(w => "class_" + w));
        names.AddRange(["class_hint_negative", "class_hint_positive", "class_hint_unlikely", "class_hint_byline"]);
        return [.. names];
    }

    private sealed class Raw
    {
        public required DomNode Owner;
        public readonly StringBuilder Text = new();
        public int Chars;
        public int LinkChars;
        public int Links;
        public bool InContent;
        public string? Removal;
        public string Collapsed = "";
    }

    internal static List<PageBlock> Read(List<DomNode> all, List<DomNode> content, HtmlHints hints)
    {
        var contentRoots = new HashSet<DomNode>(content);
        return Describe(Segment(all, contentRoots), contentRoots, hints);
    }

    /// <summary>The texts of the blocks, without features: what a scraper's text dump of the page holds, line by line.</summary>
    internal static List<string> Texts(List<DomNode> all) => Segment(all, []).Select(b => b.Collapsed).ToList();

    private static List<Raw> Segment(List<DomNode> all, HashSet<DomNode> contentRoots)
    {
        var raws = new List<Raw>();
        Raw? current = null;
        DomNode? lastLink = null;
        foreach (var node in all)
        {
            if (!node.IsText)
            {
                if (DomBuilder.BlockTags.Contains(node.Tag))
                {
                    current = null;
                }

                continue;
            }

            var owner = node.Parent!;
            while (owner.Parent is not null && !DomBuilder.BlockTags.Contains(owner.Tag))
            {
                owner = owner.Parent;
            }

            if (current is null || current.Owner != owner)
            {
                current = new Raw { Owner = owner };
                (current.InContent, current.Removal) = Placement(node, contentRoots);
                raws.Add(current);
            }

            current.Text.Append(node.Text);
            var link = LinkAncestor(node, owner);
            if (link is not null)
            {
                current.LinkChars += node.Text!.Length;
                if (link != lastLink)
                {
                    current.Links++;
                    lastLink = link;
                }
            }
        }

        var blocks = new List<Raw>(raws.Count);
        foreach (var raw in raws)
        {
            raw.Collapsed = Collapse(raw.Text);
            raw.Chars = raw.Collapsed.Length;
            if (raw.Chars > 0 && raw.Collapsed.Any(char.IsLetterOrDigit))
            {
                blocks.Add(raw);
            }
        }

        return blocks;
    }

    private static List<PageBlock> Describe(List<Raw> blocks, HashSet<DomNode> contentRoots, HtmlHints hints)
    {
        var totalChars = Math.Max(1, blocks.Sum(b => b.Chars));
        var repeats = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var b in blocks)
        {
            var key = b.Collapsed.ToLowerInvariant();
            repeats[key] = repeats.GetValueOrDefault(key) + 1;
        }

        var byParent = new Dictionary<DomNode, (int Blocks, int Chars, int LinkChars, int InContent)>();
        foreach (var b in blocks)
        {
            var parent = b.Owner.Parent ?? b.Owner;
            var s = byParent.GetValueOrDefault(parent);
            byParent[parent] = (s.Blocks + 1, s.Chars + b.Chars, s.LinkChars + b.LinkChars, s.InContent + (b.InContent ? 1 : 0));
        }

        var contentIndexes = new List<int>();
        var longest = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].InContent)
            {
                contentIndexes.Add(i);
            }

            if (blocks[i].Chars > blocks[longest].Chars)
            {
                longest = i;
            }
        }

        var contentDepth = contentRoots.Count == 0 ? 0 : contentRoots.Min(c => c.Depth);
        var classMasks = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var result = new List<PageBlock>(blocks.Count);
        var charsBefore = 0;
        var f = FeatureNames.Length;
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            var x = new float[f];
            LineShape.Fill(b.Collapsed, x);
            var k = LineShape.Count;
            x[k++] = b.LinkChars / (float)b.Chars;
            x[k++] = b.Links;
            x[k++] = b.InContent ? 1 : 0;
            x[k++] = b.Removal is not null && Array.IndexOf(RemovalReasons, b.Removal) < 0 ? 1 : 0;
            x[k++] = blocks.Count == 1 ? 0 : i / (float)(blocks.Count - 1);
            x[k++] = charsBefore / (float)totalChars;
            x[k++] = b.Owner.Depth;
            x[k++] = b.Owner.Depth - contentDepth;
            x[k++] = repeats[b.Collapsed.ToLowerInvariant()] - 1;
            var p = byParent[b.Owner.Parent ?? b.Owner];
            x[k++] = p.Blocks;
            x[k++] = p.LinkChars / (float)Math.Max(1, p.Chars);
            x[k++] = p.InContent / (float)p.Blocks;
            x[k++] = MathF.Log(1 + p.Chars);
            Neighbour(i - 1, ref k);
            Neighbour(i + 1, ref k);
            var near = 0;
            for (var j = Math.Max(0, i - 3); j <= Math.Min(blocks.Count - 1, i + 3); j++)
            {
                near += j != i && blocks[j].InContent ? 1 : 0;
            }

            x[k++] = near;
            x[k++] = DistanceToContent(contentIndexes, i);
            x[k++] = Math.Min(50, Math.Abs(i - longest));
            x[k++] = MathF.Log(blocks.Count);
            x[k++] = b.Chars / (float)totalChars;
            foreach (var reason in RemovalReasons)
            {
                x[k++] = b.Removal == reason ? 1 : 0;
            }

            foreach (var tag in OwnerTags)
            {
                x[k++] = b.Owner.Tag == tag ? 1 : 0;
            }

            var ancestorsAt = k;
            k += AncestorTags.Length;
            ulong classMask = 0;
            var level = 0;
            for (var a = b.Owner; a is not null; a = a.Parent, level++)
            {
                var t = Array.IndexOf(AncestorTags, a.Tag);
                if (t >= 0)
                {
                    x[ancestorsAt + t] = 1;
                }

                if (level < ClassAncestorLevels && a.ClassAndId.Length > 0)
                {
                    classMask |= ClassMask(a.ClassAndId, classMasks, hints);
                }
            }

            for (var w = 0; w < ClassWords.Length + 4; w++)
            {
                x[k++] = (classMask >> w & 1) == 1 ? 1 : 0;
            }

            result.Add(new PageBlock(b.Collapsed, b.Owner.Tag, x));
            charsBefore += b.Chars;

            void Neighbour(int j, ref int k)
            {
                var has = j >= 0 && j < blocks.Count;
                x[k++] = has ? blocks[j].LinkChars / (float)blocks[j].Chars : -1;
                x[k++] = has ? MathF.Log(1 + blocks[j].Chars) : -1;
                x[k++] = has ? (blocks[j].InContent ? 1 : 0) : -1;
            }
        }

        return result;
    }

    private static float DistanceToContent(List<int> contentIndexes, int i)
    {
        if (contentIndexes.Count == 0)
        {
            return 50;
        }

        var at = contentIndexes.BinarySearch(i);
        if (at >= 0)
        {
            return 0;
        }

        at = ~at;
        var best = int.MaxValue;
        if (at < contentIndexes.Count)
        {
            best = contentIndexes[at] - i;
        }

        if (at > 0)
        {
            best = Math.Min(best, i - contentIndexes[at - 1]);
        }

        return Math.Min(50, best);
    }

    /// <summary>Whether a text node is in the finder's body (under a content root, nothing removed on the way) or why it was removed.</summary>
    private static (bool InContent, string? Removal) Placement(DomNode text, HashSet<DomNode> contentRoots)
    {
        string? removal = null;
        for (var a = text.Parent; a is not null; a = a.Parent)
        {
            if (a.Removed && removal is null)
            {
                removal = a.RemovalReason ?? "removed";
            }

            if (contentRoots.Contains(a))
            {
                return (removal is null, removal);
            }
        }

        return (false, removal);
    }

    private static DomNode? LinkAncestor(DomNode text, DomNode owner)
    {
        for (var a = text.Parent; a is not null && a != owner; a = a.Parent)
        {
            if (a.Tag == "a")
            {
                return a;
            }
        }

        return owner.Tag == "a" ? owner : null;
    }

    private static ulong ClassMask(string classAndId, Dictionary<string, ulong> cache, HtmlHints hints)
    {
        if (cache.TryGetValue(classAndId, out var mask))
        {
            return mask;
        }

        var tokens = classAndId.Split(SplitChars, StringSplitOptions.RemoveEmptyEntries);
        for (var w = 0; w < ClassWords.Length; w++)
        {
            var word = ClassWords[w];
            foreach (var token in tokens)
            {
                if (token == word || (word.Length >= 4 && token.Contains(word, StringComparison.Ordinal)) || (word.Length == 3 && token.StartsWith(word, StringComparison.Ordinal)))
                {
                    mask |= 1UL << w;
                    break;
                }
            }
        }

        var h = ClassWords.Length;
        mask |= hints.Negative.Matches(classAndId) ? 1UL << h : 0;
        mask |= hints.Positive.Matches(classAndId) ? 1UL << (h + 1) : 0;
        mask |= hints.Unlikely.Matches(classAndId) ? 1UL << (h + 2) : 0;
        mask |= hints.Byline.Matches(classAndId) ? 1UL << (h + 3) : 0;
        cache[classAndId] = mask;
        return mask;
    }

    private static readonly char[] SplitChars = [' ', '-', '_', '.', ':', '/', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

    private static string Collapse(StringBuilder text)
    {
        var output = new StringBuilder(text.Length);
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = output.Length > 0;
                continue;
            }

            if (space)
            {
                output.Append(' ');
                space = false;
            }

            output.Append(c);
        }

        return output.ToString();
    }

    /// <summary>The kept blocks as body text: one paragraph per block.</summary>
    public static string Render(IEnumerable<string> kept) => TextLayout.ToParagraphs(string.Join("\n", kept));
}
