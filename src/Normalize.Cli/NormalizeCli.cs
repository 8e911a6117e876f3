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
            io.WriteError("a verb is needed (see `normalize VERB --help`)");
            WriteUsage(io, root);
            return ExitCodes.Usage;
        });
        return root;
    }

    /// <summary>The usage line and every verb with the first line of its description, on stderr (bare `normalize`).</summary>
    private static void WriteUsage(CommandIO io, RootCommand root)
    {
        io.Error.WriteLine("Usage: normalize VERB [options]");
        io.Error.WriteLine("Verbs:");
        var width = root.Subcommands.Max(c => c.Name.Length);
        foreach (var verb in root.Subcommands)
        {
            var summary = (verb.Description ?? "").Split('\n')[0];
            io.Error.WriteLine($"  {verb.Name.PadRight(width)}  {summary}");
        }
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
