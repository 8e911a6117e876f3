using System.Text;
using Normalize.Core.Ingest;
using Normalize.Core.Ingest.Html;

namespace Normalize.Tests.Ingest.Html;

/// <summary>Broken and hostile pages: best-effort text or one clear error, never a crash, hang or stack overflow.</summary>
public class HtmlBadInputTests
{
    private const string Paragraph = "<p>The committee met on Tuesday, and after a long debate, it agreed to publish the full report in May.</p>";

    [Fact]
    public void TruncatedDocumentGivesTheTextBeforeTheCut()
    {
        var html = "<html><head><title>T</title></head><body><article>" + Paragraph + Paragraph + "<p>The last paragraph stops in the middle of a <a href=\"ht";

        var result = HtmlExtractor.Default.Extract(html);

        Assert.Null(result.Error);
        Assert.Contains("agreed to publish the full report in May.", result.Extraction!.Text, StringComparison.Ordinal);
        Assert.EndsWith("stops in the middle of a", result.Extraction.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<div>", "</div>")]
    [InlineData("<span><b>", "")]
    public void HundredThousandLevelsOfNestingGiveOneClearError(string open, string close)
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat(open, 100_000)) + "Deep text."
                   + string.Concat(Enumerable.Repeat(close, 100_000)) + "</body></html>";

        var result = HtmlExtractor.Default.Extract(Encoding.UTF8.GetBytes(html));

        Assert.Null(result.Extraction);
        Assert.Contains("nesting budget", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingWithinTheBudgetIsRead()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 1_500)) + Paragraph + Paragraph
                   + string.Concat(Enumerable.Repeat("</div>", 1_500)) + "</body></html>";

        var result = HtmlExtractor.Default.Extract(html);

        Assert.Null(result.Error);
        Assert.Contains("full report in May.", result.Extraction!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TwentyMegabytePageIsCutToTheSizeBudgetWithAWarning()
    {
        var page = new StringBuilder("<html><head><title>Big</title></head><body><article>");
        while (page.Length < 20 * 1024 * 1024)
        {
            page.Append(Paragraph).Append('\n');
        }

        page.Append("</article></body></html>");

        // The time budget is not what this test is about: a slow test machine must not fail it.
        var extractor = new HtmlExtractor(budget: new HtmlBudget { Time = TimeSpan.FromMinutes(10) });
        var result = extractor.Extract(Encoding.UTF8.GetBytes(page.ToString()));

        Assert.Null(result.Error);
        Assert.Contains(result.Extraction!.Warnings, w => w.Contains("size budget", StringComparison.Ordinal));
        Assert.StartsWith("The committee met on Tuesday", result.Extraction.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryBytesAreRefused()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;

        var result = HtmlArticleReader.Read("photo.html", "photo", bytes);

        var error = Assert.IsType<IngestError>(result);
        Assert.Contains("binary", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body></body></html>")]
    [InlineData("<html><head><title>Only a title</title></head><body>   </body></html>")]
    [InlineData("<!-- nothing but a comment -->")]
    public void EmptyBodyIsOneClearError(string html)
    {
        var result = HtmlArticleReader.Read("empty.html", "empty", Encoding.UTF8.GetBytes(html));

        var error = Assert.IsType<IngestError>(result);
        Assert.Contains("no visible text", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeBudgetIsNamedInTheError()
    {
        var extractor = new HtmlExtractor(budget: new HtmlBudget { Time = TimeSpan.Zero });

        var result = extractor.Extract("<html><body>" + Paragraph + "</body></html>");

        Assert.Null(result.Extraction);
        Assert.Contains("time budget", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TagBudgetCutsThePageWithAWarning()
    {
        var extractor = new HtmlExtractor(budget: new HtmlBudget { MaxTags = 20 });

        var result = extractor.Extract("<html><body><article>" + string.Concat(Enumerable.Repeat(Paragraph, 50)) + "</article></body></html>");

        Assert.Null(result.Error);
        Assert.Contains(result.Extraction!.Warnings, w => w.Contains("20 tags", StringComparison.Ordinal));
        Assert.True(result.Extraction.Text.Split("\n\n").Length < 50);
    }

    [Theory]
    [InlineData("news-page.html")]
    [InlineData("cp1251-page.html")]
    [InlineData("split-by-ads.html")]
    public void EveryTruncationOfAFixtureGivesTextOrAnError(string fixture)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Html", fixture));
        for (var length = 1; length < bytes.Length; length += 37)
        {
            var result = HtmlArticleReader.Read(fixture, "cut", bytes[..length]);

            switch (result)
            {
                case IngestedArticle article:
                    Assert.NotEmpty(article.Article.Text);
                    break;
                case IngestError error:
                    Assert.False(string.IsNullOrWhiteSpace(error.Reason));
                    break;
                default:
                    Assert.Fail($"unexpected result {result}");
                    break;
            }
        }
    }
}
