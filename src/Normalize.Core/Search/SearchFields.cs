namespace Normalize.Core.Search;

/// <summary>The field names of an article document in the Lucene index.</summary>
internal static class SearchFields
{
    // Stored (what `search` and `show` print).
    public const string Id = "id";
    public const string Title = "title";
    public const string Date = "date";
    public const string LanguageStored = "language";
    public const string Source = "source";
    public const string Url = "url";
    public const string Authors = "authors";
    public const string TranslatedFrom = "translated_from";
    public const string FlagCount = "flags";
    public const string Record = "record";

    // Indexed only.
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
