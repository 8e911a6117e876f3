using System.Text.Json;
using Normalize.Tests.Support;

namespace Normalize.Tests.Cli;

/// <summary>Inputs that are legal but odd: every verb reads them, with a warning, and goes on.</summary>
public class OddInputTests
{
    private const string LoneSurrogateRecord = "{\"id\":\"odd\",\"title\":\"Odd \\ud800 title\",\"text\":\"The ministry said \\udfff drones arrived.\"}\n";
    private const string NextRecord = "{\"id\":\"next\",\"text\":\"The next record about tanks.\"}\n";

    [Fact]
    public void ALoneSurrogateEscapeIsReplacedAndTheBatchGoesOn()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("in.jsonl", LoneSurrogateRecord + NextRecord);

        var clean = CliRunner.Run("clean", input, "--out", dir.File("out"));

        Assert.Equal(0, clean.ExitCode);
        Assert.Contains($"warning: {input}:1: lone surrogate escapes", clean.Error);
        var lines = File.ReadAllLines(dir.File("out/corpus.jsonl"));
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("The ministry said \uFFFD drones arrived.", first.RootElement.GetProperty("text").GetString());
        Assert.Equal("Odd \uFFFD title", first.RootElement.GetProperty("title").GetString());

        var diff = CliRunner.Run("diff", input, "--json");
        Assert.Equal(0, diff.ExitCode);
        Assert.Equal(2, diff.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void IndexReadsACorpusRecordWithALoneSurrogate()
    {
        using var dir = new TempDirectory();
        var corpus = dir.Write("corpus.jsonl",
            "{\"id\":\"odd\",\"source\":\"s\",\"title\":\"T \\ud800\",\"date\":null,\"language\":\"en\",\"text\":\"Drones \\ud800 here.\",\"removed\":[],\"changes\":[]}\n");

        var result = CliRunner.Run("index", corpus, "--index", dir.File("index.db"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("indexed 1 articles", result.Out);
    }

    [Fact]
    public void IndexRefusesRecordsThatWereNeverCleaned()
    {
        using var dir = new TempDirectory();
        var raw = dir.Write("scraped.jsonl", NextRecord);

        var result = CliRunner.Run("index", raw, "--index", dir.File("index.db"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"error: {raw}:1: not a corpus record", result.Error);
        Assert.Contains("normalize clean", result.Error);
    }
}
