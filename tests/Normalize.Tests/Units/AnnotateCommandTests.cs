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

public class AnnotateCommandBadInputTests
{
    [Fact]
    public void FullWidthDigitsAreReadAndKeepTheirText()
    {
        var result = CliRunner.Run("annotate", "1/２ of the ３ km");
        Assert.Equal(0, result.ExitCode);
        using var line = System.Text.Json.JsonDocument.Parse(result.Out);
        var quantities = line.RootElement.GetProperty("quantities").EnumerateArray().ToList();
        Assert.Contains(quantities, q => q.GetProperty("text").GetString() == "1/２" && q.GetProperty("value").GetDecimal() == 0.5m);
        Assert.Contains(quantities, q => q.GetProperty("text").GetString() == "３ km");
    }

    [Fact]
    public void AnOddReferenceDateCostsItsLineOnlyAndIsNamed()
    {
        var input = "{\"input\":\"at 5pm\",\"reference_datetime\":\"9999-12-31T23:59:59\"}\n"
            + "{\"input\":\"at 5pm\",\"reference_datetime\":\"garbage\"}\n"
            + "{\"input\":\"at 6pm\",\"reference_datetime\":\"2013-02-12T04:30:00\"}\n";

        var result = CliRunner.RunWithStdin(input, "annotate", "--jsonl", "--conventions", "duckling");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 1: \"reference_datetime\" '9999-12-31T23:59:59' is not a date-time", result.Error);
        Assert.Contains("line 2: \"reference_datetime\" 'garbage' is not a date-time", result.Error);
        Assert.Contains("2013-02-12T18:00", Assert.Single(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [InlineData("xx-YY")]
    [InlineData("")]
    [InlineData("de-")]
    public void AnUnknownLanguageIsReadAsEnglish(string language)
    {
        var result = CliRunner.Run("annotate", "— the Kremlin tomorrow at 5pm NaN . \" at least up to 10", "--lang", language, "--conventions", "duckling");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"up to 10\"", result.Out);
    }
}
