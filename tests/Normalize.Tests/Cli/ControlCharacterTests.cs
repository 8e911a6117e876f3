using System.Text.Json;
using Normalize.Tests.Support;

namespace Normalize.Tests.Cli;

/// <summary>Escape sequences and bells in scraped text never reach the corpus or the terminal raw.</summary>
public class ControlCharacterTests
{
    private const string Esc = "\u001b";

    [Fact]
    public void CleaningStripsControlCharactersFromEveryField()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("in.jsonl",
            "{\"id\":\"ctl\\u001b[31m\",\"title\":\"Drones \\u001b]0;pwned\\u0007 over Kyiv\",\"date\":\"2024-03-18\\u0007\","
            + "\"text\":\"The army\\u0085 said \\u001b[2K drones arrived.\\u0007\\n\\nSecond\\tparagraph.\"}\n");

        var result = CliRunner.Run("clean", input, "--out", dir.File("out"));

        Assert.Equal(0, result.ExitCode);
        var line = File.ReadAllText(dir.File("out/corpus.jsonl"));
        using var record = JsonDocument.Parse(line);
        var root = record.RootElement;
        foreach (var field in new[] { "id", "title", "date", "text" })
        {
            var value = root.GetProperty(field).GetString()!;
            Assert.DoesNotContain(value, c => c < ' ' && c is not '\n' and not '\t' || c is >= '\u007f' and <= '\u009f');
        }

        Assert.Equal("ctl[31m", root.GetProperty("id").GetString());
        Assert.Equal("2024-03-18", root.GetProperty("date").GetString());
        Assert.Contains("drones arrived.", root.GetProperty("text").GetString());
        Assert.Contains("control characters", result.Error);
    }

    [Fact]
    public void SearchShowAndMessagesEscapeWhatTheyPrint()
    {
        using var dir = new TempDirectory();
        var corpus = dir.Write("corpus.jsonl",
            "{\"id\":\"evil\",\"source\":\"s\",\"title\":\"Drones" + "\\u001b]0;pwned\\u0007" + "\",\"date\":null,\"language\":\"en\","
            + "\"text\":\"Drones\\u001b[2K\\nerror: forged line.\",\"removed\":[],\"changes\":[]}\n");
        var index = dir.File("index.db");
        Assert.Equal(0, CliRunner.Run("index", corpus, "--index", index).ExitCode);

        var search = CliRunner.Run("search", "drones", "--index", index);
        var show = CliRunner.Run("show", "evil", "--index", index);
        var missing = CliRunner.Run("show", "evil\u001b[2K\nerror: forged", "--index", index);

        foreach (var output in new[] { search.Out, show.Out, missing.Error })
        {
            Assert.DoesNotContain(Esc, output);
            Assert.DoesNotContain("\u0007", output);
        }

        Assert.Contains("Drones\\x1B]0;pwned\\x07", search.Out);
        Assert.Contains("Drones\\x1B]0;pwned\\x07", show.Out);
        Assert.DoesNotContain(missing.Error.Split('\n'), l => l.StartsWith("error: forged"));
    }
}
