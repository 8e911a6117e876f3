using System.CommandLine;
using System.Text.Json;
using Normalize.Core.Search;

namespace Normalize.Cli.Commands;

/// <summary>`normalize show ID`: the clean article with its removals, changes and flags.</summary>
internal static class ShowCommand
{
    public static Command Create(CommandIO io)
    {
        var id = new Argument<string>("ID") { Description = "The article's id (as search prints it)" };
        var index = CommonOptions.Index($"The index to read (default: ${CommonOptions.IndexEnvironmentVariable})");
        var json = CommonOptions.Json("Print the stored corpus record as JSON");
        var command = new Command("show", CommonOptions.Describe("Show one article with its audit trail", "normalize show 2024-05-12-ministry --index corpus/index.lucene", "0 shown, 2 usage or setup error (no index, no such id)")) { id, index, json };
        command.SetAction(parse => Run(io, parse.GetValue(id)!, parse.GetValue(index), parse.GetValue(json)));
        return command;
    }

    private static int Run(CommandIO io, string id, string? indexOption, bool json)
    {
        var indexPath = CommonOptions.ResolveIndexToRead(indexOption, io);
        if (indexPath is null)
        {
            return ExitCodes.Usage;
        }

        string? record;
        try
        {
            using var index = SearchIndex.Open(indexPath, create: false);
            record = index.GetRecord(id);
        }
        catch (SearchIndexException ex)
        {
            io.WriteError(ex.Message);
            return ExitCodes.Usage;
        }

        if (record is null)
        {
            io.WriteError($"no article with id '{id}' in {indexPath}");
            return ExitCodes.Usage;
        }

        if (json)
        {
            io.Out.WriteLine(record);
            return ExitCodes.Success;
        }

        using var document = JsonDocument.Parse(record);
        AuditReport.Write(io.Out, document.RootElement);
        return ExitCodes.Success;
    }
}
