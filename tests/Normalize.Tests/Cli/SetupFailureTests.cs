using Normalize.Tests.Support;

namespace Normalize.Tests.Cli;

/// <summary>Problems with what the user pointed at: one error line naming it, exit code 2, no stack trace.</summary>
public class SetupFailureTests
{
    private static void AssertOneErrorLine(CliRunner.Result result, string path)
    {
        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("normalize: error: ", line);
        Assert.Contains(path, line);
        Assert.DoesNotContain("Exception", result.Error);
    }

    [Fact]
    public void OutThatIsAFile()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("a.txt", "Some text here.");
        var file = dir.Write("taken", "not a directory");

        var result = CliRunner.Run("clean", input, "--out", file);

        AssertOneErrorLine(result, file);
        Assert.Contains("is a file", result.Error);
    }

    [Fact]
    public void OutThatCannotBeCreated()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("a.txt", "Some text here.");

        var result = CliRunner.Run("clean", input, "--out", "/proc/normalize-cannot-exist");

        AssertOneErrorLine(result, "/proc/normalize-cannot-exist");
    }

    [Fact]
    public void IndexThatIsNotAnIndex()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("a.txt", "Some text here.");
        var notAnIndex = dir.Write("notes.txt", "This is a text file, not an index.\n");

        AssertOneErrorLine(CliRunner.Run("clean", input, "--index", notAnIndex), notAnIndex);
        AssertOneErrorLine(CliRunner.Run("search", "text", "--index", notAnIndex), notAnIndex);
        Assert.Equal("This is a text file, not an index.\n", File.ReadAllText(notAnIndex));
    }

    [Fact]
    public void ReadOnlyOut()
    {
        if (Environment.UserName == "root")
        {
            return; // root writes anywhere: nothing to observe
        }

        using var dir = new TempDirectory();
        var input = dir.Write("a.txt", "Some text here.");
        Directory.CreateDirectory(dir.File("ro"));
        File.SetUnixFileMode(dir.File("ro"), UnixFileMode.UserRead | UnixFileMode.UserExecute);

        AssertOneErrorLine(CliRunner.Run("clean", input, "--out", dir.File("ro")), dir.File("ro"));
    }
}
