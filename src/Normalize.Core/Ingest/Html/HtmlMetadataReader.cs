using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace Normalize.Core.Ingest.Html;

/// <summary>
/// Reads title, date, authors, language, canonical URL and site name from a parsed page:
/// Open Graph and other meta tags, JSON-LD, &lt;link rel=canonical&gt;, &lt;html lang&gt;,
/// &lt;time datetime&gt;, the first &lt;h1&gt; and &lt;title&gt;, and a date in the URL.
/// </summary>
internal static partial class HtmlMetadataReader
{
    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / ", " : "];

    private static readonly string[] DateMetaNames =
    [
        "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date",
        "publish_date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued", "sailthru.date", "parsely-pub-date",
        "article.published", "published_time", "cxenseparse:recs:publishtime", "citation_publication_date",
    ];

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "Report", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "ReviewNewsArticle", "BackgroundNewsArticle", "TechArticle", "ScholarlyArticle", "LiveBlogPosting", "SocialMediaPosting",
        "WebPage", "Blog",
    };

    /// <summary>The metadata, and the titles a heading in the body may repeat (the chosen title and the raw &lt;title&gt;).</summary>
    public static (HtmlMetadata Metadata, IReadOnlyList<string> Titles) Read(HtmlDocument document, string? sourceUrl, Deadline deadline)
    {
        var facts = Collect(document, deadline);
        var ld = facts.JsonLd;
        var siteName = facts.Meta("og:site_name") ?? ld.Publisher ?? facts.Meta("application-name") ?? facts.Meta("twitter:site")?.TrimStart('@');
        var rawTitle = facts.Meta("og:title") ?? ld.Headline ?? facts.Meta("twitter:title") ?? facts.FirstH1 ?? facts.TitleElement;
        var title = rawTitle is null ? null : StripSiteName(rawTitle, siteName, facts.FirstH1);

        var canonical = facts.Canonical ?? facts.Meta("og:url") ?? ld.Url ?? sourceUrl;
        var date = DateMetaNames.Select(facts.Meta).FirstOrDefault(d => d is not null && IsoDate(d) is not null)
                   ?? ld.DatePublished ?? facts.TimeDatetime;
        var iso = date is null ? null : IsoDate(date);
        iso ??= DateInUrl(canonical) ?? DateInUrl(sourceUrl);

        var authors = new List<string>();
        AddAuthors(authors, facts.Meta("author"));
        AddAuthors(authors, facts.Meta("article:author") is { } a && !a.Contains("://", StringComparison.Ordinal) ? a : null);
        foreach (var author in ld.Authors)
        {
            AddAuthors(authors, author);
        }

        AddAuthors(authors, facts.Meta("dc.creator") ?? facts.Meta("byl"));

        var language = facts.HtmlLang ?? facts.Meta("content-language") ?? ld.Language ?? facts.Meta("og:locale");
        var metadata = new HtmlMetadata
        {
            Title = title,
            Date = iso,
            Authors = authors,
            Language = LanguageCode(language),
            CanonicalUrl = canonical,
            SiteName = siteName,
            DeclaredTypes = [.. ld.Types.Order(StringComparer.Ordinal), .. facts.Meta("og:type") is { } og ? new[] { "og:" + og.ToLowerInvariant() } : []],
        };
        var titles = new[] { title, rawTitle, facts.TitleElement }.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return (metadata, titles);
    }

    /// <summary>A byline as a name: "By Jane Doe and John Roe" gives both names.</summary>
    public static void AddAuthors(List<string> authors, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var text = BylinePrefix().Replace(WebUtility.HtmlDecode(value).Trim(), "");
        foreach (var part in AuthorSeparator().Split(text))
        {
            var name = part.Trim().Trim(',', ';', '|', '.');
            if (name.Length is > 1 and < 80 && !name.Contains("://", StringComparison.Ordinal)
                && !authors.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                authors.Add(name);
            }
        }
    }

    private static string? IsoDate(string value)
    {
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
        if (!match.Success)
        {
            return null;
        }

        var day = match.Groups["d"].Success ? match.Groups["d"].Value : null;
        var value = $"{match.Groups["y"].Value}-{match.Groups["m"].Value}-{day ?? "01"}";
        return day is null ? null : IsoDates.Normalize(value);
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

    /// <summary>"Headline | Site" to "Headline": the part that is not the site name, or that matches the h1.</summary>
    private static string StripSiteName(string title, string? siteName, string? h1)
    {
        foreach (var separator in TitleSeparators)
        {
            var index = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (index <= 0)
            {
                continue;
            }

            var head = title[..index].Trim();
            var tail = title[(index + separator.Length)..].Trim();
            if (siteName is not null && SameName(tail, siteName))
            {
                return head;
            }

            var first = title.IndexOf(separator, StringComparison.Ordinal);
            if (siteName is not null && SameName(title[..first].Trim(), siteName))
            {
                return title[(first + separator.Length)..].Trim();
            }

            if (h1 is not null && (SameName(head, h1) || TextSimilarity.IsSameHeadline(head, h1)))
            {
                return head;
            }

            // A short last part after a long headline is a site name.
            if (separator is " | " or " - " or " – " or " — " && TextSimilarity.Words(tail).Count() <= 4 && TextSimilarity.Words(head).Count() >= 4)
            {
                return head;
            }
        }

        return title;

        static bool SameName(string a, string b) =>
            string.Equals(Squash(a), Squash(b), StringComparison.OrdinalIgnoreCase);

        static string Squash(string s) => string.Concat(s.Where(char.IsLetterOrDigit));
    }

    private static PageFacts Collect(HtmlDocument document, Deadline deadline)
    {
        var facts = new PageFacts();
        var stack = new Stack<HtmlNode>();
        stack.Push(document.DocumentNode);
        var steps = 0;
        while (stack.Count > 0)
        {
            if ((++steps & 1023) == 0)
            {
                deadline.Check();
            }

            var node = stack.Pop();
            if (node.NodeType == HtmlNodeType.Element)
            {
                Observe(node, facts);
            }

            var children = node.ChildNodes;
            for (var i = children.Count - 1; i >= 0; i--)
            {
                if (children[i].NodeType == HtmlNodeType.Element)
                {
                    stack.Push(children[i]);
                }
            }
        }

        return facts;
    }

    private static void Observe(HtmlNode node, PageFacts facts)
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

                break;
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

                break;
            case "h1":
                facts.FirstH1 ??= Clean(node.InnerText);
                break;
            case "time":
                facts.TimeDatetime ??= Clean(node.GetAttributeValue("datetime", null!));
                break;
            case "script":
                if (node.GetAttributeValue("type", "").Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                {
                    ReadJsonLd(node.InnerText, facts.JsonLd);
                }

                break;
        }
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
        facts.Language ??= StringProperty(element, "inLanguage");
        if (!isWebPage)
        {
            facts.Url ??= StringProperty(element, "url");
        }

        if (element.TryGetProperty("publisher", out var publisher))
        {
            facts.Publisher ??= NameOf(publisher);
        }

        if (facts.Authors.Count == 0 && element.TryGetProperty("author", out var author))
        {
            foreach (var item in author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().ToList() : [author])
            {
                if (NameOf(item) is { } name)
                {
                    facts.Authors.Add(name);
                }
            }
        }
    }

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

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})[/-](?<m>[01]\d)(?:[/-](?<d>[0-3]\d))?(?:/|$|-|\.)")]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"^(?:by|written by|posted by|von|par|por|door|di|av|автор:?)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex BylinePrefix();

    [GeneratedRegex(@"\s*(?:,|;|\||\band\b|&|\bund\b|\bet\b|\by\b|\ben\b|\bи\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorSeparator();

    private sealed class PageFacts
    {
        public Dictionary<string, string> MetaValues { get; } = new(StringComparer.Ordinal);
        public string? HtmlLang { get; set; }
        public string? Canonical { get; set; }
        public string? TitleElement { get; set; }
        public string? FirstH1 { get; set; }
        public string? TimeDatetime { get; set; }
        public JsonLdFacts JsonLd { get; } = new();

        public string? Meta(string key) => MetaValues.GetValueOrDefault(key);
    }

    private sealed class JsonLdFacts
    {
        public string? Headline { get; set; }
        public string? DatePublished { get; set; }
        public string? Language { get; set; }
        public string? Url { get; set; }
        public string? Publisher { get; set; }
        public List<string> Authors { get; } = [];

        /// <summary>Every schema.org @type the page declares, at any depth.</summary>
        public HashSet<string> Types { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
