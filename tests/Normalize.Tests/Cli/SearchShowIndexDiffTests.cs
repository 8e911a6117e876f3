using System.Text.Json;
using Normalize.Tests.Support;

namespace Normalize.Tests.Cli;

public class SearchShowIndexDiffTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public SearchShowIndexDiffTests()
    {
        _dir.Write("in/a.jsonl", string.Join('\n',
            """{"id":"shells","title":"Shells for the front","date":"2023-12-23","text":"Ukraine burned through artillery shells at 7,000 rounds a day .\n\nC++ is not a weapon."}""",
            """{"id":"drones","title":"Drohnen über Charkiw","date":"2024-04-02","lang":"de","text":"Drohnen trafen in der Nacht die Stadt Charkiw. Die Artillerie schwieg, sagte ein Sprecher der Armee."}"""));
        var clean = CliRunner.Run("clean", _dir.File("in"), "--out", _dir.File("out"));
        Assert.Equal(0, clean.ExitCode);
    }

    private string IndexPath => _dir.File("out/index.lucene");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("C++")]
    [InlineData("\"artillery")]
    [InlineData("artillery AND")]
    [InlineData("AND NOT")]
    [InlineData("'")]
    [InlineData("NEAR(a b)")]
    [InlineData("title:")]
    [InlineData("*")]
    public void AwkwardQueriesGiveResultsOrAClearMessageNeverAStackTrace(string query)
    {
        var result = CliRunner.Run("search", query, "--index", IndexPath);
        Assert.True(result.ExitCode is 0 or 1 or 2, result.Error);
        Assert.DoesNotContain("Exception", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        if (result.ExitCode == 2)
        {
            Assert.StartsWith("normalize: ", result.Error);
        }
    }

    [Fact]
    public void HumanOutputListsRankTitleDateIdAndMarkedSnippet()
    {
        var result = CliRunner.Run("search", "artillery shells", "--index", IndexPath);
        var lines = result.Out.Split('\n');
        Assert.Equal("1. Shells for the front  2023-12-23  shells  score", lines[0][..lines[0].IndexOf("score", StringComparison.Ordinal)] + "score");
        Assert.Contains("**artillery** **shells**", lines[1]);
    }

    [Fact]
    public void FiltersNarrowTheHits()
    {
        var all = CliRunner.Run("search", "artillery OR Charkiw", "--index", IndexPath, "--json");
        Assert.Equal(2, JsonDocument.Parse(all.Out).RootElement.GetArrayLength());
        // The language filter uses the identified language (the German record reads as German).
        var german = CliRunner.Run("search", "artillery OR Charkiw", "--index", IndexPath, "--json", "--lang", "de");
        Assert.Equal("drones", JsonDocument.Parse(german.Out).RootElement.EnumerateArray().Single().GetProperty("id").GetString());
        var since = CliRunner.Run("search", "artillery OR Charkiw", "--index", IndexPath, "--json", "--since", "2024-01-01");
        Assert.Single(JsonDocument.Parse(since.Out).RootElement.EnumerateArray());
        var badDate = CliRunner.Run("search", "artillery", "--index", IndexPath, "--since", "yesterday");
        Assert.Equal(2, badDate.ExitCode);
    }

    [Fact]
    public void MissingIndexIsAClearUsageError()
    {
        var result = CliRunner.Run("search", "shells", "--index", _dir.File("none.lucene"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no index at", result.Error);
    }

    [Fact]
    public void ShowPrintsTheArticleWithItsAuditTrail()
    {
        var result = CliRunner.Run("show", "shells", "--index", IndexPath);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# Shells for the front", result.Out);
        Assert.Contains("7,000 rounds a day.", result.Out);
        Assert.Contains("~ typography/space-before-punctuation: \" .\" → \".\"", result.Out);
        Assert.Equal(2, CliRunner.Run("show", "nope", "--index", IndexPath).ExitCode);
    }

    [Fact]
    public void IndexRebuildsFromACorpusWithoutDuplicates()
    {
        var rebuilt = _dir.File("rebuilt.lucene");
        var first = CliRunner.Run("index", _dir.File("out/corpus.jsonl"), "--index", rebuilt);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("indexed 2 articles", first.Out);
        var second = CliRunner.Run("index", _dir.File("out/corpus.jsonl"), "--index", rebuilt);
        Assert.Contains("(2 in the index)", second.Out);
        var search = CliRunner.Run("search", "charkiw", "--index", rebuilt, "--json");
        Assert.Equal("drones", JsonDocument.Parse(search.Out).RootElement[0].GetProperty("id").GetString());
    }

    [Fact]
    public void DiffShowsWhatWouldChangeAndWritesNothing()
    {
        var input = _dir.Write("one.txt", "Skip to content\n\nThe ministry said so .");
        var result = CliRunner.Run("diff", input);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("- [navigation] Skip to content", result.Out);
        Assert.Contains("typography/space-before-punctuation", result.Out);
        Assert.False(File.Exists(_dir.File("corpus.jsonl")));
    }
}
