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

public class SearchExitCodesAndReadOnlyTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public SearchExitCodesAndReadOnlyTests()
    {
        _dir.Write("in/a.jsonl", string.Join('\n',
            """{"id":"kyiv","title":"Sirens in Kyiv","date":"2024-02-03","url":"https://a.example.org/1","text":"Air raid sirens sounded in Kyiv overnight."}""",
            """{"id":"drones","title":"Drones","date":"2024-04-02","url":"https://b.example.org/2","text":"Drones struck Kharkiv and Kyiv."}"""));
        Assert.Equal(0, CliRunner.Run("clean", _dir.File("in"), "--out", _dir.File("out")).ExitCode);
    }

    private string IndexPath => _dir.File("out/index.lucene");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void NothingMatchingExitsOneLikeGrep()
    {
        Assert.Equal(0, CliRunner.Run("search", "sirens", "--index", IndexPath).ExitCode);
        var none = CliRunner.Run("search", "submarine", "--index", IndexPath);
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("no articles match", none.Error);
        var json = CliRunner.Run("search", "submarine", "--index", IndexPath, "--json");
        Assert.Equal(1, json.ExitCode);
        Assert.Equal(0, JsonDocument.Parse(json.Out).RootElement.GetArrayLength());
        Assert.Equal(2, CliRunner.Run("search", "(sirens", "--index", IndexPath).ExitCode);
        Assert.Contains("1 nothing did", CliRunner.Run("search", "--help").Out);
    }

    [Fact]
    public void SearchingWritesNothingNextToTheIndex()
    {
        string Snapshot() => string.Join('\n', Directory.EnumerateFileSystemEntries(_dir.File("out"), "*", SearchOption.AllDirectories).Order()
            .Select(p => $"{p} {(File.Exists(p) ? new FileInfo(p).Length + " " + File.GetLastWriteTimeUtc(p).Ticks : "dir")}"));
        var before = Snapshot();
        var mode = File.GetUnixFileMode(IndexPath);
        File.SetUnixFileMode(IndexPath, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        try
        {
            var result = CliRunner.Run("search", "sirens", "--index", IndexPath, "--json");
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("kyiv", JsonDocument.Parse(result.Out).RootElement[0].GetProperty("id").GetString());
            Assert.Equal(0, CliRunner.Run("show", "kyiv", "--index", IndexPath).ExitCode);
        }
        finally
        {
            File.SetUnixFileMode(IndexPath, mode);
        }

        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void FacetsAndNamesFromTheCommandLine()
    {
        var result = CliRunner.Run("search", "Kiew", "--index", IndexPath, "--json", "--facets", "--limit", "1");
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(2, root.GetProperty("total").GetInt64());
        Assert.Single(root.GetProperty("hits").EnumerateArray());
        Assert.Equal(1, root.GetProperty("facets").GetProperty("source").GetProperty("a.example.org").GetInt64());
        Assert.Equal(1, root.GetProperty("facets").GetProperty("month").GetProperty("2024-04").GetInt64());
        Assert.Equal(1, CliRunner.Run("search", "Kiew", "--index", IndexPath, "--exact").ExitCode);
        var byDate = CliRunner.Run("search", "Kyiv", "--index", IndexPath, "--json", "--sort", "date");
        Assert.Equal(["drones", "kyiv"], JsonDocument.Parse(byDate.Out).RootElement.EnumerateArray().Select(h => h.GetProperty("id").GetString()));
    }
}
