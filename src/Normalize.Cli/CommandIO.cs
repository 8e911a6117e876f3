using Spectre.Console;

namespace Normalize.Cli;

/// <summary>
/// The streams a command writes to, injected so tests capture them: data on <see cref="Out"/>,
/// progress, warnings and errors on <see cref="Error"/>.
/// </summary>
public sealed record CommandIO(TextWriter Out, TextWriter Error, bool OutIsTerminal, bool ErrorIsTerminal, Func<Stream> OpenStdin)
{
    public static CommandIO FromConsole()
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        var stderr = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        return new CommandIO(stdout, stderr, !Console.IsOutputRedirected, !Console.IsErrorRedirected, Console.OpenStandardInput);
    }

    /// <summary>A Spectre console over stdout: colour only on a terminal.</summary>
    public IAnsiConsole OutConsole() => CreateConsole(Out, OutIsTerminal);

    /// <summary>A Spectre console over stderr, for the progress bar.</summary>
    public IAnsiConsole ErrorConsole() => CreateConsole(Error, ErrorIsTerminal);

    /// <summary>A usage or setup problem (the run's, not one input's): one line on stderr.</summary>
    public void WriteError(string message) => Error.WriteLine($"normalize: error: {message}");

    private static IAnsiConsole CreateConsole(TextWriter writer, bool terminal) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
    });
}

/// <summary>The process exit codes of every verb.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int SomeInputsFailed = 1;

    /// <summary>`search` found nothing (as grep and rg say it).</summary>
    public const int NoMatch = 1;
    public const int Usage = 2;
    public const int Interrupted = 130;
}
