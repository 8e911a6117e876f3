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
    /// Articles read and cleaned at the same time (default: one per core). Decoding, parsing, HTML
    /// extraction, every stage and the record's JSON run on worker threads; one thread takes the results
    /// back in input order and stages them, so the output is the same for any value.
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
        using var corpus = store?.BeginBatch(Parallelism);

        // Without an output folder the index is written directly, in one transaction.
        using var index = store is null && IndexPath is not null ? SearchIndex.Open(IndexPath, create: true) : null;
        index?.BeginBatch();

        // Pipes can be read once: their bytes are copied first so both passes below read the same input.
        var scratch = corpus?.ScratchFolder ?? Path.Combine(Path.GetTempPath(), $"normalize-{Environment.ProcessId}-{Guid.NewGuid():N}");
        using var spool = InputSpool.Create(files.Where(f => f.Error is null).Select(f => f.Path), scratch, IngestOptions.MaxArticleBytes);

        // This thread only lists the inputs' items (files, JSONL lines); workers read and clean them while it
        // reads ahead. Results are taken back in input order from a bounded window, so memory stays flat and
        // the output is deterministic.
        var repeatedLines = DetectRepeatedLines ? CountRepeatedLines(files, reader, spool, cancellation) : null;
        var window = new Queue<Pending>();
        var capacity = Math.Max(1, Parallelism) * 4;
        foreach (var (path, missing) in files)
        {
            cancellation.ThrowIfCancellationRequested();
            IEnumerable<IngestUnit> units = missing is null ? reader.ReadUnits(path, spool.ContentPath(path)) : [new IngestUnit(new IngestError(path, missing))];
            foreach (var unit in units)
            {
                cancellation.ThrowIfCancellationRequested();
                window.Enqueue(new Pending(unit, Clean(unit, repeatedLines, withTextFile: corpus is not null), FileDone: false));
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

        // Text articles only: HTML pages (files or JSONL records) have their chrome found by structure.
        var units = files.Where(f => f.Missing is null && f.Path != InputReader.StandardInputName)
            .SelectMany(f => reader.ReadUnits(f.Path, spool.ContentPath(f.Path), textOnly: true));
        var settings = boilerplate.RepeatedLineSettings;
        var lines = new RepeatedLines(settings);
        if (Parallelism <= 1)
        {
            foreach (var unit in units)
            {
                cancellation.ThrowIfCancellationRequested();
                Count(unit, lines);
            }

            return lines.Freeze();
        }

        // Counted in parts on every worker, then added up: counts do not depend on the order.
        Parallel.ForEach(units, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation },
            () => new RepeatedLines(settings),
            (unit, _, part) => Count(unit, part),
            part =>
            {
                lock (lines)
                {
                    lines.Merge(part);
                }
            });
        return lines.Freeze();

        static RepeatedLines Count(IngestUnit unit, RepeatedLines lines)
        {
            try
            {
                if (unit.Read() is IngestedArticle article)
                {
                    lines.Add(article.Article);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The cleaning pass reads the item again and reports what is wrong with it.
            }

            return lines;
        }
    }

    /// <summary>
    /// Starts reading and cleaning one item on a worker (inline with one job). Whatever fails is caught and
    /// handed back: one bad item must not cost the rest of the batch.
    /// </summary>
    private Task<Cleaned> Clean(IngestUnit unit, RepeatedLines? repeatedLines, bool withTextFile)
    {
        Cleaned Process()
        {
            IngestResult? result;
            try
            {
                result = unit.Read();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new Cleaned(new IngestError(unit.Input, $"reading failed ({ex.GetType().Name}: {ex.Message})"), null, null, null);
            }

            if (result is not IngestedArticle { Article: var article })
            {
                return new Cleaned(result, null, null, null);
            }

            try
            {
                article.RepeatedLines = repeatedLines;
                Pipeline.Process(article);
                return new Cleaned(result, null, CorpusRecord.FromArticle(article), withTextFile ? CorpusBatch.TextFile(article) : null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new Cleaned(result, ex, null, null);
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

        try
        {
            CompleteArticle(pending.Work!.GetAwaiter().GetResult(), corpus, index, tally);
        }
        finally
        {
            // After each article, so one big JSONL file moves the counts and the percentage too.
            ReportProgress(tally.Progress(fileCount, pending.Unit!.BytesRead));
        }
    }

    private void CompleteArticle(Cleaned cleaned, CorpusBatch? corpus, SearchIndex? index, Tally tally)
    {
        switch (cleaned.Result)
        {
            case null:
                return; // left out (--articles-only), already said
            case IngestError error:
                tally.Failed++;
                ReportError(error.ToString());
                return;
        }

        var result = (IngestedArticle)cleaned.Result;
        if (cleaned.Failure is { } failure)
        {
            // A bug in a stage must not cost the rest of the batch; name the input.
            tally.Failed++;
            ReportError($"{result.Input}: cleaning failed ({failure.GetType().Name}: {failure.Message})");
            return;
        }

        var article = result.Article;
        foreach (var warning in article.Warnings)
        {
            tally.Warned++;
            ReportWarning($"{result.Input}: {warning}");
        }

        var record = cleaned.Record!;
        if ((corpus is null ? tally.StreamedDuplicate(article.Id, result.Input) : corpus.Add(article, record, cleaned.TextFile!)) is { } duplicate)
        {
            tally.Failed++;
            ReportError($"{result.Input}: {duplicate}");
            return;
        }

        index?.Upsert(record);
        OnArticle(article, record.Json);
        tally.Written++;
    }

    /// <summary>An item read and cleaned on a worker: its result, the failure of a stage, or its record and .txt contents.</summary>
    private sealed record Cleaned(IngestResult? Result, Exception? Failure, CorpusRecord? Record, string? TextFile);

    private sealed record Pending(IngestUnit? Unit, Task<Cleaned>? Work, bool FileDone)
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
