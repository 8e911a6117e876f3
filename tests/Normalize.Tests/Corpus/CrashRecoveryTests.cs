using System.Diagnostics;
using Normalize.Core.Corpus;
using Normalize.Tests.Support;
using static Normalize.Tests.Cli.CleanAppendTests;
using static Normalize.Tests.Cli.CleanOutputSafetyTests;

namespace Normalize.Tests.Corpus;

/// <summary>
/// kill -9 of a `clean` run into a good corpus: before the commit point nothing changes, after it the next
/// run finishes the commit; corpus.jsonl, the .txt files and the index agree either way.
/// </summary>
public class CrashRecoveryTests
{
    private const int Killed = 137;

    [Theory]
    [InlineData("before-commit", false)]
    [InlineData("appending", false)]
    [InlineData("before-index", true)]
    public void AKillAtAnyStepOfTheCommitLosesNothingAndTheNextRunFinishesIt(string point, bool reCleansIds)
    {
        using var dir = new TempDirectory();
        var output = dir.File("out");
        WriteArticles(dir, "day1", 0, 12);
        WriteArticles(dir, "day2", 12, 6);
        if (reCleansIds)
        {
            WriteArticles(dir, "day2", 0, 3, variant: " revised");
        }

        WriteArticles(dir, "day3", 18, 1);
        Assert.Equal(0, CliRunner.Run("clean", dir.File("day1"), "--out", output).ExitCode);
        var before = Snapshot(output);

        var killed = CliProcess.Run(new Dictionary<string, string> { ["NORMALIZE_CRASH_AT"] = point }, "clean", dir.File("day2"), "--out", output);

        Assert.Equal(Killed, killed.ExitCode);
        if (point == "before-commit")
        {
            Assert.Equal(before, Snapshot(output));
            AssertAgrees(output);
        }

        var next = CliRunner.Run("clean", dir.File("day3"), "--out", output);

        Assert.Equal(0, next.ExitCode);
        AssertAgrees(output);
        var expected = point == "before-commit" ? 12 + 1 : 12 + 6 + 1;
        Assert.Equal(expected, CorpusIds(output).Count);
        if (reCleansIds && point != "before-commit")
        {
            Assert.Contains("drones revised", File.ReadAllText(dir.File("out/art0001.txt")));
            Assert.Contains("finishing the commit of an interrupted run", next.Error);
        }

        Assert.Empty(Directory.GetFileSystemEntries(dir.File("out/.normalize/staging")));
        Assert.False(File.Exists(dir.File("out/.normalize/commit.json")));
    }
}

/// <summary>The short version of `bench -- kill-test`: kills at random moments of a run into a good corpus.</summary>
public class RandomKillTests
{
    [Fact]
    public void KillsAtRandomMomentsNeverLeaveTheOutputDisagreeing()
    {
        using var dir = new TempDirectory();
        var output = dir.File("out");
        WriteArticles(dir, "day1", 0, 40);
        WriteArticles(dir, "day2", 40, 150);
        WriteArticles(dir, "day2", 0, 10, variant: " revised");
        Assert.Equal(0, CliRunner.Run("clean", dir.File("day1"), "--out", output).ExitCode);
        var random = new Random(20261207);
        var index = Path.Combine(output, "index.lucene");

        for (var kill = 0; kill < 3; kill++)
        {
            var previous = CorpusAudit.Check(output, index).Ids;
            using (var process = Process.Start(CliProcess.StartInfo(null, "clean", dir.File("day2"), "--out", output))!)
            {
                _ = process.StandardOutput.ReadToEndAsync();
                _ = process.StandardError.ReadToEndAsync();
                process.WaitForExit(random.Next(300, 2500));
                if (!process.HasExited)
                {
                    process.Kill();
                }

                process.WaitForExit();
            }

            if (!File.Exists(Path.Combine(output, ".normalize", "commit.json")))
            {
                // No commit in flight: the folder agrees as it is, before any recovery.
                AssertAgrees(output);
            }

            CorpusStore.Open(output, new CorpusStoreOptions { IndexPath = index }).Dispose();
            var (problems, ids) = CorpusAudit.Check(output, index);
            Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
            Assert.True(ids.SetEquals(previous) || ids.SetEquals(previous.Concat(Enumerable.Range(40, 150).Select(i => $"art{i:0000}"))),
                $"after kill {kill}: {ids.Count} ids, {previous.Count} before");
        }
    }
}
