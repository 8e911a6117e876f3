using System.Globalization;
using System.Text;
using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Normalize.Core.Corpus;

namespace Normalize.Core.Search;

/// <summary>
/// A corpus record as a Lucene document. The record JSON (UTF-8) is the only stored field: it is what
/// `show` prints, and hits and snippets are read from it, so nothing is stored twice. Everything else
/// is indexed (per-language text, title and original text; id, language, source, day, author) or kept
/// as doc values (date order, facets). An instance is refilled for each record, its fields reused
/// (Lucene's advice for fast indexing): fill it and add it on one thread at a time.
/// </summary>
public sealed class ArticleDocument
{
    private readonly List<IIndexableField> _fields = new(24);
    private readonly StringField _id = new(SearchFields.Id, "", Field.Store.NO);
    private readonly StoredField _record = new(SearchFields.Record, new BytesRef());
    private readonly StringField _language = new(SearchFields.Language, "", Field.Store.NO);
    private readonly SortedDocValuesField _languageFacet = new(SearchFields.LanguageFacet, new BytesRef());
    private readonly StringField _source = new(SearchFields.SourceMatch, "", Field.Store.NO);
    private readonly StringField _url = new(SearchFields.SourceMatch, "", Field.Store.NO);
    private readonly SortedDocValuesField _hostFacet = new(SearchFields.HostFacet, new BytesRef());
    private readonly SortedDocValuesField _dateSort = new(SearchFields.DateSort, new BytesRef());
    private readonly StringField _day = new(SearchFields.Day, "", Field.Store.NO);
    private readonly SortedDocValuesField _monthFacet = new(SearchFields.MonthFacet, new BytesRef());
    private readonly Dictionary<string, TextField> _analyzed = new(StringComparer.Ordinal);
    private readonly List<TextField> _authors = [];
    private byte[] _json = new byte[4096];

    /// <summary>The id of the record the document was last filled with.</summary>
    public string Id { get; private set; } = "";

    internal IEnumerable<IIndexableField> Fields => _fields;

    /// <summary>A new document of <paramref name="record"/> (to build on one thread and add on another).</summary>
    public static ArticleDocument For(CorpusRecord record) => new ArticleDocument().Fill(record);

    /// <summary>Refills this document with <paramref name="record"/>.</summary>
    public ArticleDocument Fill(CorpusRecord record)
    {
        _fields.Clear();
        Id = record.Id;
        var jsonLength = Encoding.UTF8.GetMaxByteCount(record.Json.Length);
        if (_json.Length < jsonLength)
        {
            _json = new byte[Math.Max(jsonLength, _json.Length * 2)];
        }

        jsonLength = Encoding.UTF8.GetBytes(record.Json, _json);
        var extra = Extra.Read(_json.AsSpan(0, jsonLength));
        var key = LanguageAnalysis.KeyOf(record.Language);
        var language = record.Language.ToLowerInvariant();

        Add(_id, record.Id);
        _record.SetBytesValue(new BytesRef(_json, 0, jsonLength));
        _fields.Add(_record);
        Add(_language, language);
        Add(_languageFacet, language);
        Add(_source, record.Source.ToLowerInvariant());
        Add(_hostFacet, Host(extra.Url, record.Source));
        Add(Analyzed(LanguageAnalysis.Field("text", key)), record.Text);
        if (record.Title is { } title)
        {
            Add(Analyzed(LanguageAnalysis.Field("title", key)), title);
        }

        if (record.Date is { } date)
        {
            Add(_dateSort, date);
            if (date.Length >= 10 && DateOnly.TryParseExact(date[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                Add(_day, date[..10]);
                Add(_monthFacet, date[..7]);
            }
        }

        if (extra.Url is { } url && !string.Equals(url, record.Source, StringComparison.OrdinalIgnoreCase))
        {
            Add(_url, url.ToLowerInvariant());
        }

        for (var i = 0; i < extra.Authors.Count; i++)
        {
            if (i == _authors.Count)
            {
                _authors.Add(new TextField(SearchFields.Author, "", Field.Store.NO));
            }

            Add(_authors[i], extra.Authors[i]);
        }

        if (extra.TranslatedFrom is { } from && extra.OriginalText is { } original)
        {
            Add(Analyzed(LanguageAnalysis.Field("original", LanguageAnalysis.KeyOf(from))), original);
        }

        return this;
    }

    private void Add(Field field, string value)
    {
        field.SetStringValue(value);
        _fields.Add(field);
    }

    private void Add(SortedDocValuesField field, string value)
    {
        field.SetBytesValue(new BytesRef(value));
        _fields.Add(field);
    }

    private TextField Analyzed(string name)
    {
        if (!_analyzed.TryGetValue(name, out var field))
        {
            _analyzed[name] = field = new TextField(name, "", Field.Store.NO);
        }

        return field;
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

    /// <summary>What a hit shows, read from a stored record (UTF-8 JSON); the text only when <paramref name="withText"/>.</summary>
    internal static StoredRecord ReadStored(ReadOnlySpan<byte> json, bool withText)
    {
        string? id = null, title = null, date = null, source = null, language = null, url = null, text = null;
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return new StoredRecord("", null, null, "", "und", null, "");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                var wanted = name.SequenceEqual("id"u8) ? 0 : name.SequenceEqual("title"u8) ? 1 : name.SequenceEqual("date"u8) ? 2
                    : name.SequenceEqual("source"u8) ? 3 : name.SequenceEqual("language"u8) ? 4 : name.SequenceEqual("url"u8) ? 5
                    : withText && name.SequenceEqual("text"u8) ? 6 : -1;
                reader.Read();
                if (wanted < 0 || reader.TokenType != JsonTokenType.String)
                {
                    reader.Skip();
                    continue;
                }

                var value = JsonStrings.Read(ref reader);
                switch (wanted)
                {
                    case 0: id = value; break;
                    case 1: title = value; break;
                    case 2: date = value; break;
                    case 3: source = value; break;
                    case 4: language = value; break;
                    case 5: url = value; break;
                    default: text = value; break;
                }
            }
        }
        catch (JsonException)
        {
            // What was read so far is shown; the index only holds records that parsed when added.
        }

        return new StoredRecord(id ?? "", title, date, source ?? "", language ?? "und", url, text ?? "");
    }

    /// <summary>The stored fields of a hit (see <see cref="ReadStored"/>).</summary>
    internal sealed record StoredRecord(string Id, string? Title, string? Date, string Source, string Language, string? Url, string Text);

    /// <summary>The record fields beyond <see cref="CorpusRecord"/>'s that the index searches.</summary>
    private readonly record struct Extra(string? Url, List<string> Authors, string? TranslatedFrom, string? OriginalText)
    {
        public static Extra Read(ReadOnlySpan<byte> json)
        {
            string? url = null, from = null, original = null;
            var authors = new List<string>(1);
            var reader = new Utf8JsonReader(json);
            try
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return new Extra(null, authors, null, null);
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.ValueSpan;
                    var isUrl = name.SequenceEqual("url"u8);
                    var isFrom = name.SequenceEqual("translated_from"u8);
                    var isAuthors = name.SequenceEqual("authors"u8);
                    // A translated record keeps what came in as `original` {language, title, text}.
                    var isOriginal = name.SequenceEqual("original"u8);
                    reader.Read();
                    if ((isUrl || isFrom) && reader.TokenType == JsonTokenType.String)
                    {
                        (isUrl ? ref url : ref from) = JsonStrings.Read(ref reader);
                    }
                    else if (isAuthors && reader.TokenType == JsonTokenType.StartArray)
                    {
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            if (reader.TokenType == JsonTokenType.String)
                            {
                                authors.Add(JsonStrings.Read(ref reader));
                            }
                            else
                            {
                                reader.Skip();
                            }
                        }
                    }
                    else if (isOriginal && reader.TokenType == JsonTokenType.StartObject)
                    {
                        original = TextOf(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            catch (JsonException)
            {
                // The index still holds what CorpusRecord carries.
            }

            return new Extra(url, authors, from, original);
        }

        /// <summary>The "text" of the object at <paramref name="reader"/>, leaving the reader at its end.</summary>
        private static string? TextOf(ref Utf8JsonReader reader)
        {
            string? text = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isText = reader.ValueSpan.SequenceEqual("text"u8);
                reader.Read();
                if (isText && reader.TokenType == JsonTokenType.String)
                {
                    text = JsonStrings.Read(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }

            return text;
        }
    }
}
