namespace Normalize.Core.Ingest.Html;

/// <summary>What a page says about its article, outside the body text.</summary>
public sealed record HtmlMetadata
{
    public string? Title { get; init; }

    /// <summary>ISO 8601 (see <see cref="IsoDates"/>).</summary>
    public string? Date { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Primary language subtag, lower case ("en", "ru").</summary>
    public string? Language { get; init; }

    public string? CanonicalUrl { get; init; }

    public string? SiteName { get; init; }

    /// <summary>The schema.org types of the page's JSON-LD and its og:type (as "og:product"), for <see cref="PageTypes"/>.</summary>
    public IReadOnlyList<string> DeclaredTypes { get; init; } = [];
}
