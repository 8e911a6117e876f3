using System.Text.Json;
using Normalize.Core.Corpus;
using Normalize.Tests.Support;

namespace Normalize.Tests.Cli;

/// <summary>Issue 13: a corpus that grows every day (append, replace re-cleaned ids, --replace, one writer).</summary>
public class CleanAppendTests
{
    internal static void WriteArticles(TempDirectory dir, string folder, int from, int count, string variant = "")
    {
        for (var i = from; i < from + count; i++)
        {
            dir.Write($"{folder}/art{i:0000}.txt", $"Headline number {i}{variant}\n\nThe ministry said {i} drones{variant} arrived on Monday.\n");
        }
    }

    internal static List<string> CorpusIds(string folder) =>
        File.ReadAllLines(Path.Combine(folder, "corpus.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToList();

    internal static void AssertAgrees(string folder, string? index = "index.lucene")
    {
        var (problems, _) = CorpusAudit.Check(folder, index is null ? null : Path.Combine(folder, index));
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    [Fact]
    public void ASecondRunAddsToTheCorpusInsteadOfReplacingIt()
    {
        using var dir = new TempDirectory();
        WriteArticles(dir, "day1", 0, 30);
        WriteArticles(dir, "day2", 30, 5);
        Assert.Equal(0, CliRunner.Run("clean", dir.File("day1"), "--out", dir.File("out")).ExitCode);
        var day2 = CliRunner.Run("clean", dir.File("day2"), "--out", dir.File("out"), "--json");

        Assert.Equal(0, day2.ExitCode);
        var ids = CorpusIds(dir.File("out"));
        Assert.Equal(35, ids.Count);
        Assert.Equal(35, ids.Distinct().Count());
        AssertAgrees(dir.File("out"));
        using var summary = JsonDocument.Parse(day2.Out);
        Assert.Equal(35, summary.RootElement.GetProperty("corpus_total").GetInt32());
        Assert.Equal(0, summary.RootElement.GetProperty("replaced").GetInt32());
    }

    [Fact]
    public void AnArticleCleanedAgainReplacesItsRecordAndEveryOtherRecordStays()
    {
        using var dir = new TempDirectory();
        WriteArticles(dir, "day1", 0, 10);
        WriteArticles(dir, "day2", 5, 1, variant: " revised");
        WriteArticles(dir, "day2", 10, 1);
        CliRunner.Run("clean", dir.File("day1"), "--out", dir.File("out"));
        var result = CliRunner.Run("clean", dir.File("day2"), "--out", dir.File("out"), "--json");

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(dir.File("out/corpus.jsonl"));
        Assert.Equal(11, lines.Length);
        var revised = lines.Select(l => JsonDocument.Parse(l).RootElement).Single(r => r.GetProperty("id").GetString() == "art0005");
        Assert.Contains("drones revised", revised.GetProperty("text").GetString());
        Assert.Contains("drones revised", File.ReadAllText(dir.File("out/art0005.txt")));
        AssertAgrees(dir.File("out"));
        var search = CliRunner.Run("search", "revised", "--index", dir.File("out/index.lucene"), "--json");
        using var hits = JsonDocument.Parse(search.Out);
        Assert.Equal("art0005", hits.RootElement.EnumerateArray().Single().GetProperty("id").GetString());
        using var summary = JsonDocument.Parse(result.Out);
        Assert.Equal(1, summary.RootElement.GetProperty("replaced").GetInt32());
    }

    [Fact]
    public void ReplaceStartsTheOutputAfresh()
    {
        using var dir = new TempDirectory();
        WriteArticles(dir, "day1", 0, 4);
        WriteArticles(dir, "day2", 100, 2);
        CliRunner.Run("clean", dir.File("day1"), "--out", dir.File("out"));
        dir.Write("out/notes.md", "mine");

        Assert.Equal(0, CliRunner.Run("clean", dir.File("day2"), "--out", dir.File("out"), "--replace").ExitCode);

        Assert.Equal(["art0100", "art0101"], CorpusIds(dir.File("out")));
        Assert.False(File.Exists(dir.File("out/art0000.txt")));
        Assert.True(File.Exists(dir.File("out/notes.md")));
        AssertAgrees(dir.File("out"));
    }

    [Fact]
    public void ASecondRunOnTheSameOutputRefusesWhileTheFirstHoldsIt()
    {
        using var dir = new TempDirectory();
        WriteArticles(dir, "day1", 0, 3);
        WriteArticles(dir, "day2", 3, 3);
        CliRunner.Run("clean", dir.File("day1"), "--out", dir.File("out"));
        var before = File.ReadAllBytes(dir.File("out/corpus.jsonl"));

        using (CorpusStore.Open(dir.File("out"), new CorpusStoreOptions()))
        {
            var second = CliRunner.Run("clean", dir.File("day2"), "--out", dir.File("out"));
            Assert.Equal(1, second.ExitCode);
            Assert.Contains("is being written by another clean run", second.Error);
            Assert.Contains("--wait", second.Error);
            Assert.Equal(before, File.ReadAllBytes(dir.File("out/corpus.jsonl")));
        }

        Assert.Equal(0, CliRunner.Run("clean", dir.File("day2"), "--out", dir.File("out")).ExitCode);
        Assert.Equal(6, CorpusIds(dir.File("out")).Count);
    }

    [Fact]
    public async Task WithWaitTheSecondRunWaitsForTheFirstAndThenAdds()
    {
        using var dir = new TempDirectory();
        WriteArticles(dir, "day1", 0, 3);
        var holder = CorpusStore.Open(dir.File("out"), new CorpusStoreOptions());
        var second = Task.Run(() => CliRunner.Run("clean", dir.File("day1"), "--out", dir.File("out"), "--wait"));
        var first = await Task.WhenAny(second, Task.Delay(TimeSpan.FromMilliseconds(500)));
        Assert.NotSame(second, first);
        holder.Dispose();

        var result = await second;
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("waiting for it to finish", result.Error);
        Assert.Equal(3, CorpusIds(dir.File("out")).Count);
    }

    [Fact]
    public void AnOutputFromBeforeTheJournalIsAdoptedAndItsIndexRebuilt()
    {
        // Today's bug left 100 records in corpus.jsonl and 10,100 in .txt and the index: corpus.jsonl is the truth.
        using var dir = new TempDirectory();
        WriteArticles(dir, "day1", 0, 5);
        WriteArticles(dir, "day2", 5, 2);
        CliRunner.Run("clean", dir.File("day1"), "--out", dir.File("out"));
        var keep = File.ReadLines(dir.File("out/corpus.jsonl")).Take(3).ToList();
        File.WriteAllLines(dir.File("out/corpus.jsonl"), keep);
        Directory.Delete(dir.File("out/.normalize"), recursive: true);
        foreach (var name in new[] { "art0003.txt", "art0004.txt" })
        {
            File.Delete(dir.File("out/" + name));
        }

        var result = CliRunner.Run("clean", dir.File("day2"), "--out", dir.File("out"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(5, CorpusIds(dir.File("out")).Count);
        AssertAgrees(dir.File("out"));
    }
}
