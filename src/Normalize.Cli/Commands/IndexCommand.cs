using System.CommandLine;
using Normalize.Core.Corpus;
using Normalize.Core.Search;

namespace Normalize.Cli.Commands;

/// <summary>`normalize index CORPUS.jsonl [--index FILE]`: (re)build an index from a corpus.</summary>
internal static class IndexCommand
{
    public static Command Create(CommandIO io)
    {
        var corpus = new Argument<string>("CORPUS") { Description = "A corpus.jsonl written by `normalize clean`" };
        var index = CommonOptions.Index("The SQLite index to write (default: index.db beside the corpus)");
        var command = new Command("index", "Build or update a search index from a corpus") { corpus, index };
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

        indexPath ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(corpusPath))!, "index.db");
        var indexed = 0;
        var failed = 0;
        try
        {
            using var index = SearchIndex.Open(indexPath, create: true);
            index.BeginBatch();
            var lineNumber = 0;
            foreach (var line in File.ReadLines(corpusPath))
            {
                cancellation.ThrowIfCancellationRequested();
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var record = CorpusRecord.Parse(line, out var error);
                if (record is null)
                {
                    failed++;
                    io.Error.WriteLine($"error: {corpusPath}:{lineNumber}: {error}");
                    continue;
                }

                index.Upsert(record);
                indexed++;
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
