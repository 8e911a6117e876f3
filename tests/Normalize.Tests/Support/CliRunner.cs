using Normalize.Cli;

namespace Normalize.Tests.Support;

/// <summary>Runs the `normalize` command in-process with captured stdout and stderr.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args) => RunWithStdin(null, args);

    public static Result RunWithStdin(string? stdin, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var input = System.Text.Encoding.UTF8.GetBytes(stdin ?? "");
        var io = new CommandIO(output, error, OutIsTerminal: false, ErrorIsTerminal: false, () => new MemoryStream(input));
        var code = NormalizeCli.RunAsync(args, io).GetAwaiter().GetResult();
        return new Result(code, output.ToString(), error.ToString());
    }
}
