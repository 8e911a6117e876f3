using Normalize.Tests.Support;

namespace Normalize.Tests.Cli;

public class CommandLineTests
{
    [Theory]
    [InlineData("clean")]
    [InlineData("frobnicate")]
    [InlineData("search")]
    [InlineData("clean", "x.txt", "--bogus")]
    [InlineData("search", "x", "--limit", "many")]
    public void ParseErrorsGoToStderrWithExitCode2AndNoHelpOnStdout(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.StartsWith("normalize: ", result.Error);
    }

    [Fact]
    public void NoVerbIsAUsageError()
    {
        var result = CliRunner.Run();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("a verb is needed", result.Error);
    }

    [Fact]
    public void IndexAndNoIndexContradict()
    {
        var result = CliRunner.RunWithStdin("text", "clean", "-", "--index", "x.db", "--no-index");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("contradict", result.Error);
    }
}
