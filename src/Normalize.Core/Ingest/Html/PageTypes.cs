namespace Normalize.Core.Ingest.Html;

/// <summary>
/// What kind of page a page is: an article, or a page whose main text is something else (a listing, a forum
/// thread, a product page, documentation). Facts first: the schema.org types and og:type the page declares;
/// without them, a page whose best text reads as link lists and short lines is a listing.
/// </summary>
public static class PageTypes
{
    public const string Article = "article";
    public const string Listing = "listing";
    public const string Forum = "forum";
    public const string Product = "product";
    public const string Documentation = "documentation";

    private static readonly HashSet<string> ProductTypes = new(StringComparer.OrdinalIgnoreCase) { "Product", "ProductGroup", "IndividualProduct", "ProductModel", "og:product", "og:product.item" };

    private static readonly HashSet<string> ForumTypes = new(StringComparer.OrdinalIgnoreCase) { "DiscussionForumPosting", "QAPage", "Question", "Conversation" };

    private static readonly HashSet<string> DocumentationTypes = new(StringComparer.OrdinalIgnoreCase) { "APIReference", "SoftwareSourceCode", "HowTo" };

    private static readonly HashSet<string> ListingTypes = new(StringComparer.OrdinalIgnoreCase) { "CollectionPage", "SearchResultsPage", "ItemList", "OfferCatalog" };

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "Report", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "ReviewNewsArticle", "BackgroundNewsArticle", "ScholarlyArticle", "LiveBlogPosting", "og:article",
    };

    public static string Of(HtmlMetadata metadata, bool looksLikeArticle)
    {
        var types = metadata.DeclaredTypes;
        if (types.Any(ArticleTypes.Contains) && looksLikeArticle)
        {
            return Article;
        }

        if (types.Any(ProductTypes.Contains))
        {
            return Product;
        }

        if (types.Any(ForumTypes.Contains))
        {
            return Forum;
        }

        if (types.Any(DocumentationTypes.Contains))
        {
            return Documentation;
        }

        if (types.Any(ListingTypes.Contains) || !looksLikeArticle)
        {
            return Listing;
        }

        return Article;
    }
}
