using System.CommandLine;
using Normalize.Core.Corpus;
using Normalize.Core.Search;

namespace Normalize.Cli.Commands;

/// <summary>`normalize index CORPUS.jsonl [--index DIR]`: (re)build an index from a corpus.</summary>
internal static class IndexCommand
{
    public static Command Create(CommandIO io)
    {
        var corpus = new Argument<string>("CORPUS") { Description = "A corpus.jsonl written by `normalize clean`" };
        var index = CommonOptions.Index($"The index folder to write (default: {SearchIndex.DefaultFolderName}/ beside the corpus)");
        var command = new Command("index", CommonOptions.Describe("Build or update a search index from a corpus", "normalize index corpus/corpus.jsonl --index corpus/index.lucene", "0 all records indexed, 1 some records failed, 2 usage or setup error, 130 interrupted")) { corpus, index };
        command.SetAction((parse, cancellation) => Task.FromResult(Run(io, parse.GetValue(corpus)!, parse.GetValue(index), cancellation)));
        return command;
    }

    private static int Run(CommandIO io, string corpusPath, string? indexPath, CancellationToken cancellation)
    {
        if (!File.Exists(corpusPath))
        {
            io.WriteError($"{corpusPath}: no such file");
            return ExitCodes.Usage;
        }

        indexPath ??= SearchIndex.DefaultPath(Path.GetDirectoryName(Path.GetFullPath(corpusPath))!);
        var indexed = 0;
        var failed = 0;
        try
        {
            using var index = SearchIndex.Open(indexPath, create: true);
            index.BeginBatch();
            indexed = CorpusIndexer.IndexLines(index, File.ReadLines(corpusPath), (line, error) =>
            {
                failed++;
                io.WriteInputError($"{corpusPath}:{line}: {error}");
            }, cancellation: cancellation);
            if (indexed * 2 >= index.Count())
            {
                // A build (or a rebuild of most of it), not a small update: one segment searches faster.
                index.MergeSegments();
            }

            index.CommitBatch();
            io.Out.WriteLine($"indexed {indexed} articles into {indexPath} ({index.Count()} in the index)");
        }
        catch (OperationCanceledException)
        {
            io.WriteError("interrupted: the index is as it was");
            return ExitCodes.Interrupted;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SearchIndexException)
        {
            io.WriteError(ex.Message);
            return ExitCodes.Usage;
        }

        return failed > 0 ? ExitCodes.SomeInputsFailed : indexed == 0 ? ExitCodes.Usage : ExitCodes.Success;
    }
}
