using Normalize.Tests.Support;

namespace Normalize.Tests.Cli;

/// <summary>Inputs and options that used to do nothing (or the wrong thing) without a word: each is now a clear error.</summary>
public class CliUsageTests
{
    private const string Article = "Drones were seen over the harbour on Monday, the ministry said.\n";

    [Fact]
    public void DiffOfADirectorySaysDiffTakesOneFile()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", Article);

        var result = CliRunner.Run("diff", dir.File("in"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("diff takes one file", result.Error);
        Assert.DoesNotContain("no such file", result.Error);
    }

    [Fact]
    public void AnUnknownRuleFileNameIsAnErrorNamingItAndTheKnownNames()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("a.txt", Article);
        dir.Write("rules/boilerplat.yaml", "lines: []\n");

        var result = CliRunner.Run("clean", input, "--rules", dir.File("rules"), "--no-index");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("boilerplat.yaml", result.Error);
        Assert.Contains("boilerplate.yaml", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void EmptyStagesIsAUsageError()
    {
        var result = CliRunner.RunWithStdin(Article, "clean", "-", "--stages", "");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--stages", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void TwoInputsWithOneIdOnStdoutWriteTheFirstAndRefuseTheSecond()
    {
        using var dir = new TempDirectory();
        var first = dir.Write("a.txt", Article);
        var second = dir.Write("b/a.txt", "Tanks crossed the river at dawn, officials said.\n");

        var result = CliRunner.Run("clean", first, second, "--no-index");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"error: {second}: duplicate id", result.Error);
    }
}
