namespace Normalize.Core.Search;

/// <summary>The field names of an article document in the Lucene index.</summary>
internal static class SearchFields
{
    // Stored: the corpus record (UTF-8 JSON), what `show` prints and hits and snippets are read from.
    public const string Record = "record";

    // Indexed only.
    public const string Id = "id";
    public const string Day = "day";
    public const string Language = "lang";
    public const string SourceMatch = "source_match";
    public const string Author = "author";

    // Doc values (sorting and facets).
    public const string DateSort = "date_dv";
    public const string HostFacet = "host_dv";
    public const string LanguageFacet = "lang_dv";
    public const string MonthFacet = "month_dv";
}
