using System.CommandLine;
using Normalize.Cli.Commands;

namespace Normalize.Cli;

/// <summary>The `normalize` command: one file per verb under Commands/.</summary>
public static class NormalizeCli
{
    public static RootCommand BuildRoot(CommandIO io)
    {
        var root = new RootCommand("Clean scraped, machine-translated news into a normalized, searchable corpus.")
        {
            CleanCommand.Create(io),
            IndexCommand.Create(io),
            SearchCommand.Create(io),
            ShowCommand.Create(io),
            DiffCommand.Create(io),
            AnnotateCommand.Create(io),
        };
        root.SetAction(_ =>
        {
            io.WriteError("a verb is needed: clean, index, search, show or diff (see `normalize --help`)");
            return ExitCodes.Usage;
        });
        return root;
    }

    /// <summary>Parses and runs; parse errors go to stderr with exit code 2, never help text to stdout.</summary>
    public static async Task<int> RunAsync(string[] args, CommandIO io, CancellationToken cancellation = default)
    {
        var root = BuildRoot(io);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                io.WriteError(error.Message);
            }

            io.Error.WriteLine("Run `normalize --help` (or `normalize VERB --help`) for usage.");
            return ExitCodes.Usage;
        }

        // No exception leaves a verb as a stack trace: one error line naming the problem instead.
        var configuration = new InvocationConfiguration { Output = io.Out, Error = io.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(configuration, cancellation);
        }
        catch (Exception ex)
        {
            return VerbFailure.Report(io, ex);
        }
    }
}
