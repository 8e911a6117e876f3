using Normalize.Core.Ingest.Html;

namespace Normalize.Core.Ingest;

/// <summary>
/// An HTML page to an article: the main content as text (paragraph breaks at block elements) and
/// the metadata (title, date, authors, language, canonical URL, site name), by <see cref="HtmlExtractor"/>.
/// The text boilerplate stage then runs on the body; the title comes from metadata, not the body.
/// </summary>
public static class HtmlArticleReader
{
    public static IngestResult Read(string source, string id, byte[] bytes) => Read(source, id, bytes, HtmlExtractor.Default);

    public static IngestResult Read(string source, string id, byte[] bytes, HtmlExtractor extractor, string? url = null) =>
        ToArticle(source, id, extractor.Extract(bytes, url), url);

    /// <summary>A page that is text already (a JSONL record's "html"): no bytes to decode, so no charset declaration to obey.</summary>
    public static IngestResult Read(string source, string id, string html, HtmlExtractor extractor, string? url = null) =>
        ToArticle(source, id, extractor.Extract(html, url), url);

    private static IngestResult ToArticle(string source, string id, HtmlExtractionResult result, string? url)
    {
        if (result.Extraction is not { } extraction)
        {
            return new IngestError(source, result.Error ?? "cannot read the HTML page");
        }

        if (extraction.Text.Length == 0)
        {
            return new IngestError(source, "no visible text in the page");
        }

        var metadata = extraction.Metadata;
        var article = new Article(id, source, extraction.Text)
        {
            Title = metadata.Title,
            DetectTitleInText = false,
            Date = metadata.Date,
            Url = metadata.CanonicalUrl ?? url,
            SiteName = metadata.SiteName,
            PageType = extraction.PageType,
            BodyExtracted = true,
        };
        if (extraction.PageType != PageTypes.Article)
        {
            // Not an error: the page's main text is kept, and the record says what kind of page it is.
            article.Flags.Add(new Flag(metadata.Title ?? "", "not-an-article", 1));
        }
        if (metadata.Language is not null)
        {
            article.Language = metadata.Language;
            article.DeclaredLanguage = metadata.Language;
        }

        article.Authors.AddRange(metadata.Authors);
        article.Removed.AddRange(extraction.Removed.Select(r => new Removal(r.Text, r.Reason)));
        article.Warnings.AddRange(extraction.Warnings);
        return new IngestedArticle(source, article);
    }
}
