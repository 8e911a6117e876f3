using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Normalize.Tests.Support;
using static Normalize.Tests.Cli.CleanAppendTests;

namespace Normalize.Tests.Cli;

/// <summary>Issue 14: never lose or corrupt a user's data.</summary>
public class CleanOutputSafetyTests
{
    [Fact]
    public void AnOutputThatIsTheInputFolderOrInsideItIsRefusedAndNothingIsWritten()
    {
        using var dir = new TempDirectory();
        WriteArticles(dir, "d", 0, 3);
        var raw = Directory.GetFiles(dir.File("d")).ToDictionary(f => f, File.ReadAllBytes);

        var same = CliRunner.Run("clean", dir.File("d"), "--out", dir.File("d"));
        var nested = CliRunner.Run("clean", dir.File("d"), "--out", dir.File("d/out"));
        var relative = CliRunner.Run("clean", dir.File("d"), "--out", dir.File("d/../d/"));

        Assert.Equal(2, same.ExitCode);
        Assert.Contains("is the input folder", same.Error);
        Assert.Equal(2, nested.ExitCode);
        Assert.Contains("is inside the input folder", nested.Error);
        Assert.Equal(2, relative.ExitCode);
        Assert.Equal(raw.Keys.Order(), Directory.GetFiles(dir.File("d")).Order());
        Assert.All(raw, file => Assert.Equal(file.Value, File.ReadAllBytes(file.Key)));
        Assert.False(Directory.Exists(dir.File("d/out")));
    }

    [Fact]
    public void AnInputFileInsideTheOutputFolderIsRefused()
    {
        using var dir = new TempDirectory();
        dir.Write("out/story.txt", "Raw story body.");
        var result = CliRunner.Run("clean", dir.File("out/story.txt"), "--out", dir.File("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is in the output folder", result.Error);
        Assert.Equal("Raw story body.", File.ReadAllText(dir.File("out/story.txt")));
    }

    [Fact]
    public void ASymlinkToTheInputFolderIsTheInputFolder()
    {
        using var dir = new TempDirectory();
        WriteArticles(dir, "d", 0, 1);
        Directory.CreateSymbolicLink(dir.File("link"), dir.File("d"));
        var result = CliRunner.Run("clean", dir.File("d"), "--out", dir.File("link"));
        Assert.Equal(2, result.ExitCode);
        Assert.Single(Directory.GetFiles(dir.File("d")));
    }

    [Fact]
    public void ARunThatWritesNothingLeavesTheCorpusTheTextFilesAndTheIndexAsTheyWere()
    {
        using var dir = new TempDirectory();
        WriteArticles(dir, "day1", 0, 4);
        Directory.CreateDirectory(dir.File("empty"));
        dir.WriteBytes("empty.txt", []);
        CliRunner.Run("clean", dir.File("day1"), "--out", dir.File("out"));
        var corpus = File.ReadAllBytes(dir.File("out/corpus.jsonl"));

        var missing = CliRunner.Run("clean", dir.File("nonexist.txt"), "--out", dir.File("out"));
        var emptyFolder = CliRunner.Run("clean", dir.File("empty"), "--out", dir.File("out"));
        var emptyFile = CliRunner.Run("clean", dir.File("empty.txt"), "--out", dir.File("out"), "--replace");

        Assert.Equal(1, missing.ExitCode);
        Assert.Equal(2, emptyFolder.ExitCode);
        Assert.Equal(1, emptyFile.ExitCode);
        Assert.Equal(corpus, File.ReadAllBytes(dir.File("out/corpus.jsonl")));
        Assert.Equal(4, Directory.GetFiles(dir.File("out"), "*.txt").Length);
        AssertAgrees(dir.File("out"));
    }

    [Fact]
    public void IdsThatSanitiseToTheSameNameKeepTheirOwnTextFiles()
    {
        using var dir = new TempDirectory();
        var longPrefix = new string('l', 150);
        string[] ids = ["x/y", "x_y", ".hidden", "hidden", "..", "../", longPrefix + "-one", longPrefix + "-two"];
        dir.Write("in/records.jsonl", string.Concat(ids.Select((id, i) =>
            JsonSerializer.Serialize(new { id, text = $"Body number {i} of this record." }) + "\n")));

        var result = CliRunner.Run("clean", dir.File("in"), "--out", dir.File("out"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ids.Length, Directory.GetFiles(dir.File("out"), "*.txt").Length);
        AssertAgrees(dir.File("out"));
    }

    [Fact]
    public void ALongNonAsciiIdOrFileNameIsWrittenUnderANameWithinTheByteLimit()
    {
        using var dir = new TempDirectory();
        var longName = string.Concat(Enumerable.Repeat("Ukraïne-überfall-", 14))[..120]; // 120 chars, ~135 bytes
        dir.Write($"in/{longName}.txt", "A body about the long file name.");
        var longId = string.Concat(Enumerable.Repeat("новости-", 40)); // 320 chars, 600 bytes
        dir.Write("in/records.jsonl", JsonSerializer.Serialize(new { id = longId, text = "A body about the long id." }) + "\n");

        var result = CliRunner.Run("clean", dir.File("in"), "--out", dir.File("out"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, File.ReadAllLines(dir.File("out/corpus.jsonl")).Length);
        Assert.All(Directory.GetFiles(dir.File("out"), "*.txt"), f => Assert.True(Encoding.UTF8.GetByteCount(Path.GetFileName(f)) <= 255));
        AssertAgrees(dir.File("out"));
    }

    [Fact]
    public void TempFilesOfKilledRunsAreRemovedByTheNextRun()
    {
        using var dir = new TempDirectory();
        WriteArticles(dir, "day1", 0, 2);
        CliRunner.Run("clean", dir.File("day1"), "--out", dir.File("out"));
        var deadPid = DeadPid();
        dir.Write($"out/.corpus.jsonl.{deadPid}.tmp", "{\"id\":\"half");
        dir.Write($"out/.art0000.txt.{deadPid}.tmp", "half");
        dir.Write("out/.normalize/staging/dead-run/txt/zz.txt", "staged by a dead run");

        Assert.Equal(0, CliRunner.Run("clean", dir.File("day1"), "--out", dir.File("out")).ExitCode);

        Assert.Empty(Directory.GetFiles(dir.File("out"), "*.tmp"));
        Assert.Empty(Directory.GetFileSystemEntries(dir.File("out/.normalize/staging")));
        Assert.False(File.Exists(dir.File("out/zz.txt")));
    }

    [Fact]
    public void InterruptedBeforeTheCommitLeavesEverythingAsItWasAndSaysSo()
    {
        using var dir = new TempDirectory();
        WriteArticles(dir, "day1", 0, 3);
        WriteArticles(dir, "day2", 0, 20, variant: " second");
        CliRunner.Run("clean", dir.File("day1"), "--out", dir.File("out"));
        var before = Snapshot(dir.File("out"));
        using var cancel = new CancellationTokenSource();
        var io = new Normalize.Cli.CommandIO(new StringWriter(), new StringWriter(), false, false, () => Stream.Null);
        var job = new Normalize.Core.CleanJob
        {
            Inputs = [dir.File("day2")],
            Pipeline = Normalize.Core.Pipeline.DefaultPipeline.Create(),
            OutputDirectory = dir.File("out"),
            IndexPath = dir.File("out/index.lucene"),
            ReportProgress = p => { if (p.Written >= 5) { cancel.Cancel(); } },
        };

        Assert.ThrowsAny<OperationCanceledException>(() => job.Run(cancel.Token));

        Assert.Equal(before, Snapshot(dir.File("out")));
        Assert.Empty(Directory.GetFileSystemEntries(dir.File("out/.normalize/staging")));
        AssertAgrees(dir.File("out"));
    }

    [Fact]
    public async Task ANamedPipeIsReadOnceAndCleanedLikeAFile()
    {
        using var dir = new TempDirectory();
        var lines = string.Concat(Enumerable.Range(0, 6).Select(i => JsonSerializer.Serialize(new
        {
            id = $"p{i}",
            source = "https://example.org/news/" + i,
            text = $"Story {i} says the army counted {i + 10} drones.\n\nSubscribe to our newsletter for more stories\n",
        }) + "\n"));
        dir.Write("file/feed.jsonl", lines);
        Directory.CreateDirectory(dir.File("pipe"));
        var fifo = dir.File("pipe/feed.jsonl");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var writer = Task.Run(() => File.WriteAllText(fifo, lines));
        var run = Task.Run(() => CliRunner.Run("clean", fifo, "--out", dir.File("from-pipe"), "--no-index", "--quiet"));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == run, "clean hung on a named pipe (read it twice?)");
        await writer;
        var fromPipe = await run;
        var fromFile = CliRunner.Run("clean", dir.File("file/feed.jsonl"), "--out", dir.File("from-file"), "--no-index");

        Assert.Equal(0, fromPipe.ExitCode);
        Assert.Equal("", fromPipe.Error);
        // The same records as from a regular file (the line repeated across the pipe's articles is found too).
        var pipeCorpus = File.ReadAllText(dir.File("from-pipe/corpus.jsonl")).Replace(fifo, dir.File("file/feed.jsonl"));
        Assert.Equal(File.ReadAllText(dir.File("from-file/corpus.jsonl")), pipeCorpus);
        Assert.DoesNotContain("newsletter", File.ReadAllText(dir.File("from-pipe/corpus.jsonl")).Split("\"removed\"")[0]);
        Assert.Equal(0, fromFile.ExitCode);
    }

    internal static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder).Where(f => !f.Contains("index.lucene")).ToDictionary(f => Path.GetFileName(f)!, f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    private static int DeadPid()
    {
        using var process = Process.Start(new ProcessStartInfo("true"))!;
        process.WaitForExit();
        return process.Id;
    }
}
