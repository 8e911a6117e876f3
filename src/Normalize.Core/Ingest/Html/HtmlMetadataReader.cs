using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HtmlAgilityPack;
using Normalize.Core.Boilerplate;

namespace Normalize.Core.Ingest.Html;

/// <summary>
/// Reads title, date, authors, language, canonical URL and site name from a parsed page: Open Graph and other
/// meta tags, JSON-LD, &lt;link rel=canonical&gt;, &lt;html lang&gt;, &lt;time datetime&gt;, the headings, and what the
/// page shows its reader around the headline (the date and the byline under it); a date in the URL last.
/// </summary>
internal static partial class HtmlMetadataReader
{
    private static readonly string[] PublishedMetaNames =
    [
        "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date",
        "publish_date", "published-date", "publication_date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued",
        "sailthru.date", "parsely-pub-date", "article.published", "published_time", "cxenseparse:recs:publishtime",
        "citation_publication_date", "datecreated",
    ];

    private static readonly string[] ModifiedMetaNames =
    [
        "article:modified_time", "og:updated_time", "datemodified", "modified_time", "dc.date.modified", "dcterms.modified",
        "last-modified", "lastmod", "article.updated",
    ];

    private static readonly string[] AuthorMetaNames = ["author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author"];

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "Report", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "ReviewNewsArticle", "BackgroundNewsArticle", "TechArticle", "ScholarlyArticle", "LiveBlogPosting", "SocialMediaPosting",
        "WebPage", "Blog",
    };

    /// <summary>Elements whose text a reader never sees.</summary>
    private static readonly HashSet<string> InvisibleTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select", "textarea", "title",
    };

    /// <summary>How far (characters of visible text) from the headline a date or byline still belongs to it.</summary>
    private const int NearAfter = 800;

    private const int NearBefore = 250;

    private const int BylineAfter = 800;

    /// <summary>Characters between two author links for the second to be a co-author (", ", " and ", " & ").</summary>
    private const int MaxCoauthorGap = 8;

    private const int MaxBylinePieces = 12;

    /// <summary>Headings, dates and bylines looked at per page (a page of thousands of teasers is not read to its end for them).</summary>
    private const int MaxCandidates = 400;

    /// <summary>A date later than the clock by more than this (time zones) is a typo or a scheduled page, not the publication date.</summary>
    private static readonly TimeSpan FutureSlack = TimeSpan.FromDays(1);

    /// <summary>The metadata, and the titles a heading in the body may repeat (the chosen title, the raw &lt;title&gt; and og:title).</summary>
    public static (HtmlMetadata Metadata, IReadOnlyList<string> Titles) Read(HtmlDocument document, string? sourceUrl, HtmlHints hints, DateTimeOffset now, Deadline deadline)
    {
        var facts = Collect(document, hints, HostOf(sourceUrl), deadline);
        var ld = facts.JsonLd;
        var canonical = facts.Canonical ?? facts.Meta("og:url") ?? ld.Url ?? sourceUrl;
        var siteName = facts.Meta("og:site_name") ?? ld.Publisher ?? facts.Meta("application-name") ?? facts.Meta("twitter:site")?.TrimStart('@');
        var siteNames = Headlines.SiteNames(
            [facts.Meta("og:site_name"), ld.Publisher, ld.WebSiteName, facts.Meta("application-name"), facts.Meta("apple-mobile-web-app-title"), facts.Meta("twitter:site")?.TrimStart('@')],
            canonical is not null && canonical.Contains("://", StringComparison.Ordinal) ? canonical : sourceUrl);
        var rawTitles = new[] { facts.Meta("og:title"), ld.Headline, facts.Meta("twitter:title"), facts.TitleElement }.OfType<string>().ToList();
        var (title, headingIndex) = Headlines.Choose(facts.H1s.Select(h => h.Text).ToList(), rawTitles, siteNames);
        var anchor = headingIndex >= 0 ? facts.H1s[headingIndex].Offset : AnchorOf(facts, title);

        var date = ChooseDate(facts, anchor, canonical, sourceUrl, now);
        var authors = ChooseAuthors(facts, anchor);
        var language = facts.HtmlLang ?? facts.Meta("content-language") ?? ld.Language ?? facts.Meta("og:locale");
        var metadata = new HtmlMetadata
        {
            Title = title,
            Date = date,
            Authors = authors,
            Language = LanguageCode(language),
            CanonicalUrl = canonical,
            SiteName = siteName,
            DeclaredTypes = [.. ld.Types.Order(StringComparer.Ordinal), .. facts.Meta("og:type") is { } og ? new[] { "og:" + og.ToLowerInvariant() } : []],
        };
        var titles = new[] { title, facts.Meta("og:title"), ld.Headline, facts.TitleElement }.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return (metadata, titles);
    }

    /// <summary>Where the headline is in the visible text when it did not come from an h1: the first heading that repeats it.</summary>
    private static int? AnchorOf(PageFacts facts, string? title)
    {
        if (title is null)
        {
            return null;
        }

        foreach (var heading in facts.H1s.Concat(facts.H2s).OrderBy(h => h.Offset))
        {
            if (TextSimilarity.IsSameHeadline(title, heading.Text) && TextSimilarity.IsSameHeadline(heading.Text, title))
            {
                return heading.Offset;
            }
        }

        return null;
    }

    /// <summary>
    /// The date the page shows under (or just above) its headline, unless that is the structured modified date and the
    /// page also declares a different published one (published is preferred over modified); without a shown date the
    /// structured published date, a &lt;time&gt; element, the URL's date, the modified date. Never a date in the future.
    /// </summary>
    private static string? ChooseDate(PageFacts facts, int? anchor, string? canonical, string? sourceUrl, DateTimeOffset now)
    {
        var ld = facts.JsonLd;
        var published = Valid(PublishedMetaNames.Select(facts.Meta).Append(ld.DatePublished));
        var modified = Valid(ModifiedMetaNames.Select(facts.Meta).Append(ld.DateModified));
        var shown = anchor is { } at ? NearestDate(facts, at, now) : null;
        if (shown is not null)
        {
            if (published is not null && !SameDay(shown, published) && modified is not null && SameDay(shown, modified))
            {
                return published;
            }

            // The structured value of the same day carries the time.
            return published is not null && SameDay(shown, published) ? published
                : modified is not null && SameDay(shown, modified) ? modified
                : shown;
        }

        return published
               ?? Valid(facts.Dates.Where(d => d.FromTimeElement).Select(d => d.Iso))
               ?? Valid([DateInUrl(canonical), DateInUrl(sourceUrl)])
               ?? modified
               ?? Valid(facts.Dates.Where(d => !d.FromTimeElement).Select(d => d.Iso));

        string? Valid(IEnumerable<string?> values) =>
            values.Select(v => v is null ? null : IsoDate(v)).FirstOrDefault(v => v is not null && !InFuture(v, now));
    }

    private static string? NearestDate(PageFacts facts, int anchor, DateTimeOffset now)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (iso, offset, _) in facts.Dates)
        {
            var distance = offset >= anchor ? offset - anchor : anchor - offset;
            var near = offset >= anchor ? distance <= NearAfter : distance <= NearBefore;
            if (near && distance < bestDistance && !InFuture(iso, now))
            {
                (best, bestDistance) = (iso, distance);
            }
        }

        return best;
    }

    /// <summary>
    /// The names the page shows in its byline near the headline (an author link, rel/itemprop author, an element
    /// whose class says byline/author, a "By …" line), cleaned with the structured names where they are the same
    /// person; else the JSON-LD persons, the author meta tags, a JSON-LD organisation.
    /// </summary>
    private static List<string> ChooseAuthors(PageFacts facts, int? anchor)
    {
        var structured = new List<string>();
        foreach (var person in facts.JsonLd.Persons)
        {
            Bylines.AddNames(structured, person);
        }

        var fromMeta = new List<string>();
        foreach (var key in AuthorMetaNames)
        {
            if (facts.Meta(key) is { } value && !value.Contains("://", StringComparison.Ordinal))
            {
                Bylines.AddNames(fromMeta, value);
            }
        }

        // <meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Ann Lee">
        for (var n = 1; n <= 4; n++)
        {
            if (facts.Meta($"twitter:label{n}") is { } label && AuthorLabel().IsMatch(label))
            {
                Bylines.AddNames(fromMeta, facts.Meta($"twitter:data{n}"));
            }
        }

        var shown = anchor is { } at ? ShownAuthors(facts, at) : [];
        if (shown.Count > 0)
        {
            var known = structured.Concat(fromMeta).ToList();

            // "Meghan Neville Content Marketing Coordinator" is "Meghan Neville" where the page's data says so.
            shown = shown.Select(name => known.Where(k => k.Length < name.Length && name.StartsWith(k + " ", StringComparison.OrdinalIgnoreCase)).MaxBy(k => k.Length) ?? name)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return shown;
        }

        if (structured.Count > 0)
        {
            return structured;
        }

        if (fromMeta.Count > 0)
        {
            return fromMeta;
        }

        var organisations = new List<string>();
        foreach (var organisation in facts.JsonLd.Organisations)
        {
            Bylines.AddNames(organisations, organisation);
        }

        return organisations;
    }

    private static List<string> ShownAuthors(PageFacts facts, int anchor)
    {
        var near = facts.Bylines
            .Where(b => b.Offset >= anchor ? b.Offset - anchor <= BylineAfter : anchor - b.Offset <= NearBefore)
            .Select(b => (Candidate: b, Pieces: b.Node is null ? [b.Text!] : Segments(b.Node)))
            .Where(b => b.Pieces.Count > 0)
            .OrderBy(b => b.Candidate.Kind)
            .ThenBy(b => Math.Abs(b.Candidate.Offset - anchor))
            .ThenBy(b => b.Pieces.Sum(p => p.Length))
            .ToList();
        foreach (var (candidate, pieces) in near)
        {
            var names = candidate.Kind == BylineKind.ByLine ? Bylines.Names(pieces[0]) : NamesInPieces(pieces);
            if (candidate.Kind == BylineKind.Hinted && names.All(n => !n.Contains(' ', StringComparison.Ordinal)))
            {
                // One word in an element that says "author" is more often a label or a button ("Search", "Topic") than a name.
                continue;
            }

            if (names.Count == 0)
            {
                continue;
            }

            if (candidate.Kind == BylineKind.AuthorLink)
            {
                // Co-authors are links next to each other: "<a>Ann Lee</a> and <a>Bo Chen</a>" (not a reviewer's link further on).
                var end = candidate.Offset + pieces.Sum(p => p.Length);
                foreach (var (other, otherPieces) in near.Where(o => o.Candidate.Kind == BylineKind.AuthorLink && o.Candidate.Offset > candidate.Offset).OrderBy(o => o.Candidate.Offset))
                {
                    if (other.Offset - end > MaxCoauthorGap)
                    {
                        break;
                    }

                    foreach (var name in NamesInPieces(otherPieces))
                    {
                        if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
                        {
                            names.Add(name);
                        }
                    }

                    end = other.Offset + otherPieces.Sum(p => p.Length);
                }
            }

            return names;
        }

        return [];
    }

    /// <summary>
    /// The names in a byline element's texts: the first that holds names ("By" | "Ann Lee" | "Staff Writer" gives Ann Lee),
    /// with the next ones when a connector joins them ("Ann Lee" | "and" | "Bo Chen").
    /// </summary>
    private static List<string> NamesInPieces(List<string> pieces)
    {
        var names = new List<string>();
        for (var i = 0; i < pieces.Count; i++)
        {
            var found = pieces[i].Length <= 80 ? Bylines.Names(pieces[i]).Where(Bylines.LooksLikeName).ToList() : [];
            if (found.Count == 0)
            {
                if (names.Count > 0)
                {
                    break;
                }

                continue;
            }

            names.AddRange(found.Where(n => !names.Contains(n, StringComparer.OrdinalIgnoreCase)));
            if (i + 2 < pieces.Count && Connector().IsMatch(pieces[i + 1]))
            {
                i++;
                continue;
            }

            break;
        }

        return names;
    }

    /// <summary>Elements that start a new line of text.</summary>
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "div", "p", "li", "ul", "ol", "dl", "dt", "dd", "section", "header", "footer", "article", "aside", "h1", "h2", "h3",
        "h4", "h5", "h6", "table", "tr", "td", "th", "figure", "figcaption", "blockquote", "address",
    };

    /// <summary>
    /// The visible text under an element as its blocks: inline markup joins ("Ann <b>Lee</b>" is "Ann Lee"), a block or
    /// line break parts ("<p>Ann Lee</p><p>Tech Reporter</p>" is two); the first few, whitespace-collapsed.
    /// </summary>
    private static List<string> Segments(HtmlNode element)
    {
        var segments = new List<string>();
        var current = new System.Text.StringBuilder();
        Walk(element, true);
        Flush();
        return segments;

        void Walk(HtmlNode node, bool top)
        {
            foreach (var child in node.ChildNodes)
            {
                if (segments.Count >= MaxBylinePieces)
                {
                    return;
                }

                if (child.NodeType == HtmlNodeType.Text)
                {
                    current.Append(((HtmlTextNode)child).Text);
                }
                else if (child.NodeType == HtmlNodeType.Element && !InvisibleTags.Contains(child.Name) && !DomBuilder.IsHidden(child))
                {
                    var block = BlockTags.Contains(child.Name);
                    if (block)
                    {
                        Flush();
                    }

                    Walk(child, false);
                    if (block)
                    {
                        Flush();
                    }
                }
            }
        }

        void Flush()
        {
            if (current.Length > 0 && Clean(current.ToString()) is { } text)
            {
                segments.Add(text);
            }

            current.Clear();
        }
    }

    private static bool SameDay(string a, string b) => a.Length >= 10 && b.Length >= 10 && a.AsSpan(0, 10).SequenceEqual(b.AsSpan(0, 10));

    private static bool InFuture(string iso, DateTimeOffset now) =>
        DateOnly.TryParseExact(iso.Length >= 10 ? iso[..10] : iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
        && day.ToDateTime(TimeOnly.MinValue) > (now + FutureSlack).UtcDateTime;

    /// <summary>
    /// A machine-readable date as ISO 8601; null for a value without its year ("May 28" is not this year's May 28) or
    /// with a numeric day/month order that cannot be told ("02-12-2025").
    /// </summary>
    private static string? IsoDate(string value)
    {
        if (!FourDigitYear().IsMatch(value) || AmbiguousDayMonth().Match(value) is { Success: true } numeric
            && int.Parse(numeric.Groups["a"].Value, CultureInfo.InvariantCulture) is var a and <= 12
            && int.Parse(numeric.Groups["b"].Value, CultureInfo.InvariantCulture) is var b and <= 12 && a != b)
        {
            return null;
        }

        var iso = IsoDates.Normalize(value);
        if (iso is null)
        {
            var match = LeadingIsoDate().Match(value);
            iso = match.Success ? IsoDates.Normalize(match.Value) : null;
        }

        return iso;
    }

    private static string? DateInUrl(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var match = UrlDate().Match(url);
        if (!match.Success || !match.Groups["d"].Success)
        {
            return null;
        }

        return IsoDates.Normalize($"{match.Groups["y"].Value}-{match.Groups["m"].Value}-{match.Groups["d"].Value}");
    }

    private static string? LanguageCode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var primary = value.Trim().Split('-', '_', ',', ';', ' ')[0].ToLowerInvariant();
        return primary.Length is >= 2 and <= 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    /// <summary>One pass over the document in reading order; offsets count the visible text before each element.</summary>
    private static PageFacts Collect(HtmlDocument document, HtmlHints hints, string? host, Deadline deadline)
    {
        var facts = new PageFacts { Host = host };
        var stack = new Stack<(HtmlNode Node, bool Visible)>();
        stack.Push((document.DocumentNode, true));
        var steps = 0;
        while (stack.Count > 0)
        {
            if ((++steps & 1023) == 0)
            {
                deadline.Check();
            }

            var (node, visible) = stack.Pop();
            if (node.NodeType == HtmlNodeType.Text)
            {
                if (visible)
                {
                    ObserveText(((HtmlTextNode)node).Text, facts, hints);
                }

                continue;
            }

            if (node.NodeType != HtmlNodeType.Element && node.NodeType != HtmlNodeType.Document)
            {
                continue;
            }

            if (node.NodeType == HtmlNodeType.Element)
            {
                visible = visible && !InvisibleTags.Contains(node.Name) && !DomBuilder.IsHidden(node);
                Observe(node, facts, hints, visible);
            }

            var children = node.ChildNodes;
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push((children[i], visible));
            }
        }

        facts.JsonLd.ResolveReferences();
        return facts;
    }

    private static string? HostOf(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host : null;

    /// <summary>Whether two hosts are one site ("www.example.com" and "example.com", "blog.example.com").</summary>
    private static bool SameSite(string a, string b) => SiteKey(a).Equals(SiteKey(b), StringComparison.OrdinalIgnoreCase);

    private static string SiteKey(string host)
    {
        var labels = host.Split('.');
        return labels.Length <= 2 ? host : string.Join('.', labels[^2..]);
    }

    /// <summary>A visible text: its length moves the offset; a short one may be a date or a "By …" line.</summary>
    private static void ObserveText(string raw, PageFacts facts, HtmlHints hints)
    {
        var start = 0;
        while (start < raw.Length && char.IsWhiteSpace(raw[start]))
        {
            start++;
        }

        if (start == raw.Length)
        {
            return;
        }

        var offset = facts.TextLength;
        facts.TextLength += raw.Length - start;
        if (raw.Length - start > 120 || facts.Dates.Count + facts.Bylines.Count >= MaxCandidates)
        {
            facts.PendingLabel = null;
            return;
        }

        var text = Clean(raw);
        if (text is null)
        {
            return;
        }

        if (text.Any(char.IsAsciiDigit) && Datelines.Find(text) is { } date)
        {
            facts.Dates.Add((date.Iso, offset, false));
        }

        if (facts.PendingLabel is { } label)
        {
            // "By" | <a href="/producers/ann-lee">Ann Lee</a>: the label and the text after it are one byline.
            facts.PendingLabel = null;
            facts.Bylines.Add(new BylineCandidate(null, label.Text + " " + text, label.Offset, BylineKind.ByLine));
        }
        else if (hints.BylineLabelOnly.IsMatch(text))
        {
            facts.PendingLabel = (text, offset);
        }
        else if (hints.BylineLine.IsMatch(text))
        {
            facts.Bylines.Add(new BylineCandidate(null, text, offset, BylineKind.ByLine));
        }
    }

    private static void Observe(HtmlNode node, PageFacts facts, HtmlHints hints, bool visible)
    {
        switch (node.Name)
        {
            case "html":
                facts.HtmlLang ??= Clean(node.GetAttributeValue("lang", null!) ?? node.GetAttributeValue("xml:lang", null!));
                break;
            case "meta":
                var key = node.GetAttributeValue("property", null!) ?? node.GetAttributeValue("name", null!)
                          ?? node.GetAttributeValue("itemprop", null!) ?? node.GetAttributeValue("http-equiv", null!);
                var content = Clean(node.GetAttributeValue("content", null!));
                if (key is not null && content is not null)
                {
                    facts.MetaValues.TryAdd(key.Trim().ToLowerInvariant(), content);
                }

                return;
            case "link":
                if (node.GetAttributeValue("rel", "").Split(' ').Contains("canonical", StringComparer.OrdinalIgnoreCase))
                {
                    facts.Canonical ??= Clean(node.GetAttributeValue("href", null!));
                }

                break;
            case "title":
                if (facts.TitleElement is null && !node.Ancestors("svg").Any())
                {
                    facts.TitleElement = Clean(node.InnerText);
                }

                return;
            case "h1" or "h2" when visible:
                var headings = node.Name == "h1" ? facts.H1s : facts.H2s;
                if (headings.Count < MaxCandidates / 10 && string.Join(' ', Segments(node)) is { Length: > 0 and <= 400 } heading)
                {
                    headings.Add((heading, facts.TextLength));
                }

                break;
            case "time" when visible:
                if (Clean(node.GetAttributeValue("datetime", null!)) is { } datetime && IsoDate(datetime) is { } iso && facts.Dates.Count < MaxCandidates)
                {
                    facts.Dates.Add((iso, facts.TextLength, true));
                }

                break;
            case "script":
                if (node.GetAttributeValue("type", "").Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                {
                    ReadJsonLd(node.InnerText, facts.JsonLd);
                }

                return;
        }

        if (!node.HasAttributes)
        {
            return;
        }

        var itemprop = node.GetAttributeValue("itemprop", "");
        if (itemprop is "datePublished" or "dateModified")
        {
            // <span itemprop="datePublished">October 17, 2018</span>: structured data written as text.
            var value = node.GetAttributeValue("content", null!) ?? node.GetAttributeValue("datetime", null!);
            var iso = value is not null ? IsoDate(value) : Clean(node.InnerText) is { Length: <= 120 } text ? Datelines.Find(text)?.Iso : null;
            if (iso is not null)
            {
                facts.MetaValues.TryAdd(itemprop.ToLowerInvariant(), iso);
            }
        }

        if (visible && facts.Bylines.Count < MaxCandidates && BylineKindOf(node, itemprop, hints, facts.Host ?? HostOf(facts.Canonical)) is { } kind)
        {
            facts.Bylines.Add(new BylineCandidate(node, null, facts.TextLength, kind));
        }
    }

    private static BylineKind? BylineKindOf(HtmlNode node, string itemprop, HtmlHints hints, string? host)
    {
        if (node.GetAttributeValue("rel", "").Contains("author", StringComparison.OrdinalIgnoreCase)
            || itemprop.Contains("author", StringComparison.OrdinalIgnoreCase))
        {
            return BylineKind.AuthorLink;
        }

        if (node.Name == "a" && node.GetAttributeValue("href", "") is var href && AuthorPage().IsMatch(href)
            && (host is null || HostOf(href.StartsWith("//", StringComparison.Ordinal) ? "https:" + href : href) is not { } linked || SameSite(linked, host)))
        {
            // A link to the site's own author page; a profile on a social network is not a byline.
            return BylineKind.AuthorLink;
        }

        var classAndId = DomBuilder.ClassAndId(node);
        return classAndId.Length > 0 && hints.Byline.Matches(classAndId) && !hints.BylineParts.Matches(classAndId) ? BylineKind.Hinted : null;
    }

    private static void ReadJsonLd(string json, JsonLdFacts facts)
    {
        try
        {
            using var document = JsonDocument.Parse(json.Trim(), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            Visit(document.RootElement, facts, 0);
        }
        catch (JsonException)
        {
            // Broken JSON-LD is common; the other metadata sources still apply.
        }
    }

    private static void Visit(JsonElement element, JsonLdFacts facts, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Visit(item, facts, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (element.TryGetProperty("@graph", out var graph))
        {
            Visit(graph, facts, depth + 1);
        }

        if (depth <= 2)
        {
            facts.Types.UnionWith(TypeNames(element));
        }

        if (TypeNames(element).Contains("WebSite", StringComparer.OrdinalIgnoreCase))
        {
            facts.WebSiteName ??= StringProperty(element, "name");
        }

        if (StringProperty(element, "@id") is { } id && StringProperty(element, "name") is { } named)
        {
            facts.NamesById.TryAdd(id, (named, IsOrganisation(element)));
        }

        if (!IsArticleType(element))
        {
            return;
        }

        var isWebPage = TypeNames(element).All(t => t is "WebPage" or "Blog");
        if (!isWebPage || facts.Headline is null)
        {
            facts.Headline ??= StringProperty(element, "headline") ?? (isWebPage ? null : StringProperty(element, "name"));
        }

        facts.DatePublished ??= StringProperty(element, "datePublished") ?? StringProperty(element, "dateCreated");
        facts.DateModified ??= StringProperty(element, "dateModified");
        facts.Language ??= StringProperty(element, "inLanguage");
        if (!isWebPage)
        {
            facts.Url ??= StringProperty(element, "url");
        }

        if (element.TryGetProperty("publisher", out var publisher))
        {
            facts.Publisher ??= NameOf(publisher);
            facts.PublisherReference ??= publisher.ValueKind == JsonValueKind.Object ? StringProperty(publisher, "@id") : null;
        }

        if (!facts.HasAuthors && element.TryGetProperty("author", out var author))
        {
            foreach (var item in author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().ToList() : [author])
            {
                if (NameOf(item) is { } name)
                {
                    (item.ValueKind == JsonValueKind.Object && IsOrganisation(item) ? facts.Organisations : facts.Persons).Add(name);
                }
                else if (item.ValueKind == JsonValueKind.Object && StringProperty(item, "@id") is { } reference)
                {
                    // Yoast and others: "author": {"@id": "…#/schema/person/…"}, the person elsewhere in the graph.
                    facts.AuthorReferences.Add(reference);
                }
            }
        }
    }

    private static bool IsOrganisation(JsonElement element) =>
        TypeNames(element).Any(t => t.Contains("Organization", StringComparison.OrdinalIgnoreCase) || t is "NewsMediaOrganization" or "Corporation");

    private static bool IsArticleType(JsonElement element) => TypeNames(element).Any(ArticleTypes.Contains);

    private static IEnumerable<string> TypeNames(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            return [];
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => [JsonStrings.Read(type, out _)!],
            JsonValueKind.Array => type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => JsonStrings.Read(t, out _)!).ToList(),
            _ => [],
        };
    }

    private static string? NameOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Clean(JsonStrings.Read(element, out _)),
        JsonValueKind.Object => StringProperty(element, "name"),
        JsonValueKind.Array => element.EnumerateArray().Select(NameOf).FirstOrDefault(n => n is not null),
        _ => null,
    };

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Clean(JsonStrings.Read(value, out _)) : null;

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = Whitespace().Replace(WebUtility.HtmlDecode(value), " ").Trim();
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex LeadingIsoDate();

    [GeneratedRegex(@"(?<!\d)\d{4}(?!\d)")]
    private static partial Regex FourDigitYear();

    [GeneratedRegex(@"^\s*(?<a>\d{1,2})[-/.](?<b>\d{1,2})[-/.]\d{4}(?!\d)")]
    private static partial Regex AmbiguousDayMonth();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})[/-](?<m>[01]\d)(?:[/-](?<d>[0-3]\d))?(?:/|$|-|\.)")]
    private static partial Regex UrlDate();

    /// <summary>A twitter:label that says its twitter:data is the author.</summary>
    [GeneratedRegex(@"^(?:written by|author|authors|by|autor|auteur|verfasst von|geschrieben von)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorLabel();

    /// <summary>A text between two names that joins them.</summary>
    [GeneratedRegex(@"^(?:,|&|and|und|et|y|en|e|и)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Connector();

    /// <summary>A link to an author's page: /author/jane-doe, /authors/…, /people/…, /staff/…, /contributors/…, /writers/….</summary>
    [GeneratedRegex(@"/(?:author|authors|autor|auteur|people|staff|contributor|contributors|writer|writers|journalist|journalists|profile|profiles|byline|producers|producer|team|editor|editors|redaktion|redacteur|redactie)/[^/?#]+/?(?:[?#].*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorPage();

    private enum BylineKind
    {
        /// <summary>rel=author, itemprop=author, a link to an author page: the markup says "this is the author".</summary>
        AuthorLink,

        /// <summary>A line that starts with "By".</summary>
        ByLine,

        /// <summary>An element whose class or id says byline/author (it may also hold a role, a date, a photo credit).</summary>
        Hinted,
    }

    /// <summary>A byline element (its texts are read when it is near the headline) or a byline text.</summary>
    private sealed record BylineCandidate(HtmlNode? Node, string? Text, int Offset, BylineKind Kind);

    private sealed class PageFacts
    {
        public Dictionary<string, string> MetaValues { get; } = new(StringComparer.Ordinal);

        /// <summary>The page's host, to tell its own author pages from other sites' profiles.</summary>
        public string? Host { get; init; }

        /// <summary>A text that is only a byline label ("By"), waiting for the name after it.</summary>
        public (string Text, int Offset)? PendingLabel { get; set; }
        public string? HtmlLang { get; set; }
        public string? Canonical { get; set; }
        public string? TitleElement { get; set; }

        /// <summary>Characters of visible text read so far: the offset of what comes next.</summary>
        public int TextLength { get; set; }

        public List<(string Text, int Offset)> H1s { get; } = [];
        public List<(string Text, int Offset)> H2s { get; } = [];

        /// <summary>Dates shown in the page (a short text that is or holds a date) and &lt;time datetime&gt; values.</summary>
        public List<(string Iso, int Offset, bool FromTimeElement)> Dates { get; } = [];

        public List<BylineCandidate> Bylines { get; } = [];
        public JsonLdFacts JsonLd { get; } = new();

        public string? Meta(string key) => MetaValues.GetValueOrDefault(key);
    }

    private sealed class JsonLdFacts
    {
        public string? Headline { get; set; }
        public string? DatePublished { get; set; }
        public string? DateModified { get; set; }
        public string? Language { get; set; }
        public string? Url { get; set; }
        public string? Publisher { get; set; }
        public string? WebSiteName { get; set; }
        public List<string> Persons { get; } = [];
        public List<string> Organisations { get; } = [];
        public List<string> AuthorReferences { get; } = [];
        public string? PublisherReference { get; set; }

        /// <summary>Named nodes of the JSON-LD graphs by @id, for the references.</summary>
        public Dictionary<string, (string Name, bool IsOrganisation)> NamesById { get; } = new(StringComparer.Ordinal);

        public bool HasAuthors => Persons.Count + Organisations.Count + AuthorReferences.Count > 0;

        public void ResolveReferences()
        {
            foreach (var reference in AuthorReferences)
            {
                if (NamesById.TryGetValue(reference, out var node))
                {
                    (node.IsOrganisation ? Organisations : Persons).Add(node.Name);
                }
            }

            if (Publisher is null && PublisherReference is not null && NamesById.TryGetValue(PublisherReference, out var publisher))
            {
                Publisher = publisher.Name;
            }
        }

        /// <summary>Every schema.org @type the page declares, at any depth.</summary>
        public HashSet<string> Types { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
