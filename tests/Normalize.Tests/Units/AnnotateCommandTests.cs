using System.Text.Json;
using Normalize.Tests.Support;

namespace Normalize.Tests.Units;

public class AnnotateCommandTests
{
    [Fact]
    public void TextArgumentGivesOneJsonLineWithAllThreeArrays()
    {
        var result = CliRunner.Run("annotate", "Kyiv got 1,5 million euros on Dec. 30, 2023.", "--lang", "de");
        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        Assert.Equal("Kyiv", root.GetProperty("entities")[0].GetProperty("canonical").GetString());
        var quantity = root.GetProperty("quantities")[0];
        Assert.Equal(1_500_000m, quantity.GetProperty("value").GetDecimal());
        Assert.Equal("EUR", quantity.GetProperty("unit").GetString());
        Assert.Equal("currency", quantity.GetProperty("family").GetString());
        Assert.Equal("2023-12-30", root.GetProperty("dates")[0].GetProperty("iso").GetString());
    }

    [Fact]
    public void StdinGivesOneLinePerInputLine()
    {
        var result = CliRunner.RunWithStdin("Russia fired 10,000 shells.\n\nNothing here\n", "annotate");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void JsonlReadsTheBenchSchemaAndKeepsTheId()
    {
        var input = "{\"id\":\"a\",\"input\":\"the strike on Jan. 2\",\"reference_datetime\":\"2024-04-02T00:00:00\"}\n";
        var result = CliRunner.RunWithStdin(input, "annotate", "--jsonl");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out.Trim());
        Assert.Equal("a", doc.RootElement.GetProperty("id").GetString());
        var date = doc.RootElement.GetProperty("dates")[0];
        Assert.Equal("2024-01-02", date.GetProperty("iso").GetString());
        Assert.Equal(14, date.GetProperty("start").GetInt32());
    }

    [Fact]
    public void MalformedJsonlLineIsReportedAndTheRestAnnotated()
    {
        var result = CliRunner.RunWithStdin("{not json}\n{\"input\":\"3 km\"}\n", "annotate", "--jsonl");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 1: malformed JSON", result.Error);
        Assert.Single(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void BadDateIsAUsageError()
    {
        var result = CliRunner.Run("annotate", "x", "--date", "yesterday");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--date", result.Error);
    }
}
