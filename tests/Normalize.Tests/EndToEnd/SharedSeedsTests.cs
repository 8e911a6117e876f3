using System.Text.Json;
using Normalize.Core.Ingest;
using Normalize.Core.Pipeline;
using Normalize.Core.Typography;
using Normalize.Tests.Support;

namespace Normalize.Tests.EndToEnd;

/// <summary>The five real seed articles in ../shared/seeds, cleaned end to end from the command line.</summary>
public class SharedSeedsTests
{
    private const string Seeds = "seeds";

    private static readonly Lazy<(TempDirectory Dir, Dictionary<string, JsonElement> Records)> Cleaned = new(() =>
    {
        var dir = new TempDirectory();
        var result = CliRunner.Run("clean", SharedData.Path(Seeds)!, "--out", dir.Path);
        Assert.True(result.ExitCode == 0, result.Error);
        var records = File.ReadAllLines(dir.File("corpus.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(r => r.GetProperty("id").GetString()![..3]);
        return (dir, records);
    });

    [SharedDataTheory(Seeds)]
    [InlineData("000", "date 2023-12-23")]
    [InlineData("001", "Edit post")]
    [InlineData("001", "2 min read")]
    [InlineData("001", "This audio is created with AI assistance")]
    [InlineData("001", "April 2, 2024 5:28 AM")]
    [InlineData("001", "Most popular")]
    [InlineData("001", "Editors' Picks")]
    [InlineData("001", "what can Ukraine hope for after German elections")]
    [InlineData("001", "Did Trump lie about")]
    [InlineData("001", "Trump repeats his Afghanistan playbook")]
    [InlineData("001", "new dynamics. And it")]
    [InlineData("002", "Skip to content")]
    [InlineData("002", "Not all news on the site")]
    [InlineData("002", "programmatic technology")]
    [InlineData("002", "contributed report")]
    [InlineData("003", "Home page politics")]
    [InlineData("003", "(erpe/AFP)")]
    public void NamedBoilerplateIsGone(string seed, string chrome) =>
        Assert.DoesNotContain(chrome, Cleaned.Value.Records[seed].GetProperty("text").GetString());

    [SharedDataTheory(Seeds)]
    [InlineData("000", "North Korea has sent Russia large quantities of artillery shells.", "2023-12-23")]
    [InlineData("001", "Pentagon: North Korea continues to supply weapons to Russia", "2024-04-02")]
    [InlineData("002", "North Korea sending munitions to Russia for war, White House says", null)]
    [InlineData("003", null, "2024-03-18")]
    [InlineData("004", "North Korea already supplied millions of weapons and ammunition to Russia", null)]
    public void TitlesAndDatesAreExtracted(string seed, string? title, string? date)
    {
        var record = Cleaned.Value.Records[seed];
        Assert.Equal(title, record.GetProperty("title").GetString());
        var actualDate = record.GetProperty("date").GetString();
        if (date is null)
        {
            Assert.Null(actualDate);
        }
        else
        {
            Assert.StartsWith(date, actualDate);
        }
    }

    [SharedDataFact(Seeds)]
    public void CreditsAreMetadata()
    {
        Assert.Contains("erpe/AFP", Cleaned.Value.Records["003"].GetProperty("credits").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains(Cleaned.Value.Records["002"].GetProperty("credits").EnumerateArray(), c => c.GetString()!.StartsWith("Michael Crowley"));
    }

    /// <summary>
    /// Every paragraph of every seed is either recorded as removed or still in the text (after
    /// typography, which is all these two stages may change in kept text).
    /// </summary>
    [SharedDataFact(Seeds)]
    public void ContentParagraphsSurviveApartFromTypography()
    {
        var pipeline = DefaultPipeline.Create(new PipelineOptions { OnlyStages = [StageNames.Boilerplate, StageNames.Typography] });
        foreach (var path in Directory.GetFiles(SharedData.Path(Seeds)!, "*.txt"))
        {
            var original = InputReader.FromPlainText("x", path, File.ReadAllText(path));
            var paragraphs = original.Paragraphs.ToList();
            var article = pipeline.Process(InputReader.FromPlainText("x", path, File.ReadAllText(path)));
            foreach (var paragraph in paragraphs)
            {
                var removed = article.Removed.Any(r => r.Text == paragraph || paragraph.EndsWith(r.Text, StringComparison.Ordinal));
                var typeset = Typeset(paragraph);
                var credit = article.Removed.FirstOrDefault(r => r.Reason == "agency-credit" && paragraph.EndsWith(r.Text, StringComparison.Ordinal));
                if (credit is not null)
                {
                    typeset = Typeset(paragraph[..^credit.Text.Length].TrimEnd());
                }

                Assert.True(article.Text.Contains(typeset, StringComparison.Ordinal) || (removed && credit is null),
                    $"{Path.GetFileName(path)}: paragraph lost: {paragraph}");
            }
        }
    }

    [SharedDataTheory(Seeds)]
    [InlineData("ballistic", new[] { "001", "004" })]
    [InlineData("artillery shells", new[] { "000" })]
    public void SearchRanksTheRightArticlesFirst(string query, string[] expectedTop)
    {
        var result = CliRunner.Run("search", query, "--index", Cleaned.Value.Dir.File("index.lucene"), "--json");
        Assert.Equal(0, result.ExitCode);
        var ids = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().Select(h => h.GetProperty("id").GetString()![..3]).ToList();
        Assert.Equal(expectedTop.Order(), ids.Take(expectedTop.Length).Order());
    }

    private static string Typeset(string paragraph)
    {
        var article = InputReader.FromPlainText("p", "p", paragraph);
        new TypographyStage().Process(article);
        return article.Text;
    }
}
