using System.Globalization;
using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Normalize.Core.Corpus;

namespace Normalize.Core.Search;

/// <summary>
/// A corpus record as a Lucene document. The record JSON is stored once (what `show` prints, and
/// where snippets come from); the text is indexed but not stored a second time.
/// </summary>
internal static class ArticleDocument
{
    public static Document Build(CorpusRecord record)
    {
        var extra = Extra.Read(record.Json);
        var key = LanguageAnalysis.KeyOf(record.Language);
        var document = new Document
        {
            new StringField(SearchFields.Id, record.Id, Field.Store.YES),
            new StoredField(SearchFields.LanguageStored, record.Language),
            new StringField(SearchFields.Language, record.Language.ToLowerInvariant(), Field.Store.NO),
            new SortedDocValuesField(SearchFields.LanguageFacet, new BytesRef(record.Language.ToLowerInvariant())),
            new StoredField(SearchFields.Source, record.Source),
            new StringField(SearchFields.SourceMatch, record.Source.ToLowerInvariant(), Field.Store.NO),
            new SortedDocValuesField(SearchFields.HostFacet, new BytesRef(Host(extra.Url, record.Source))),
            new TextField(LanguageAnalysis.Field("text", key), record.Text, Field.Store.NO),
            new StoredField(SearchFields.FlagCount, extra.Flags),
            new StoredField(SearchFields.Record, record.Json),
        };
        if (record.Title is { } title)
        {
            document.Add(new StoredField(SearchFields.Title, title));
            document.Add(new TextField(LanguageAnalysis.Field("title", key), title, Field.Store.NO));
        }

        if (record.Date is { } date)
        {
            document.Add(new StoredField(SearchFields.Date, date));
            document.Add(new SortedDocValuesField(SearchFields.DateSort, new BytesRef(date)));
            if (date.Length >= 10 && DateOnly.TryParseExact(date[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                document.Add(new StringField(SearchFields.Day, date[..10], Field.Store.NO));
                document.Add(new SortedDocValuesField(SearchFields.MonthFacet, new BytesRef(date[..7])));
            }
        }

        if (extra.Url is { } url)
        {
            document.Add(new StoredField(SearchFields.Url, url));
            if (!string.Equals(url, record.Source, StringComparison.OrdinalIgnoreCase))
            {
                document.Add(new StringField(SearchFields.SourceMatch, url.ToLowerInvariant(), Field.Store.NO));
            }
        }

        foreach (var author in extra.Authors)
        {
            document.Add(new TextField(SearchFields.Author, author, Field.Store.NO));
        }

        if (extra.Authors.Count > 0)
        {
            document.Add(new StoredField(SearchFields.Authors, string.Join("; ", extra.Authors)));
        }

        if (extra.TranslatedFrom is { } from)
        {
            document.Add(new StoredField(SearchFields.TranslatedFrom, from));
            if (extra.OriginalText is { } original)
            {
                document.Add(new TextField(LanguageAnalysis.Field("original", LanguageAnalysis.KeyOf(from)), original, Field.Store.NO));
            }
        }

        return document;
    }

    /// <summary>The "text" of a stored record ("" when there is none).</summary>
    public static string TextOf(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    /// <summary>The host of the article's url (or of a url source); the file name of a local source.</summary>
    private static string Host(string? url, string source)
    {
        foreach (var candidate in new[] { url, source })
        {
            if (candidate is not null && Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
            {
                return uri.Host.ToLowerInvariant();
            }
        }

        return source.Length == 0 ? "(unknown)" : Path.GetFileName(source.Split(':')[0]);
    }

    /// <summary>The record fields beyond <see cref="CorpusRecord"/>'s that the index stores or searches.</summary>
    private sealed record Extra(string? Url, List<string> Authors, string? TranslatedFrom, string? OriginalText, int Flags)
    {
        public static Extra Read(string json)
        {
            string? url = null, from = null, original = null;
            var authors = new List<string>();
            var flags = 0;
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return new Extra(null, authors, null, null, 0);
                }

                url = String(root, "url");
                from = String(root, "translated_from");
                original = String(root, "original_text");
                if (root.TryGetProperty("authors", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    authors.AddRange(list.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!));
                }

                if (root.TryGetProperty("flags", out var flagList) && flagList.ValueKind == JsonValueKind.Array)
                {
                    flags = flagList.GetArrayLength();
                }
            }
            catch (JsonException)
            {
                // The index still holds what CorpusRecord carries.
            }

            return new Extra(url, authors, from, original, flags);
        }

        private static string? String(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
