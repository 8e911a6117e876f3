using System.Text;
using System.Text.Json;
using Normalize.Core.Search;

namespace Normalize.Core.Corpus;

/// <summary>
/// One run's articles, staged in <c>.normalize/staging/RUN/</c> (the .txt files, the new corpus lines and
/// their ids) until <see cref="CorpusStore.Commit"/> makes them part of the corpus; nothing outside the
/// staging folder changes before that.
/// </summary>
public sealed class CorpusBatch : IDisposable
{
    internal const string TextFolderName = "txt";
    internal const string SegmentFileName = "segment.jsonl";
    internal const string SegmentIdsFileName = "segment.ids";

    private static readonly UTF8Encoding Utf8NoBom = new(false);
    private readonly CorpusStore _store;
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fileOwners = new(StringComparer.Ordinal);
    private readonly List<string> _files = [];
    private readonly StreamWriter _segment;
    private readonly StreamWriter _segmentIds;
    private readonly BackgroundWork _sideWork;
    private SearchIndex? _liveIndex;
    private bool _closed;

    internal CorpusBatch(CorpusStore store, string folder, string run, SearchIndex? liveIndex, int parallelism)
    {
        _store = store;
        Folder = folder;
        Run = run;
        _liveIndex = liveIndex;
        // A few items per worker keep the disk and the analyzer busy without holding many articles in memory.
        _sideWork = new BackgroundWork(parallelism <= 1 ? 1 : parallelism * 2);
        Directory.CreateDirectory(Path.Combine(folder, TextFolderName));
        _segment = new StreamWriter(Path.Combine(folder, SegmentFileName), append: false, Utf8NoBom) { NewLine = "\n" };
        _segmentIds = new StreamWriter(Path.Combine(folder, SegmentIdsFileName), append: false, Utf8NoBom) { NewLine = "\n" };
    }

    public string Run { get; }

    /// <summary>A folder for this run's scratch files (removed with the staging folder).</summary>
    public string ScratchFolder => Path.Combine(Folder, "scratch");

    public int Count => _sources.Count;

    /// <summary>Articles of this batch whose id the corpus already holds (their old records are replaced).</summary>
    public int Replaced { get; private set; }

    internal string Folder { get; }

    internal IReadOnlyList<string> Files => _files;

    internal IEnumerable<string> Ids => _sources.Keys;

    internal bool Contains(string id) => _sources.ContainsKey(id);

    internal bool HasFile(string name) => _fileOwners.ContainsKey(name);

    /// <summary>
    /// Stages one article from its record and .txt contents (built on a worker thread). Call in input order
    /// from one thread: the checks and the corpus lines happen here, in order; the .txt file and the index
    /// entry are written in the background (ids and names are unique by then, so their order is free).
    /// Returns an error (and stages nothing) when the id was already staged in this run, or its file name
    /// belongs to another id.
    /// </summary>
    public string? Add(Article article, CorpusRecord record, string textFile)
    {
        if (_sources.TryGetValue(article.Id, out var first))
        {
            return $"duplicate id '{article.Id}' (already used by {first}); not written";
        }

        var name = ArticleFileNames.For(article.Id);
        var owner = _fileOwners.GetValueOrDefault(name) ?? _store.FileOwner(name);
        if (owner is not null && owner != article.Id)
        {
            return $"id '{article.Id}' would be written to {name}, the file of id '{owner}'; not written";
        }

        var path = Path.Combine(Folder, TextFolderName, name);
        var index = _liveIndex;
        _sideWork.Run(() =>
        {
            File.WriteAllText(path, textFile, Utf8NoBom);
            index?.Upsert(record);
        });
        _segment.Write(record.Json);
        _segment.Write('\n');
        _segmentIds.Write(JsonSerializer.Serialize(article.Id, CommitManifest.Json));
        _segmentIds.Write('\n');
        _sources[article.Id] = article.Source;
        _fileOwners[name] = article.Id;
        _files.Add(name);
        if (_store.Contains(article.Id))
        {
            Replaced++;
        }

        return null;
    }

    /// <summary>The .txt for people and line tools: the title, a blank line, then the body.</summary>
    public static string TextFile(Article article) =>
        article.Title is { Length: > 0 } title ? $"{title}\n\n{article.Text}\n" : article.Text + "\n";

    /// <summary>
    /// The index holding this batch's records, uncommitted (the commit makes them visible with the corpus
    /// generation); the caller owns it from now on. Null when the batch is not indexed as it goes.
    /// </summary>
    internal SearchIndex? TakeLiveIndex()
    {
        var index = _liveIndex;
        _liveIndex = null;
        return index;
    }

    /// <summary>Finishes the background writes and flushes the staged lines to disk before the commit point.</summary>
    internal void Close()
    {
        if (_closed)
        {
            return;
        }

        _sideWork.WaitAll();
        _segment.Flush();
        ((FileStream)_segment.BaseStream).Flush(flushToDisk: true);
        _segmentIds.Flush();
        ((FileStream)_segmentIds.BaseStream).Flush(flushToDisk: true);
        _segment.Dispose();
        _segmentIds.Dispose();
        _closed = true;
    }

    /// <summary>Drops whatever was not committed (a committed batch's folder is already gone).</summary>
    public void Dispose()
    {
        // Writes still running would land in a folder being removed.
        _sideWork.Drain();
        if (!_closed)
        {
            _segment.Dispose();
            _segmentIds.Dispose();
            _closed = true;
        }

        // An index not committed keeps its last commit.
        TakeLiveIndex()?.Dispose();
        _store.DiscardStaging(this);
    }
}
