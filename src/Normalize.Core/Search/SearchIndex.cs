using System.Globalization;
using System.Text;
using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Normalize.Core.Corpus;
using Normalize.Core.Names;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Normalize.Core.Search;

/// <summary>
/// The embedded full-text index: a Lucene.NET folder (index.lucene/) with one document per article,
/// analyzed per language, BM25 with the title boosted. One writer (a lock file guards it), any
/// number of readers; readers see the last commit, and a commit is atomic, so a writer killed at
/// any moment leaves the previous commit searchable. Articles are updated by id.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    /// <summary>Bumped when the document layout changes; an index of another schema must be rebuilt.</summary>
    public const int SchemaVersion = 4;

    public const string DefaultFolderName = "index.lucene";

    private const string SchemaKey = "normalize.schema";
    private const string GenerationKey = "normalize.generation";
    private const string MarkOpen = "\u0002";
    private const string MarkClose = "\u0003";

    /// <summary>Each indexing thread's document, refilled for every record (see <see cref="ArticleDocument"/>).</summary>
    [ThreadStatic]
    private static ArticleDocument? _threadDocument;

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter? _writer;
    private readonly Analyzer _analyzer;
    private readonly object _writerLock = new();
    private DirectoryReader _reader;
    private IndexSearcher _searcher;
    private bool _inBatch;

    /// <summary>
    /// While the index holds only what this writer added, the ids added: a new id needs no delete
    /// (UpdateDocument's delete-by-term is most of the cost of building an index). Null otherwise.
    /// </summary>
    private HashSet<string>? _addedOnly;
    private bool _readerStale;

    private SearchIndex(string path, LuceneDirectory directory, IndexWriter? writer, Analyzer analyzer, DirectoryReader reader, string? generation)
    {
        Path = path;
        _directory = directory;
        _writer = writer;
        _analyzer = analyzer;
        _reader = reader;
        _searcher = NewSearcher(reader);
        CommittedGeneration = generation;
    }

    public string Path { get; }

    /// <summary>The generation stored with the last commit (see <see cref="CommitBatch(string?)"/>); null if none.</summary>
    public string? CommittedGeneration { get; private set; }

    /// <summary>The index folder of a corpus directory.</summary>
    public static string DefaultPath(string corpusDirectory) => System.IO.Path.Combine(corpusDirectory, DefaultFolderName);

    /// <summary>
    /// Opens the index folder at <paramref name="path"/>: for writing (creating it when absent) when
    /// <paramref name="create"/>, else read-only, which never writes a byte next to the index.
    /// </summary>
    public static SearchIndex Open(string path, bool create)
    {
        if (File.Exists(path))
        {
            throw new SearchIndexException($"'{path}' is not a normalize index: it is a file, and an index is a folder (index.lucene/); rebuild it with `normalize index CORPUS.jsonl`");
        }

        if (!create && !System.IO.Directory.Exists(path))
        {
            throw new SearchIndexException($"no index at '{path}' (run `normalize clean ... --out DIR` or `normalize index` first)");
        }

        NormalizeCodec.Register();
        var analyzer = LanguageAnalysis.CreateIndexAnalyzer();
        LuceneDirectory? directory = null;
        IndexWriter? writer = null;
        try
        {
            if (create)
            {
                System.IO.Directory.CreateDirectory(path);
                directory = FSDirectory.Open(new DirectoryInfo(path));
                var existing = DirectoryReader.IndexExists(directory);
                var generation = existing ? ReadCommitData(path, directory) : null;
                var config = new IndexWriterConfig(LanguageAnalysis.Version, analyzer)
                {
                    OpenMode = OpenMode.CREATE_OR_APPEND,
                    Similarity = new BM25Similarity(),
                    RAMBufferSizeMB = 128,
                    // A compound file is a second copy of each new segment written at flush time; searches
                    // open a handful of segments, so separate files cost nothing and save the copy.
                    UseCompoundFile = false,
                    Codec = new NormalizeCodec(),
                };
                writer = new IndexWriter(directory, config);
                if (!existing)
                {
                    writer.SetCommitData(CommitData(null));
                    writer.Commit();
                }

                var reader = DirectoryReader.Open(writer, applyAllDeletes: true);
                return new SearchIndex(path, directory, writer, analyzer, reader, generation) { _addedOnly = reader.MaxDoc == 0 ? [] : null };
            }

            // No lock factory: a reader takes no lock and so writes nothing (read-only folders work).
            directory = FSDirectory.Open(new DirectoryInfo(path), NoLockFactory.GetNoLockFactory());
            if (!DirectoryReader.IndexExists(directory))
            {
                throw new SearchIndexException($"'{path}' is not a normalize index (the folder holds no Lucene index; build one with `normalize index`)");
            }

            var committed = DirectoryReader.Open(directory);
            try
            {
                var data = committed.IndexCommit.UserData;
                CheckSchema(path, data);
                return new SearchIndex(path, directory, null, analyzer, committed, data.TryGetValue(GenerationKey, out var g) ? g : null);
            }
            catch
            {
                committed.Dispose();
                throw;
            }
        }
        catch (LockObtainFailedException)
        {
            directory?.Dispose();
            throw new SearchIndexException($"'{path}' is being written by another process (one writer at a time); try again when it is done");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or IndexFormatTooOldException or IndexFormatTooNewException)
        {
            writer?.Dispose();
            directory?.Dispose();
            throw new SearchIndexException(ex is UnauthorizedAccessException && create
                ? $"cannot write the index '{path}': {ex.Message}"
                : $"'{path}' is not a normalize index ({ex.Message})", ex);
        }
        catch (SearchIndexException)
        {
            writer?.Dispose();
            directory?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts, on a pool thread, what any query needs and the index does not decide: the English stemmer's
    /// dictionary, the query parser, the names table. A search process calls it just before <see cref="Open"/>,
    /// which takes about as long, so on a machine with a free core start-up waits for the longer of the two.
    /// </summary>
    public static void PrepareQueries() => ThreadPool.UnsafeQueueUserWorkItem(_ =>
    {
        try
        {
            using var analyzer = LanguageAnalysis.CreateIndexAnalyzer();
            new SearchQueryParser(analyzer, [LanguageAnalysis.Field("title", "en"), LanguageAnalysis.Field("text", "en")], NameAliasTable.Default)
                .ParseQuery("prepared queries");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only a head start: the query itself meets the same error and reports it.
        }
    }, null);

    /// <summary>Starts a batch: nothing of it is visible to other readers until <see cref="CommitBatch(string?)"/>.</summary>
    public void BeginBatch()
    {
        RequireWriter();
        _inBatch = true;
    }

    /// <summary>Commits the batch with no generation.</summary>
    public void CommitBatch() => CommitBatch(null);

    /// <summary>Atomically commits the batch, storing <paramref name="generation"/> in the commit's user data.</summary>
    public void CommitBatch(string? generation)
    {
        var writer = RequireWriter();
        writer.SetCommitData(CommitData(generation));
        writer.Commit();
        CommittedGeneration = generation;
        _inBatch = false;
    }

    /// <summary>Inserts or replaces the article with <paramref name="record"/>'s id. Safe to call from several threads in a batch.</summary>
    public void Upsert(CorpusRecord record) => Upsert((_threadDocument ??= new ArticleDocument()).Fill(record));

    /// <summary>
    /// Inserts or replaces the article of <paramref name="document"/> (built with <see cref="ArticleDocument.For"/>,
    /// e.g. on another thread). Safe to call from several threads in a batch, each with its own document.
    /// </summary>
    public void Upsert(ArticleDocument document)
    {
        var writer = RequireWriter();
        bool isNew;
        lock (_writerLock)
        {
            isNew = _addedOnly?.Add(document.Id) == true;
        }

        if (isNew)
        {
            writer.AddDocument(document.Fields);
        }
        else
        {
            writer.UpdateDocument(new Term(SearchFields.Id, document.Id), document.Fields);
        }

        Changed();
    }

    /// <summary>
    /// Merges the index into one segment, in the batch (the commit makes it visible): a search then looks
    /// each word up once instead of once per segment and opens fewer files, about a third faster on a large
    /// archive. It rewrites the whole index, so it pays after a build, not after a small update.
    /// </summary>
    public void MergeSegments()
    {
        var writer = RequireWriter();
        if (Searcher().IndexReader.Leaves.Count > 1)
        {
            writer.ForceMerge(1);
            Changed();
        }
    }

    /// <summary>Removes the article <paramref name="id"/> (nothing when absent).</summary>
    public void Delete(string id)
    {
        RequireWriter().DeleteDocuments(new Term(SearchFields.Id, id));
        lock (_writerLock)
        {
            _addedOnly?.Remove(id);
        }

        Changed();
    }

    /// <summary>Removes every article (for a rebuild: inside a batch, the old index stays until the commit).</summary>
    public void DeleteAll()
    {
        RequireWriter().DeleteAll();
        lock (_writerLock)
        {
            // Nothing is left for an added id to replace.
            _addedOnly = [];
        }

        Changed();
    }

    public long Count() => Searcher().IndexReader.NumDocs;

    /// <summary>The per-language analysed fields the index holds ("text_en", "title_de"; see <see cref="LanguageAnalysis"/>).</summary>
    public IReadOnlyList<string> LanguageFields()
    {
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var leaf in Searcher().IndexReader.Leaves)
        {
            foreach (var field in leaf.AtomicReader.FieldInfos)
            {
                if (LanguageAnalysis.KeyOfField(field.Name) is not null)
                {
                    fields.Add(field.Name);
                }
            }
        }

        return [.. fields];
    }

    /// <summary>Parses Lucene query syntax against this index's fields; names widened to their aliases unless <paramref name="exact"/>.</summary>
    public SearchQueryResult Parse(string query, bool exact = false, NameAliasTable? names = null) =>
        new SearchQueryParser(_analyzer, LanguageFields(), exact ? null : names ?? NameAliasTable.Default).ParseQuery(query);

    /// <summary>Parses and runs <paramref name="query"/>; a bad query throws <see cref="SearchIndexException"/> with the parser's message.</summary>
    public SearchResults Search(string query, SearchFilter? filter = null, bool exact = false)
    {
        var parsed = Parse(query, exact);
        return parsed.Query is null ? throw new SearchIndexException(parsed.Error!) : Search(parsed.Query, filter ?? new SearchFilter());
    }

    /// <summary>Runs <paramref name="query"/> with the filters, sort, paging and facets of <paramref name="filter"/>.</summary>
    public SearchResults Search(Query query, SearchFilter filter)
    {
        var searcher = Searcher();
        if (QueryPruner.Worthwhile(query))
        {
            query = new QueryPruner(searcher.IndexReader).Prune(query);
        }

        var filtered = Filtered(query, filter);
        var wanted = Math.Max(1, filter.Offset + filter.Limit);
        ITopDocsCollector top = filter.Sort == SearchSort.Date
            ? TopFieldCollector.Create(
                new Sort(new SortField(SearchFields.DateSort, SortFieldType.STRING, true), SortField.FIELD_SCORE),
                wanted, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false)
            : TopScoreDocCollector.Create(wanted, docsScoredInOrder: false);
        var facets = filter.Facets ? new FacetCollector() : null;
        searcher.Search(filtered, facets is null ? top : MultiCollector.Wrap(top, facets));

        var docs = top.GetTopDocs(filter.Offset, filter.Limit);
        var hits = new List<SearchHit>(docs.ScoreDocs.Length);
        foreach (var scoreDoc in docs.ScoreDocs)
        {
            hits.Add(Hit(searcher.Doc(scoreDoc.Doc), scoreDoc.Score, filter.Snippets ? query : null));
        }

        return new SearchResults(top.TotalHits, hits, facets?.Result());
    }

    /// <summary>The stored corpus record of <paramref name="id"/>, or null.</summary>
    public string? GetRecord(string id)
    {
        var searcher = Searcher();
        var top = searcher.Search(new TermQuery(new Term(SearchFields.Id, id)), 1);
        return top.TotalHits == 0 ? null : searcher.Doc(top.ScoreDocs[0].Doc).GetBinaryValue(SearchFields.Record) is { } json
            ? Encoding.UTF8.GetString(json.Bytes, json.Offset, json.Length)
            : null;
    }

    public void Dispose()
    {
        _reader.Dispose();
        // Whatever was not committed is dropped: the folder keeps the last commit.
        _writer?.Rollback();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private static IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };

    private static Dictionary<string, string> CommitData(string? generation)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [SchemaKey] = SchemaVersion.ToString(CultureInfo.InvariantCulture) };
        if (generation is not null)
        {
            data[GenerationKey] = generation;
        }

        return data;
    }

    private static string? ReadCommitData(string path, LuceneDirectory directory)
    {
        var infos = new SegmentInfos();
        infos.Read(directory);
        CheckSchema(path, infos.UserData);
        return infos.UserData.TryGetValue(GenerationKey, out var generation) ? generation : null;
    }

    private static void CheckSchema(string path, IDictionary<string, string> data)
    {
        if (!data.TryGetValue(SchemaKey, out var version))
        {
            throw new SearchIndexException($"'{path}' is not a normalize index (a Lucene index without normalize's schema mark)");
        }

        if (version != SchemaVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw new SearchIndexException($"'{path}' is an index of schema {version}, this tool reads schema {SchemaVersion}; rebuild it with `normalize index`");
        }
    }

    private IndexWriter RequireWriter() =>
        _writer ?? throw new InvalidOperationException($"the index '{Path}' was opened read-only");

    private void Changed()
    {
        _readerStale = true;
        if (!_inBatch)
        {
            CommitBatch(CommittedGeneration);
        }
    }

    private IndexSearcher Searcher()
    {
        lock (_writerLock)
        {
            if (_readerStale && _writer is not null)
            {
                if (DirectoryReader.OpenIfChanged(_reader, _writer, applyAllDeletes: true) is { } fresh)
                {
                    _reader.Dispose();
                    _reader = fresh;
                    _searcher = NewSearcher(fresh);
                }

                _readerStale = false;
            }

            return _searcher;
        }
    }

    private static Query Filtered(Query query, SearchFilter filter)
    {
        var must = new BooleanQuery();
        if (filter.Since is { } since)
        {
            must.Add(TermRangeQuery.NewStringRange(SearchFields.Day, since, null, true, true), Occur.MUST);
        }

        if (filter.Until is { } until)
        {
            // A date-only bound includes that whole day.
            must.Add(TermRangeQuery.NewStringRange(SearchFields.Day, null, until.Length < 10 ? until + "\uffff" : until, true, true), Occur.MUST);
        }

        if (filter.Language is { } language)
        {
            var lower = language.ToLowerInvariant();
            must.Add(new BooleanQuery
            {
                { new TermQuery(new Term(SearchFields.Language, lower)), Occur.SHOULD },
                { new PrefixQuery(new Term(SearchFields.Language, lower + "-")), Occur.SHOULD },
            }, Occur.MUST);
        }

        if (filter.Source is { } source)
        {
            must.Add(SearchQueryParser.SourceContains(source), Occur.MUST);
        }

        return must.Clauses.Count == 0 ? query : new FilteredQuery(query, new QueryWrapperFilter(must));
    }

    private SearchHit Hit(Document document, float score, Query? query)
    {
        var json = document.GetBinaryValue(SearchFields.Record);
        var stored = ArticleDocument.ReadStored(json is null ? [] : json.Bytes.AsSpan(json.Offset, json.Length), withText: query is not null);
        var snippet = query is null ? "" : Snippet(query, LanguageAnalysis.KeyOf(stored.Language), stored.Text);
        return new SearchHit(stored.Id, stored.Title, stored.Date, stored.Source, Math.Round(score, 4), SnippetParts(snippet))
        {
            Language = stored.Language,
            Url = stored.Url,
        };
    }

    /// <summary>The best fragments of the text around the matches, matches marked; the opening when only the title matched.</summary>
    private string Snippet(Query query, string languageKey, string text)
    {
        if (text.Length == 0)
        {
            return "";
        }

        var field = LanguageAnalysis.Field("text", languageKey);
        var scorer = new QueryScorer(query, field);
        var highlighter = new Highlighter(new SimpleHTMLFormatter(MarkOpen, MarkClose), scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, 110),
            MaxDocCharsToAnalyze = 200_000,
        };
        try
        {
            using var tokens = _analyzer.GetTokenStream(field, text);
            var fragments = highlighter.GetBestFragments(tokens, text, 2);
            if (fragments.Length > 0 && fragments.Any(f => f.Contains(MarkOpen, StringComparison.Ordinal)))
            {
                return string.Join(" … ", fragments.Select(f => f.Trim()));
            }
        }
        catch (InvalidTokenOffsetsException)
        {
            // Fall through to the opening of the text.
        }

        var end = Math.Min(text.Length, 160);
        while (end < text.Length && end < 200 && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return text[..end] + (end < text.Length ? " …" : "");
    }

    /// <summary>Splits text whose matches are wrapped in U+0002 … U+0003 into plain and matched parts.</summary>
    public static IReadOnlyList<SnippetPart> SnippetParts(string marked)
    {
        var parts = new List<SnippetPart>();
        var position = 0;
        while (position < marked.Length)
        {
            var open = marked.IndexOf(MarkOpen, position, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(new SnippetPart(marked[position..], false));
                break;
            }

            if (open > position)
            {
                parts.Add(new SnippetPart(marked[position..open], false));
            }

            var close = marked.IndexOf(MarkClose, open, StringComparison.Ordinal);
            close = close < 0 ? marked.Length : close;
            parts.Add(new SnippetPart(marked[(open + 1)..close], true));
            position = close + 1;
        }

        return parts.Select(p => p with { Text = p.Text.Replace('\n', ' ') }).ToList();
    }
}

/// <summary>How hits are ordered.</summary>
public enum SearchSort
{
    Relevance,
    Date,
}

public sealed record SearchFilter(int Limit = 10, string? Since = null, string? Until = null, string? Language = null, string? Source = null)
{
    public int Offset { get; init; }

    public SearchSort Sort { get; init; }

    /// <summary>Count all hits by source, language and month.</summary>
    public bool Facets { get; init; }

    /// <summary>Highlighted snippets for the hits (they read each hit's stored record).</summary>
    public bool Snippets { get; init; } = true;
}

public sealed record SearchResults(long Total, IReadOnlyList<SearchHit> Hits, SearchFacets? Facets);

public sealed record SnippetPart(string Text, bool Matched);

public sealed record SearchHit(string Id, string? Title, string? Date, string Source, double Score, IReadOnlyList<SnippetPart> Snippet)
{
    public string Language { get; init; } = "";

    public string? Url { get; init; }

    /// <summary>The snippet with matches marked **like this** (plain text, for tools and pipes).</summary>
    public string MarkedSnippet(string open = "**", string close = "**") =>
        string.Concat(Snippet.Select(p => p.Matched ? open + p.Text + close : p.Text));
}

public sealed class SearchIndexException : Exception
{
    public SearchIndexException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
