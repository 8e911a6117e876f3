using System.CommandLine;
using System.Text.Json;
using Normalize.Core.Corpus;
using Normalize.Core.Ingest;
using Normalize.Core.Pipeline;

namespace Normalize.Cli.Commands;

/// <summary>`normalize diff INPUT`: what cleaning would do to one input, without writing anything.</summary>
internal static class DiffCommand
{
    public static Command Create(CommandIO io)
    {
        var input = new Argument<string>("INPUT") { Description = "One file (.txt, .html, .jsonl) or - for standard input" };
        var json = CommonOptions.Json("Print the would-be corpus records as JSONL");
        var command = new Command("diff", CommonOptions.Describe("Show what cleaning would change in one input, writing nothing", "normalize diff scraped/article.html", "0 shown, 1 some records of the input failed, 2 usage error (no such file, a directory)")) { input, json };
        command.SetAction(parse => Run(io, parse.GetValue(input)!, parse.GetValue(json)));
        return command;
    }

    private static int Run(CommandIO io, string input, bool json)
    {
        if (Directory.Exists(input))
        {
            io.WriteError($"{input}: is a directory; diff takes one file (run it on each file, or `normalize clean DIR` for a folder)");
            return ExitCodes.Usage;
        }

        if (input != InputReader.StandardInputName && !File.Exists(input))
        {
            io.WriteError($"{input}: no such file");
            return ExitCodes.Usage;
        }

        var pipeline = DefaultPipeline.Create();
        var reader = new InputReader(new IngestOptions { OpenStandardInput = io.OpenStdin });
        var failed = 0;
        foreach (var result in reader.ReadFile(input))
        {
            if (result is IngestError error)
            {
                failed++;
                io.WriteInputError(error.ToString());
                continue;
            }

            var article = pipeline.Process(((IngestedArticle)result).Article);
            var record = CorpusJson.Serialize(article);
            if (json)
            {
                io.Out.WriteLine(record);
                continue;
            }

            using var document = JsonDocument.Parse(record);
            AuditReport.Write(io.Out, document.RootElement);
            io.Out.WriteLine();
        }

        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }
}
