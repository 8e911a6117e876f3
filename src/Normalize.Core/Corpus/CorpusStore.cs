using System.Text;
using System.Text.Json;

namespace Normalize.Core.Corpus;

public sealed class CorpusStoreOptions
{
    /// <summary>The index kept in step with the corpus; null for none.</summary>
    public string? IndexPath { get; init; }

    /// <summary>The next commit replaces the whole corpus instead of adding to it.</summary>
    public bool Replace { get; init; }

    /// <summary>Wait for another run's lock instead of refusing.</summary>
    public bool WaitForLock { get; init; }

    /// <summary>Called with notes worth telling the user (waiting, recovering, reindexing).</summary>
    public Action<string> ReportNote { get; init; } = _ => { };
}

/// <summary>What a commit changed.</summary>
public sealed record CommitOutcome(bool Committed, int Added, int Replaced, int Total);

/// <summary>
/// An output folder: <c>corpus.jsonl</c> (the complete corpus, one line per id), one .txt per article and
/// the index, kept in agreement by a redo journal under <c>.normalize/</c>. A run stages its articles, then
/// commits them with one atomic rename of <c>commit.json</c>; the steps after it (moving the .txt files
/// into place, appending to or rewriting corpus.jsonl, updating the index) can be redone from that file, and
/// are, by the next run, when a run is killed half-way. One run at a time holds the folder's lock.
/// </summary>
public sealed partial class CorpusStore : IDisposable
{
    public const string CorpusFileName = "corpus.jsonl";
    public const string StateFolderName = ".normalize";
    internal const string IdsFileName = "ids.jsonl";

    private static readonly UTF8Encoding Utf8NoBom = new(false);
    private readonly CorpusLock _lock;
    private readonly CorpusStoreOptions _options;
    private CorpusState _state = CorpusState.Empty;
    private HashSet<string> _ids = new(StringComparer.Ordinal);
    private Dictionary<string, string>? _fileOwners;
    private string? _pendingRun;

    /// <summary>During a commit, the index the batch was written into (see <see cref="OpenLiveIndex"/>).</summary>
    private Search.SearchIndex? _liveIndex;

    private CorpusStore(string folder, CorpusLock corpusLock, CorpusStoreOptions options)
    {
        Folder = folder;
        _lock = corpusLock;
        _options = options;
    }

    public string Folder { get; }

    public string CorpusPath => Path.Combine(Folder, CorpusFileName);

    /// <summary>Articles in the corpus.</summary>
    public int Count => _ids.Count;

    /// <summary>The generation of the committed corpus; the index stores the one it matches.</summary>
    public string Generation => _state.Generation;

    private string StateFolder => Path.Combine(Folder, StateFolderName);

    private string ManifestPath => Path.Combine(StateFolder, "commit.json");

    private string StatePath => Path.Combine(StateFolder, "state.json");

    private string IdsPath => Path.Combine(StateFolder, IdsFileName);

    private string StagingRoot => Path.Combine(StateFolder, "staging");

    /// <summary>
    /// Locks the folder, finishes a commit a killed run left behind, removes dead runs' staging and temp
    /// files, and brings the index in step with the corpus when it is not.
    /// </summary>
    public static CorpusStore Open(string folder, CorpusStoreOptions options, CancellationToken cancellation = default)
    {
        var full = Path.GetFullPath(folder);
        Directory.CreateDirectory(Path.Combine(full, StateFolderName));
        var corpusLock = CorpusLock.Acquire(Path.Combine(full, StateFolderName), folder, options.WaitForLock, options.ReportNote, cancellation);
        try
        {
            var store = new CorpusStore(full, corpusLock, options);
            store.Recover();
            store.LoadState();
            if (options.IndexPath is { } index && !options.Replace)
            {
                store.ReconcileIndex(index);
            }

            return store;
        }
        catch
        {
            corpusLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts staging a run's articles. Their .txt files are written and their records indexed (uncommitted)
    /// by up to <paramref name="parallelism"/> threads as they are staged, so the commit has little left to do.
    /// </summary>
    public CorpusBatch BeginBatch(int parallelism = 1)
    {
        var run = $"{DateTime.UtcNow:yyyyMMdd'T'HHmmss}-{Environment.ProcessId}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
        return new CorpusBatch(this, Path.Combine(StagingRoot, run), run, OpenLiveIndex(), parallelism);
    }

    /// <summary>
    /// The index opened for a batch to write into as it goes, nothing of it committed before the corpus is;
    /// null when there is no index or it cannot be opened now (the commit then brings it in step from the
    /// staged lines, as recovery does).
    /// </summary>
    private Search.SearchIndex? OpenLiveIndex()
    {
        if (_options.IndexPath is not { } path)
        {
            return null;
        }

        Search.SearchIndex? index = null;
        try
        {
            index = Search.SearchIndex.Open(path, create: true);
            if (!_options.Replace && index.CommittedGeneration != _state.Generation)
            {
                index.Dispose();
                return null;
            }

            index.BeginBatch();
            if (_options.Replace)
            {
                index.DeleteAll();
            }

            return index;
        }
        catch (Search.SearchIndexException)
        {
            index?.Dispose();
            return null;
        }
    }

    /// <summary>
    /// Makes the batch part of the corpus: new ids are appended, ids already there are replaced (the
    /// corpus is rewritten without their old lines), or with <see cref="CorpusStoreOptions.Replace"/> the
    /// batch becomes the whole corpus. An empty batch commits nothing, so a run that wrote nothing never
    /// empties a corpus.
    /// </summary>
    public CommitOutcome Commit(CorpusBatch batch)
    {
        batch.Close();
        if (batch.Count == 0)
        {
            return new CommitOutcome(false, 0, 0, Count);
        }

        var rewrite = _options.Replace || batch.Replaced > 0;
        if (rewrite)
        {
            StageRewrittenCorpus(batch);
        }

        var deleteFiles = _options.Replace
            ? _ids.Where(id => !batch.Contains(id)).Select(ArticleFileNames.For).Where(name => !batch.HasFile(name)).Order(StringComparer.Ordinal).ToList()
            : [];
        var manifest = new CommitManifest(
            batch.Run,
            _state.NextGeneration(),
            _state.Generation,
            _options.Replace,
            rewrite,
            _state.CorpusBytes,
            _state.IdsBytes,
            batch.Files,
            deleteFiles,
            _options.IndexPath is null ? null : Path.GetFullPath(_options.IndexPath));

        FaultInjection.Point("before-commit");
        _liveIndex = batch.TakeLiveIndex();
        _pendingRun = batch.Run;
        WriteAtomically(ManifestPath, JsonSerializer.Serialize(manifest, CommitManifest.Json));
        FaultInjection.Point("after-commit");
        RollForward(manifest);
        _pendingRun = null;

        var added = batch.Count - (_options.Replace ? 0 : batch.Replaced);
        if (_options.Replace)
        {
            _ids = new HashSet<string>(StringComparer.Ordinal);
        }

        _ids.UnionWith(batch.Ids);
        _fileOwners = null;
        return new CommitOutcome(true, added, _options.Replace ? 0 : batch.Replaced, Count);
    }

    /// <summary>The id whose .txt has this name, among the committed articles (none when replacing them all).</summary>
    internal string? FileOwner(string name)
    {
        if (_options.Replace)
        {
            return null;
        }

        _fileOwners ??= _ids.ToDictionary(ArticleFileNames.For, id => id, StringComparer.Ordinal);
        return _fileOwners.GetValueOrDefault(name);
    }

    internal bool Contains(string id) => !_options.Replace && _ids.Contains(id);

    /// <summary>Removes an uncommitted batch's staging folder; a committed-but-unfinished one stays for the redo.</summary>
    internal void DiscardStaging(CorpusBatch batch)
    {
        if (batch.Run != _pendingRun)
        {
            DeleteFolder(batch.Folder);
        }
    }

    public void Dispose()
    {
        // A commit that failed half-way leaves its index uncommitted; the next run redoes the step.
        _liveIndex?.Dispose();
        _liveIndex = null;
        _lock.Dispose();
    }
}
