namespace Normalize.Core;

/// <summary>Members the HTML extractor fills (src/Normalize.Core/Ingest/Html).</summary>
public sealed partial class Article
{
    /// <summary>The publisher's name from the page metadata (og:site_name, JSON-LD publisher).</summary>
    public string? SiteName { get; set; }
}
