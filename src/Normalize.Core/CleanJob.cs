using System.Diagnostics;
using Normalize.Core.Boilerplate;
using Normalize.Core.Corpus;
using Normalize.Core.Ingest;
using Normalize.Core.Pipeline;
using Normalize.Core.Search;

namespace Normalize.Core;

/// <summary>What <c>normalize clean</c> does, without the console: read, clean, write, index.</summary>
public sealed class CleanJob
{
    public required IReadOnlyList<string> Inputs { get; init; }

    public required NormalizePipeline Pipeline { get; init; }

    /// <summary>Where corpus.jsonl and the .txt files go; null writes no corpus.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>The index to upsert into; null for none.</summary>
    public string? IndexPath { get; init; }

    /// <summary>The run's articles become the whole corpus instead of being added to it.</summary>
    public bool Replace { get; init; }

    /// <summary>Wait for another run writing the same output instead of refusing.</summary>
    public bool WaitForLock { get; init; }

    /// <summary>Called with notes about the output folder (waiting for its lock, recovering, reindexing).</summary>
    public Action<string> ReportNote { get; init; } = _ => { };

    public IngestOptions IngestOptions { get; init; } = new();

    /// <summary>Called with each error line (input: reason) as it happens.</summary>
    public Action<string> ReportError { get; init; } = _ => { };

    /// <summary>Called with each warning line (input: note) as it happens.</summary>
    public Action<string> ReportWarning { get; init; } = _ => { };

    /// <summary>Called after each article, written or failed.</summary>
    public Action<CleanProgress> ReportProgress { get; init; } = _ => { };

    /// <summary>Called with each cleaned article, e.g. to stream it to stdout.</summary>
    public Action<Article, string> OnArticle { get; init; } = (_, _) => { };

    /// <summary>
    /// Articles cleaned at the same time (default: one per core). Reading, writing and indexing stay on
    /// the calling thread and in input order, so the output is the same for any value.
    /// </summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Counts the lines repeated across each site's articles in a first pass (text and JSONL files; HTML
    /// pages have their chrome found by structure, standard input is not read twice; pipes given by name
    /// are read once into a copy that both passes read).
    /// </summary>
    public bool DetectRepeatedLines { get; init; } = true;

    /// <summary>
    /// Runs the job. With an output folder the run's articles are staged and committed at the end in one
    /// step (see <see cref="CorpusStore"/>); on cancellation before that nothing of this run is committed:
    /// corpus.jsonl, the .txt files and the index stay as they were. Throws <see cref="CorpusException"/>
    /// when the output would overwrite an input, is locked by another run, or is damaged.
    /// </summary>
    public CleanSummary Run(CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        if (OutputDirectory is not null && OutputGuard.Check(Inputs, OutputDirectory, IndexPath) is { } conflict)
        {
            throw new CorpusException(conflict);
        }

        var files = InputReader.ExpandInputs(Inputs, ReportWarning, cancellation).ToList();
        var reader = new InputReader(IngestOptions);
        var tally = new Tally { BytesTotal = files.Sum(f => FileSize(f.Path)) };

        using var store = OutputDirectory is null
            ? null
            : CorpusStore.Open(OutputDirectory, new CorpusStoreOptions { IndexPath = IndexPath, Replace = Replace, WaitForLock = WaitForLock, ReportNote = ReportNote }, cancellation);
        using var corpus = store?.BeginBatch();

        // Without an output folder the index is written directly, in one transaction.
        using var index = store is null && IndexPath is not null ? SearchIndex.Open(IndexPath, create: true) : null;
        index?.BeginBatch();

        // Pipes can be read once: their bytes are copied first so both passes below read the same input.
        var scratch = corpus?.ScratchFolder ?? Path.Combine(Path.GetTempPath(), $"normalize-{Environment.ProcessId}-{Guid.NewGuid():N}");
        using var spool = InputSpool.Create(files.Where(f => f.Error is null).Select(f => f.Path), scratch, IngestOptions.MaxArticleBytes);

        // Articles are cleaned on worker threads while this thread reads ahead; results are taken
        // back in input order from a bounded window, so memory stays flat and output is deterministic.
        var repeatedLines = DetectRepeatedLines ? CountRepeatedLines(files, reader, spool, cancellation) : null;
        var window = new Queue<Pending>();
        var capacity = Math.Max(1, Parallelism) * 4;
        foreach (var (path, missing) in files)
        {
            cancellation.ThrowIfCancellationRequested();
            IEnumerable<IngestResult> results = missing is null ? reader.ReadFile(path, spool.ContentPath(path)) : [new IngestError(path, missing)];
            foreach (var result in results)
            {
                cancellation.ThrowIfCancellationRequested();
                if (result is IngestedArticle ingested)
                {
                    ingested.Article.RepeatedLines = repeatedLines;
                }

                window.Enqueue(new Pending(result, Clean(result), FileDone: false));
                while (window.Count >= capacity)
                {
                    Complete(window.Dequeue(), corpus, index, files.Count, tally);
                }
            }

            window.Enqueue(new Pending(null, null, FileDone: true) { FileBytes = FileSize(path) });
        }

        while (window.Count > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            Complete(window.Dequeue(), corpus, index, files.Count, tally);
        }

        // The last moment a cancellation is honoured: past the commit point the run is finished, not undone.
        cancellation.ThrowIfCancellationRequested();
        var outcome = store is not null && corpus is not null ? store.Commit(corpus) : null;
        index?.CommitBatch(generation: null);
        return new CleanSummary(tally.Written, tally.Failed, tally.Warned, stopwatch.Elapsed, store?.CorpusPath, IndexPath)
        {
            Replaced = outcome?.Replaced ?? 0,
            CorpusTotal = outcome?.Total ?? store?.Count ?? 0,
        };
    }

    /// <summary>The size of an input file for the progress percentage; 0 for standard input, pipes and missing files.</summary>
    private static long FileSize(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return path != InputReader.StandardInputName && info.Exists && (info.Attributes & FileAttributes.Device) == 0 ? info.Length : 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return 0;
        }
    }

    private RepeatedLines? CountRepeatedLines(List<(string Path, string? Missing)> files, InputReader reader, InputSpool spool, CancellationToken cancellation)
    {
        if (Pipeline.Stages.OfType<BoilerplateStage>().FirstOrDefault() is not { } boilerplate)
        {
            return null;
        }

        var lines = new RepeatedLines(boilerplate.RepeatedLineSettings);
        foreach (var (path, missing) in files)
        {
            var extension = Path.GetExtension(path);
            if (missing is not null || path == "-" || extension.Equals(".html", StringComparison.OrdinalIgnoreCase)
                || extension.Equals(".htm", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Errors are reported by the cleaning pass; here a bad input just adds nothing.
            foreach (var article in reader.ReadFile(path, spool.ContentPath(path)).OfType<IngestedArticle>())
            {
                cancellation.ThrowIfCancellationRequested();
                lines.Add(article.Article);
            }
        }

        return lines.Freeze();
    }

    /// <summary>Starts cleaning an ingested article; the task's result is the exception a stage threw, if any.</summary>
    private Task<Exception?> Clean(IngestResult result)
    {
        if (result is not IngestedArticle ingested)
        {
            return Task.FromResult<Exception?>(null);
        }

        Exception? Process()
        {
            try
            {
                Pipeline.Process(ingested.Article);
                return null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return ex;
            }
        }

        return Parallelism <= 1 ? Task.FromResult(Process()) : Task.Run(Process);
    }

    /// <summary>Writes, indexes and reports one cleaned article (in input order).</summary>
    private void Complete(Pending pending, CorpusBatch? corpus, SearchIndex? index, int fileCount, Tally tally)
    {
        if (pending.FileDone)
        {
            tally.FilesDone++;
            tally.BytesOfDoneFiles += pending.FileBytes;
            ReportProgress(tally.Progress(fileCount, bytesOfCurrentFile: 0));
            return;
        }

        var result = pending.Result!;
        try
        {
            CompleteArticle(result, pending.Work!, corpus, index, tally);
        }
        finally
        {
            // After each article, so one big JSONL file moves the counts and the percentage too.
            ReportProgress(tally.Progress(fileCount, result.BytesRead));
        }
    }

    private void CompleteArticle(IngestResult result, Task<Exception?> work, CorpusBatch? corpus, SearchIndex? index, Tally tally)
    {
        if (result is IngestError error)
        {
            tally.Failed++;
            ReportError(error.ToString());
            return;
        }

        if (work.GetAwaiter().GetResult() is { } failure)
        {
            // A bug in a stage must not cost the rest of the batch; name the input.
            tally.Failed++;
            ReportError($"{result.Input}: cleaning failed ({failure.GetType().Name}: {failure.Message})");
            return;
        }

        var article = ((IngestedArticle)result).Article;
        foreach (var warning in article.Warnings)
        {
            tally.Warned++;
            ReportWarning($"{result.Input}: {warning}");
        }

        var record = CorpusRecord.FromArticle(article);
        if ((corpus is null ? tally.StreamedDuplicate(article.Id, result.Input) : corpus.Add(article, record.Json)) is { } duplicate)
        {
            tally.Failed++;
            ReportError($"{result.Input}: {duplicate}");
            return;
        }

        index?.Upsert(record);
        OnArticle(article, record.Json);
        tally.Written++;
    }

    private sealed record Pending(IngestResult? Result, Task<Exception?>? Work, bool FileDone)
    {
        public long FileBytes { get; init; }
    }

    private sealed class Tally
    {
        /// <summary>Without a corpus folder, ids already streamed (and their input), so a second record with one id is refused as with one.</summary>
        private readonly Dictionary<string, string> _streamedIds = new(StringComparer.Ordinal);

        public int Written { get; set; }
        public int Failed { get; set; }
        public int Warned { get; set; }
        public int FilesDone { get; set; }
        public long BytesTotal { get; init; }
        public long BytesOfDoneFiles { get; set; }

        public CleanProgress Progress(int fileCount, long bytesOfCurrentFile) => new(FilesDone, fileCount, Written, Failed)
        {
            BytesDone = Math.Min(BytesTotal, BytesOfDoneFiles + bytesOfCurrentFile),
            BytesTotal = BytesTotal,
        };

        public string? StreamedDuplicate(string id, string input) => _streamedIds.TryAdd(id, input)
            ? null
            : $"duplicate id '{id}' (already used by {_streamedIds[id]}); not written";
    }
}

public sealed record CleanProgress(int FilesDone, int FilesTotal, int Written, int Failed)
{
    /// <summary>Bytes of the input files read so far (JSONL records count as read), for a percentage.</summary>
    public long BytesDone { get; init; }

    /// <summary>Bytes of all input files (standard input and pipes count 0).</summary>
    public long BytesTotal { get; init; }
}

public sealed record CleanSummary(int Written, int Failed, int Warnings, TimeSpan Elapsed, string? CorpusPath, string? IndexPath)
{
    /// <summary>Written articles whose id the corpus held already (their old records were replaced).</summary>
    public int Replaced { get; init; }

    /// <summary>Articles in the corpus after the run.</summary>
    public int CorpusTotal { get; init; }
}
