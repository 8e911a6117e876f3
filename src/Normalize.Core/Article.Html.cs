namespace Normalize.Core;

/// <summary>Members the HTML extractor fills (src/Normalize.Core/Ingest/Html).</summary>
public sealed partial class Article
{
    /// <summary>The publisher's name from the page metadata (og:site_name, JSON-LD publisher).</summary>
    public string? SiteName { get; set; }

    /// <summary>"article", or what else the page is ("listing", "forum", "product", "documentation"); text input is read as an article.</summary>
    public string PageType { get; set; } = "article";

    /// <summary>The body was already taken out of its page by the HTML block scorer (the text-dump line scorer then stays out).</summary>
    public bool BodyExtracted { get; set; }
}
