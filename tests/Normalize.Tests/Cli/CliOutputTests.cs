using Normalize.Tests.Support;

namespace Normalize.Tests.Cli;

/// <summary>stdout carries data only; help and usage say how to run each verb.</summary>
public class CliOutputTests
{
    private const string Article = "Drones were seen over the harbour on Monday, the ministry said.\n";

    [Fact]
    public void CleanWithOutPrintsItsSummaryOnStderrAndNothingOnStdout()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("a.txt", Article);

        var result = CliRunner.Run("clean", input, "--out", dir.File("out"), "--no-index");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains("written", result.Error);
        Assert.Contains("corpus:", result.Error);
    }

    [Fact]
    public void QuietPrintsNoSummaryButStillTheWarnings()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("a.txt", Article);
        var missing = dir.File("missing.txt");

        var result = CliRunner.Run("clean", input, missing, "--out", dir.File("out"), "--no-index", "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.DoesNotContain("corpus:", result.Error);
        Assert.Contains(missing, result.Error);
    }

    [Theory]
    [InlineData("clean")]
    [InlineData("index")]
    [InlineData("search")]
    [InlineData("show")]
    [InlineData("diff")]
    [InlineData("annotate")]
    public void EachVerbsHelpShowsAnExampleAndTheExitCodes(string verb)
    {
        var result = CliRunner.Run(verb, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"normalize {verb} ", result.Out);
        Assert.Contains("Exit codes: 0 ", result.Out);
    }

    [Fact]
    public void BareNormalizeListsEveryVerb()
    {
        var result = CliRunner.Run();

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        foreach (var verb in new[] { "clean", "index", "search", "show", "diff", "annotate" })
        {
            Assert.Matches($"(?m)^  {verb} ", result.Error);
        }
    }
}
