namespace Normalize.Core.Ingest.Html;

/// <summary>
/// Finds the article body in a <see cref="DomNode"/> tree: paragraphs give points to their
/// ancestors (more for longer, comma-rich text), class/id hints and link density weigh the
/// candidates, the best container is taken with the siblings that score like it, and chrome left
/// inside it (link lists, share bars, forms, image galleries without text) is removed.
/// </summary>
internal sealed class ContentFinder
{
    private const int MinParagraphLength = 25;
    private const int TopCandidateCount = 5;
    private const int AncestorLevels = 5;
    private const int TeaserMaxLength = 250;
    private const double TeaserLinkDensity = 0.8;
    private const int OrphanLabelMaxLength = 50;

    private static readonly char[] CommaChars = [',', '\u060C', '\uFE50', '\uFE10', '\uFE11', '\u2E41', '\u2E34', '\u2E32', '\uFF0C', '\u3001'];

    private static readonly string[] ShareWords = ["share", "sharing", "sharedaddy", "social"];

    private static readonly HashSet<string> ScoredTags = new(StringComparer.Ordinal) { "p", "pre", "td", "section", "h2", "h3", "h4", "h5", "h6" };
    private static readonly HashSet<string> Headings = new(StringComparer.Ordinal) { "h1", "h2", "h3", "h4", "h5", "h6" };
    private static readonly HashSet<string> TextishTags = new(StringComparer.Ordinal)
    {
        "span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul",
    };

    private readonly HtmlHints _hints;
    private readonly ExtractionFlags _flags;
    private readonly Deadline _deadline;

    public ContentFinder(HtmlHints hints, ExtractionFlags flags, Deadline deadline)
    {
        _hints = hints;
        _flags = flags;
        _deadline = deadline;
    }

    /// <summary>The text of the byline element taken out of the body, if any.</summary>
    public string? Byline { get; private set; }

    /// <summary>The top-level nodes of the article body, in document order.</summary>
    public List<DomNode> Find(DomNode root, List<DomNode> all, IReadOnlyList<string> titles)
    {
        Count(all);
        RemoveTitleAndByline(all, titles);
        var candidates = ScoreParagraphs(root);
        var body = all.FirstOrDefault(n => n.Tag == "body") ?? root;
        var top = PickTopCandidate(candidates, body);
        var content = top is null ? body.Children.Where(c => !c.Removed).ToList() : WithSiblings(top);
        Clean(content);
        CollectRemovals(content);
        return content;
    }

    /// <summary>What was taken out of the article, with why: the headline and byline, and the outermost removed blocks inside the content.</summary>
    public List<(string Text, string Reason)> Removals { get; } = [];

    private void CollectRemovals(List<DomNode> content)
    {
        var stack = new Stack<DomNode>(content.AsEnumerable().Reverse());
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.IsText)
            {
                continue;
            }

            if (node.Removed)
            {
                if (node.RemovalReason is { } reason and not ("title" or "byline") && PlainText.Of(node) is { Length: > 0 } text)
                {
                    Removals.Add((text, reason));
                }

                continue;
            }

            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(node.Children[i]);
            }
        }
    }

    /// <summary>Bottom-up counts over the whole tree (document order reversed visits children first).</summary>
    private static void Count(List<DomNode> all)
    {
        for (var i = all.Count - 1; i >= 0; i--)
        {
            var node = all[i];
            if (node.IsText)
            {
                node.TextLength = node.Text!.Length;
                node.Commas = node.Text.AsSpan().IndexOfAny(CommaChars) < 0 ? 0 : CountCommas(node.Text);
                continue;
            }

            RecountElement(node);
        }
    }

    private static void RecountElement(DomNode node)
    {
        int length = 0, commas = 0;
        double links = 0;
        var breaker = false;
        var counts = default(SubtreeCounts);
        foreach (var child in node.Children)
        {
            if (child.Removed)
            {
                continue;
            }

            if (!child.IsText)
            {
                AddCounts(ref counts, child);
            }

            breaker |= child.ContainsBreaker || (!child.IsText && DomBuilder.ParagraphBreakers.Contains(child.Tag));
            length += child.TextLength;
            commas += child.Commas;
            links += child.LinkLength;
        }

        node.TextLength = length;
        node.Commas = commas;
        node.ContainsBreaker = breaker;
        node.Counts = counts;
        node.LinkLength = node.Tag == "a" ? length * (node.Attribute("href").StartsWith('#') ? 0.3 : 1) : links;
    }

    /// <summary>Adds a child's subtree (the child included) to its parent's counts.</summary>
    private static void AddCounts(ref SubtreeCounts counts, DomNode child)
    {
        var c = child.Counts;
        counts.Paragraphs += c.Paragraphs + (child.Tag == "p" ? 1 : 0);
        counts.Images += c.Images + (child.Tag == "img" ? 1 : 0);
        counts.Items += c.Items + (child.Tag == "li" ? 1 : 0);
        counts.Inputs += c.Inputs + (child.Tag == "input" ? 1 : 0);
        counts.Embeds += c.Embeds + (child.Tag is "object" or "embed" or "iframe" ? 1 : 0);
        counts.DataTables += c.DataTables + (child.IsDataTable ? 1 : 0);
        counts.HeadingText += Headings.Contains(child.Tag) ? child.TextLength : c.HeadingText;
        counts.TextishText += TextishTags.Contains(child.Tag) ? child.TextLength : c.TextishText;
        counts.ListText += child.Tag is "ul" or "ol" ? child.TextLength : c.ListText;
    }

    private static int CountCommas(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (Array.IndexOf(CommaChars, c) >= 0)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Removes subtree <paramref name="node"/> and takes its counts off its ancestors.</summary>
    private static void Remove(DomNode node, string reason)
    {
        if (node.Removed)
        {
            return;
        }

        node.Removed = true;
        node.RemovalReason = reason;
        for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            ancestor.TextLength -= node.TextLength;
            ancestor.Commas -= node.Commas;
            if (ancestor.Tag != "a")
            {
                ancestor.LinkLength -= node.LinkLength;
            }
            else
            {
                RecountElement(ancestor);
            }
        }
    }

    /// <summary>The page headline and the first byline are metadata, not body text.</summary>
    private void RemoveTitleAndByline(List<DomNode> all, IReadOnlyList<string> titles)
    {
        var bylineFound = false;
        foreach (var node in all)
        {
            if (node.IsText || node.Removed)
            {
                continue;
            }

            if (node.Tag is "h1" or "h2" && node.TextLength > 0 && PlainText.Of(node) is var heading && titles.Any(t => TextSimilarity.IsSameHeadline(t, heading)))
            {
                Removals.Add((heading, "title"));
                Remove(node, "title");
                continue;
            }

            if (!bylineFound && IsByline(node))
            {
                bylineFound = true;
                Byline = PlainText.Of(node);
                Removals.Add((Byline, "byline"));
                Remove(node, "byline");
            }
        }
    }

    private bool IsByline(DomNode node)
    {
        if (node.TextLength is 0 or >= 100 || node.Tag is "body" or "html" or "article" or "main")
        {
            return false;
        }

        var rel = node.Attribute("rel");
        var itemprop = node.Attribute("itemprop");
        return rel == "author" || itemprop.Contains("author", StringComparison.Ordinal) || _hints.Byline.Matches(node.ClassAndId);
    }

    private List<DomNode> ScoreParagraphs(DomNode root)
    {
        var candidates = new List<DomNode>();
        var steps = 0;
        foreach (var node in root.Descendants())
        {
            if ((++steps & 1023) == 0)
            {
                _deadline.Check();
            }

            if (node.IsText || node.Parent is null)
            {
                continue;
            }

            if (ScoredTags.Contains(node.Tag) || (node.Tag == "div" && !node.ContainsBreaker))
            {
                if (node.TextLength >= MinParagraphLength)
                {
                    AddToAncestors(node.Parent, ParagraphScore(node.TextLength, node.Commas), candidates);
                }
            }
            else if (node.Tag == "div")
            {
                // Runs of text and inline elements directly inside a container div are paragraphs of their own.
                int runLength = 0, runCommas = 0;
                foreach (var child in node.Children)
                {
                    if (child.Removed)
                    {
                        continue;
                    }

                    if (child.IsText || !DomBuilder.BlockTags.Contains(child.Tag))
                    {
                        runLength += child.TextLength;
                        runCommas += child.Commas;
                        continue;
                    }

                    Flush();
                }

                Flush();

                void Flush()
                {
                    if (runLength >= MinParagraphLength)
                    {
                        AddToAncestors(node, ParagraphScore(runLength, runCommas), candidates);
                    }

                    runLength = 0;
                    runCommas = 0;
                }
            }
        }

        foreach (var candidate in candidates)
        {
            candidate.Score *= 1 - candidate.LinkDensity;
        }

        return candidates;
    }

    private static double ParagraphScore(int length, int commas) => 1 + (commas + 1) + Math.Min(length / 100, 3);

    private void AddToAncestors(DomNode start, double score, List<DomNode> candidates)
    {
        var level = 0;
        for (var ancestor = start; ancestor is not null && ancestor.Tag != "#root" && level < AncestorLevels; ancestor = ancestor.Parent, level++)
        {
            if (!ancestor.HasScore)
            {
                Initialize(ancestor);
                candidates.Add(ancestor);
            }

            var divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            ancestor.Score += score / divider;
        }
    }

    private void Initialize(DomNode node)
    {
        node.HasScore = true;
        node.Score = node.Tag switch
        {
            "div" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        } + ClassWeight(node);
    }

    private int ClassWeight(DomNode node)
    {
        if (!_flags.WeightClasses || node.ClassAndId.Length == 0)
        {
            return 0;
        }

        var weight = 0;
        if (_hints.Negative.Matches(node.ClassAndId))
        {
            weight -= 25;
        }

        if (_hints.Positive.Matches(node.ClassAndId))
        {
            weight += 25;
        }

        return weight;
    }

    private static DomNode? PickTopCandidate(List<DomNode> candidates, DomNode body)
    {
        var top = candidates.Where(c => !c.Removed).OrderByDescending(c => c.Score).Take(TopCandidateCount).ToList();
        if (top.Count == 0 || top[0].Tag is "body" or "html")
        {
            return null;
        }

        var best = top[0];

        // Several strong candidates under one ancestor: the ancestor is the article (split into blocks by ads).
        var ancestorLists = top.Skip(1).Where(c => c.Score / best.Score >= 0.75).Select(Ancestors).ToList();
        if (ancestorLists.Count >= 3)
        {
            for (var parent = best.Parent; parent is not null && parent.Tag is not ("body" or "html" or "#root"); parent = parent.Parent)
            {
                if (ancestorLists.Count(list => list.Contains(parent)) >= 3)
                {
                    best = parent;
                    break;
                }
            }
        }

        // Climb while the parent scores about as well: it holds more of the same article.
        var lastScore = best.Score;
        var threshold = lastScore / 3;
        for (var parent = best.Parent; parent is not null && parent.Tag is not ("body" or "html" or "#root"); parent = parent.Parent)
        {
            if (!parent.HasScore)
            {
                continue;
            }

            if (parent.Score < threshold)
            {
                break;
            }

            if (parent.Score > lastScore)
            {
                best = parent;
                break;
            }

            lastScore = parent.Score;
        }

        while (best.Parent is { } p && p.Tag is not ("body" or "html" or "#root") && p.Children.Count(c => !c.Removed && !c.IsText) == 1)
        {
            best = p;
        }

        return best == body ? null : best;

        static HashSet<DomNode> Ancestors(DomNode node)
        {
            var set = new HashSet<DomNode>();
            for (var a = node.Parent; a is not null; a = a.Parent)
            {
                set.Add(a);
            }

            return set;
        }
    }

    private static List<DomNode> WithSiblings(DomNode top)
    {
        var parent = top.Parent;
        if (parent is null)
        {
            return [top];
        }

        var threshold = Math.Max(10, top.Score * 0.2);
        var content = new List<DomNode>();
        foreach (var sibling in parent.Children)
        {
            if (sibling.Removed || sibling.IsText)
            {
                continue;
            }

            if (sibling == top)
            {
                content.Add(sibling);
                continue;
            }

            var bonus = top.ClassAndId.Length > 0 && sibling.Source?.GetAttributeValue("class", "") is { Length: > 0 } cls
                        && cls == top.Source?.GetAttributeValue("class", "") ? top.Score * 0.2 : 0;
            if (sibling.HasScore && sibling.Score + bonus >= threshold)
            {
                content.Add(sibling);
            }
            else if (sibling.Tag == "p")
            {
                var text = PlainText.Of(sibling);
                var linkDensity = sibling.LinkDensity;
                if ((text.Length > 80 && linkDensity < 0.25)
                    || (text.Length is > 0 and <= 80 && linkDensity == 0 && (text.EndsWith('.') || text.Contains(". ", StringComparison.Ordinal))))
                {
                    content.Add(sibling);
                }
            }
        }

        return content;
    }

    private void Clean(List<DomNode> content)
    {
        var nodes = content.SelectMany(c => c.Descendants().Prepend(c)).Where(n => !n.IsText).ToList();
        MarkDataTables(nodes);

        // Share bars and headings marked as chrome go whatever their size; captions and photo credits
        // describe pictures the text does not have.
        foreach (var node in nodes)
        {
            if (node.Removed)
            {
                continue;
            }

            if (node.Tag is "h1" or "h2" && ClassWeight(node) < 0)
            {
                Remove(node, "chrome-heading");
            }
            else if (node.TextLength < 500 && node.ClassAndId.Length > 0 && IsShareBar(node.ClassAndId) && !content.Contains(node))
            {
                Remove(node, "share");
            }
            else if (node.Tag is "p" or "li" && node.TextLength < TeaserMaxLength && node.LinkDensity >= TeaserLinkDensity)
            {
                // A short paragraph or list item that is a link is a teaser for another page ("Related: …", "READ MORE: …").
                Remove(node, "teaser-link");
            }
            else if ((node.Tag == "figcaption" || (node.TextLength < 300 && _hints.Caption.Matches(node.ClassAndId))) && !content.Contains(node))
            {
                Remove(node, "caption");
            }
        }

        if (_flags.CleanConditionally)
        {
            CleanConditionally(content);
        }

        RemoveOrphanLabels(content);
    }

    /// <summary>
    /// A short heading or line whose next element was removed as links ("DON'T MISS", "Related
    /// stories") was the label of that block and goes with it.
    /// </summary>
    private static void RemoveOrphanLabels(List<DomNode> content)
    {
        var labels = content.SelectMany(c => c.Descendants()).Where(n => !n.IsText && n.TextLength is > 0 and <= OrphanLabelMaxLength
            && n.Tag is "p" or "h2" or "h3" or "h4" or "h5" or "h6" or "div").ToList();
        foreach (var label in labels)
        {
            var siblings = label.Parent!.Children;
            var index = siblings.IndexOf(label) + 1;
            while (index < siblings.Count && siblings[index].IsText && string.IsNullOrWhiteSpace(siblings[index].Text))
            {
                index++;
            }

            if (index < siblings.Count && siblings[index] is { Removed: true, IsText: false } next && next.LinkDensity >= 0.5
                && !PlainText.Of(label).TrimEnd().EndsWith('.'))
            {
                Remove(label, "teaser-label");
            }
        }
    }

    private void CleanConditionally(List<DomNode> content)
    {

        var nodes = content.SelectMany(c => c.Descendants().Prepend(c)).Where(n => !n.IsText && !n.Removed).ToList();

        // Children first, so a container is judged on what is left inside it: counts are taken
        // from the live children just before a node is judged.
        for (var i = nodes.Count - 1; i >= 0; i--)
        {
            var node = nodes[i];
            if ((i & 255) == 0)
            {
                _deadline.Check();
            }

            RecountElement(node);
            if (node.Tag is "form" or "fieldset" or "table" or "ul" or "ol" or "div" or "section" or "aside" && ShouldRemove(node))
            {
                node.Removed = true;
                node.RemovalReason = "chrome-block";
            }
        }
    }

    private static bool IsShareBar(string classAndId)
    {
        var span = classAndId.AsSpan();
        foreach (var word in ShareWords)
        {
            var index = span.IndexOf(word, StringComparison.Ordinal);
            while (index >= 0)
            {
                var before = index == 0 || !char.IsLetter(span[index - 1]);
                var end = index + word.Length;
                var after = end == span.Length || !char.IsLetter(span[end]);
                if (before && after)
                {
                    return true;
                }

                var next = span[(index + 1)..].IndexOf(word, StringComparison.Ordinal);
                index = next < 0 ? -1 : index + 1 + next;
            }
        }

        return false;
    }

    private static void MarkDataTables(List<DomNode> nodes)
    {
        foreach (var table in nodes.Where(n => n.Tag == "table"))
        {
            if (table.Attribute("role") == "presentation" || table.Attribute("datatable") == "0")
            {
                continue;
            }

            if (table.Attribute("summary").Length > 0)
            {
                table.IsDataTable = true;
                continue;
            }

            int rows = 0, columns = 0;
            var nested = false;
            foreach (var d in table.Descendants())
            {
                switch (d.Tag)
                {
                    case "caption" or "col" or "colgroup" or "tfoot" or "thead" or "th":
                        table.IsDataTable = true;
                        break;
                    case "table":
                        nested = true;
                        break;
                    case "tr":
                        rows++;
                        columns = Math.Max(columns, d.Children.Count(c => c.Tag is "td" or "th"));
                        break;
                }
            }

            if (!table.IsDataTable && !nested)
            {
                table.IsDataTable = rows >= 10 || columns > 4 || rows * columns > 10;
            }
        }
    }

    private bool ShouldRemove(DomNode node)
    {
        var counts = node.Counts;
        if (node.IsDataTable || counts.DataTables > 0 || node.HasAncestor("code") || HasDataTableAncestor(node))
        {
            return false;
        }

        var isList = node.Tag is "ul" or "ol" || (node.TextLength > 0 && counts.ListText / (double)node.TextLength > 0.9);
        var weight = ClassWeight(node);
        if (weight < 0)
        {
            return true;
        }

        if (node.Commas >= 10)
        {
            return false;
        }

        var paragraphs = counts.Paragraphs;
        var images = counts.Images;
        var items = counts.Items - 100;
        var contentLength = node.TextLength;
        var linkDensity = node.LinkDensity;
        var headingDensity = contentLength == 0 ? 0 : counts.HeadingText / (double)contentLength;
        var textDensity = contentLength == 0 ? 0 : counts.TextishText / (double)contentLength;
        var inFigure = node.HasAncestor("figure");
        if (contentLength < 40 && IsAdOrLoadingLabel(PlainText.Of(node)))
        {
            return true;
        }

        var remove = (!inFigure && images > 1 && paragraphs / (double)images < 0.5)
                     || (!isList && items > paragraphs)
                     || counts.Inputs > paragraphs / 3
                     || (!isList && !inFigure && headingDensity < 0.9 && contentLength < 25 && (images == 0 || images > 2) && linkDensity > 0)
                     || (!isList && weight < 25 && linkDensity > 0.2)
                     || (weight >= 25 && linkDensity > 0.5)
                     || (counts.Embeds == 1 && contentLength < 75) || counts.Embeds > 1
                     || (images == 0 && textDensity == 0);
        if (remove && isList)
        {
            // A list of images (a gallery) stays when every item holds one image.
            if (node.Children.Any(c => !c.Removed && c.Children.Count(x => !x.Removed && !x.IsText) > 1))
            {
                return true;
            }

            if (images == counts.Items)
            {
                return false;
            }
        }

        return remove;
    }

    private static bool HasDataTableAncestor(DomNode node)
    {
        for (var a = node.Parent; a is not null; a = a.Parent)
        {
            if (a.Tag == "table" && a.IsDataTable)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAdOrLoadingLabel(string text)
    {
        var t = text.Trim().TrimEnd('.', '…').ToLowerInvariant();
        return t is "ad" or "ads" or "advert" or "advertising" or "advertisement" or "publicité" or "pub" or "werbung" or "anzeige"
            or "реклама" or "anuncio" or "publicidad" or "广告" or "loading" or "cargando" or "chargement" or "загрузка" or "正在加载";
    }
}

/// <summary>Which of the extractor's cleaning steps are on; a page that gives too little text is retried with fewer.</summary>
internal sealed record ExtractionFlags(bool StripUnlikely, bool WeightClasses, bool CleanConditionally)
{
    public static readonly ExtractionFlags[] Attempts =
    [
        new(true, true, true),
        new(false, true, true),
        new(false, false, true),
        new(false, false, false),
    ];
}
