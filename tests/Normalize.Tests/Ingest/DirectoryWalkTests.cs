using Normalize.Core.Ingest;
using Normalize.Tests.Support;

namespace Normalize.Tests.Ingest;

public class DirectoryWalkTests
{
    [Fact]
    public void ADirectoryLinkLoopIsReadOnceAndTheLinkIsNamed()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "Article a.");
        dir.Write("in/sub/b.txt", "Article b.");
        Directory.CreateSymbolicLink(dir.File("in/sub/back"), dir.File("in"));
        Directory.CreateSymbolicLink(dir.File("in/self"), ".");
        var warnings = new List<string>();

        var files = InputReader.ExpandInputs([dir.File("in")], warnings.Add).ToList();

        Assert.Equal([dir.File("in/a.txt"), dir.File("in/sub/b.txt")], files.Select(f => f.Path));
        Assert.All(files, f => Assert.Null(f.Error));
        Assert.Contains(warnings, w => w.StartsWith(dir.File("in/sub/back") + ": directory link to ") && w.EndsWith("skipped"));
        Assert.Contains(warnings, w => w.StartsWith(dir.File("in/self") + ": directory link to "));
    }

    [Fact]
    public void ALinkToASiblingTreeIsFollowedOnce()
    {
        using var dir = new TempDirectory();
        dir.Write("in/real/a.txt", "Article a.");
        Directory.CreateSymbolicLink(dir.File("in/alias"), dir.File("in/real"));
        var warnings = new List<string>();

        var files = InputReader.ExpandInputs([dir.File("in")], warnings.Add).Select(f => f.Path).ToList();

        Assert.Single(files);
        Assert.Single(warnings);
    }

    [Fact]
    public void AFileGivenTwiceIsReadOnce()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("a.txt", "Article a.");
        var warnings = new List<string>();

        var files = InputReader.ExpandInputs([file, file], warnings.Add).ToList();

        Assert.Single(files);
        Assert.Equal($"{file}: given more than once; read once", Assert.Single(warnings));
    }

    [Fact]
    public void AnUnreadableSubdirectoryIsOneErrorAndTheRestIsRead()
    {
        if (Environment.UserName == "root")
        {
            return; // root reads any directory: nothing to observe
        }

        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "Article a.");
        dir.Write("in/locked/b.txt", "Article b.");
        File.SetUnixFileMode(dir.File("in/locked"), UnixFileMode.None);
        try
        {
            var files = InputReader.ExpandInputs([dir.File("in")]).ToList();
            Assert.Contains((dir.File("in/a.txt"), (string?)null), files);
            Assert.Contains((dir.File("in/locked"), (string?)"cannot read directory: permission denied"), files);
        }
        finally
        {
            File.SetUnixFileMode(dir.File("in/locked"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
