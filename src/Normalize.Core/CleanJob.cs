using System.Diagnostics;
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
    /// Runs the job. On cancellation nothing of this run is committed: corpus.jsonl and the index
    /// stay as they were (the per-article .txt files already written are whole).
    /// </summary>
    public CleanSummary Run(CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var files = InputReader.ExpandInputs(Inputs).ToList();
        var reader = new InputReader(IngestOptions);
        var written = 0;
        var failed = 0;
        var warned = 0;
        var done = 0;

        using var corpus = OutputDirectory is null ? null : new CorpusWriter(OutputDirectory);
        using var index = IndexPath is null ? null : SearchIndex.Open(IndexPath, create: true);
        index?.BeginBatch();

        foreach (var (path, missing) in files)
        {
            cancellation.ThrowIfCancellationRequested();
            IEnumerable<IngestResult> results = missing is null ? reader.ReadFile(path) : [new IngestError(path, missing)];
            foreach (var result in results)
            {
                cancellation.ThrowIfCancellationRequested();
                if (result is IngestError error)
                {
                    failed++;
                    ReportError(error.ToString());
                    continue;
                }

                var article = ((IngestedArticle)result).Article;
                try
                {
                    Pipeline.Process(article);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A bug in a stage must not cost the rest of the batch; name the input.
                    failed++;
                    ReportError($"{result.Input}: cleaning failed ({ex.GetType().Name}: {ex.Message})");
                    continue;
                }

                foreach (var warning in article.Warnings)
                {
                    warned++;
                    ReportWarning($"{result.Input}: {warning}");
                }

                var record = CorpusRecord.FromArticle(article);
                if (corpus?.Add(article, record.Json) is { } duplicate)
                {
                    failed++;
                    ReportError($"{result.Input}: {duplicate}");
                    continue;
                }

                index?.Upsert(record);
                OnArticle(article, record.Json);
                written++;
            }

            done++;
            ReportProgress(new CleanProgress(done, files.Count, written, failed));
        }

        cancellation.ThrowIfCancellationRequested();
        corpus?.Commit();
        index?.CommitBatch();
        return new CleanSummary(written, failed, warned, stopwatch.Elapsed, corpus?.CorpusPath, IndexPath);
    }
}

public sealed record CleanProgress(int FilesDone, int FilesTotal, int Written, int Failed);

public sealed record CleanSummary(int Written, int Failed, int Warnings, TimeSpan Elapsed, string? CorpusPath, string? IndexPath);
