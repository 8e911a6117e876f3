using Normalize.Cli;

namespace Normalize.Tests.Support;

/// <summary>Runs the `normalize` command in-process with captured stdout and stderr.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args) => RunWithStdin(null, args);

    public static Result RunWithStdin(string? stdin, params string[] args) => RunWithEnvironment(stdin, null, args);

    /// <summary>Runs with these environment variables in place of the process's (only for what the command reads through CommandIO).</summary>
    public static Result RunWithEnvironment(string? stdin, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var input = System.Text.Encoding.UTF8.GetBytes(stdin ?? "");
        var io = new CommandIO(output, error, OutIsTerminal: false, ErrorIsTerminal: false, () => new MemoryStream(input));
        if (environment is not null)
        {
            io = io with { GetEnvironmentVariable = name => environment.GetValueOrDefault(name) };
        }

        var code = NormalizeCli.RunAsync(args, io).GetAwaiter().GetResult();
        return new Result(code, output.ToString(), error.ToString());
    }
}
