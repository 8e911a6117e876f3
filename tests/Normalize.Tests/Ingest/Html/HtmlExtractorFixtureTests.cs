using System.Text;
using Normalize.Core;
using Normalize.Core.Ingest;
using Normalize.Core.Ingest.Html;

namespace Normalize.Tests.Ingest.Html;

/// <summary>Pages we wrote ourselves (Fixtures/Html): expected body text (&lt;name&gt;.expected.txt) and metadata.</summary>
public class HtmlExtractorFixtureTests
{
    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Html", name);

    private static HtmlExtraction ExtractFixture(string name)
    {
        var result = HtmlExtractor.Default.Extract(File.ReadAllBytes(FixturePath(name)));
        Assert.Null(result.Error);
        return result.Extraction!;
    }

    [Theory]
    [InlineData("news-page")]
    [InlineData("split-by-ads")]
    [InlineData("cp1251-page")]
    public void BodyTextIsTheArticleOnly(string name)
    {
        var extraction = ExtractFixture(name + ".html");
        var expected = File.ReadAllText(FixturePath(name + ".expected.txt"), Encoding.UTF8).TrimEnd('\n');

        Assert.Equal(expected, extraction.Text);
        Assert.True(extraction.LooksLikeArticle);
    }

    [Theory]
    [InlineData("news-page.html", "Share on Facebook")]
    [InlineData("news-page.html", "Storm season forecast")]
    [InlineData("news-page.html", "never miss a story")]
    [InlineData("news-page.html", "smell of the water")]
    [InlineData("news-page.html", "We use cookies")]
    [InlineData("news-page.html", "All rights reserved")]
    [InlineData("news-page.html", "By Mara Jensen")]
    [InlineData("news-page.html", "Photo: Courier staff")]
    [InlineData("news-page.html", "Harbour town opens flood barrier")]
    [InlineData("split-by-ads.html", "Advertisement")]
    [InlineData("split-by-ads.html", "Most read")]
    [InlineData("cp1251-page.html", "Главная")]
    public void ChromeIsNotInTheText(string fixture, string chrome)
    {
        Assert.DoesNotContain(chrome, ExtractFixture(fixture).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void NewsPageMetadataComesFromJsonLdAndOpenGraph()
    {
        var metadata = ExtractFixture("news-page.html").Metadata;

        Assert.Equal("Harbour town opens flood barrier after ten years", metadata.Title);
        Assert.Equal("2024-03-14T09:30:00Z", metadata.Date);
        Assert.Equal(["Mara Jensen", "Tom Okafor"], metadata.Authors);
        Assert.Equal("en", metadata.Language);
        Assert.Equal("https://courier.example/news/2024/03/harbour-barrier", metadata.CanonicalUrl);
        Assert.Equal("The Coastal Courier", metadata.SiteName);
    }

    [Fact]
    public void SplitArticleMetadataComesFromMetaTagsAndTitle()
    {
        var metadata = ExtractFixture("split-by-ads.html").Metadata;

        Assert.Equal("Why bees are returning to city rooftops", metadata.Title);
        Assert.Equal("2023-06-02", metadata.Date);
        Assert.Equal(["Priya Natarajan"], metadata.Authors);
        Assert.Equal("en", metadata.Language);
        Assert.Null(metadata.SiteName);
    }

    [Fact]
    public void Windows1251PageIsDecodedFromItsHttpEquivDeclaration()
    {
        var extraction = ExtractFixture("cp1251-page.html");

        Assert.Equal("В Казани открыли новый мост через Казанку", extraction.Metadata.Title);
        Assert.Equal("Городские новости", extraction.Metadata.SiteName);
        Assert.Equal("ru", extraction.Metadata.Language);
        Assert.Equal("2022-09-05T12:00:00+03:00", extraction.Metadata.Date);
        Assert.StartsWith("В понедельник в Казани", extraction.Text, StringComparison.Ordinal);
        Assert.Contains("займёт", extraction.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void IndexPageIsNotAnArticle()
    {
        var extraction = ExtractFixture("index-page.html");

        Assert.False(extraction.LooksLikeArticle);
        Assert.Equal("The Coastal Courier", extraction.Metadata.SiteName);
    }

    [Fact]
    public void AnIndexPageIsReadAsAListingFlaggedNotAnArticle()
    {
        var result = HtmlArticleReader.Read("index-page.html", "index-page", File.ReadAllBytes(FixturePath("index-page.html")));

        var article = Assert.IsType<IngestedArticle>(result).Article;
        Assert.Equal("listing", article.PageType);
        Assert.Contains(article.Flags, f => f.Reason == "not-an-article");
        Assert.NotEmpty(article.Text);
    }

    [Fact]
    public void ArticlesOnlySkipsTheIndexPageWithOneWarning()
    {
        var warnings = new List<string>();
        var reader = new InputReader(new IngestOptions { ArticlesOnly = true, ReportSkipped = warnings.Add });

        Assert.Empty(reader.ReadFile(FixturePath("index-page.html")).ToList());
        Assert.Single(reader.ReadFile(FixturePath("news-page.html")).OfType<IngestedArticle>());
        var warning = Assert.Single(warnings);
        Assert.Contains("index-page.html", warning, StringComparison.Ordinal);
        Assert.Contains("not an article", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void ReaderFillsTheArticleFromTextAndMetadata()
    {
        var result = HtmlArticleReader.Read("news-page.html", "news-page", File.ReadAllBytes(FixturePath("news-page.html")));

        var article = Assert.IsType<IngestedArticle>(result).Article;
        Assert.Equal("Harbour town opens flood barrier after ten years", article.Title);
        Assert.False(article.DetectTitleInText);
        Assert.Equal("2024-03-14T09:30:00Z", article.Date);
        Assert.Equal(["Mara Jensen", "Tom Okafor"], article.Authors);
        Assert.Equal("https://courier.example/news/2024/03/harbour-barrier", article.Url);
        Assert.Equal("The Coastal Courier", article.SiteName);
        Assert.Equal(9, article.Paragraphs.Count);
        Assert.Equal("A long wait", article.Paragraphs[2]);
        Assert.Contains(new Removal("Harbour town opens flood barrier after ten years", "title"), article.Removed);
        Assert.Contains(new Removal("By Mara Jensen and Tom Okafor", "byline"), article.Removed);
    }

    [Fact]
    public void RemovalsInsideTheArticleAreRecordedWithAReason()
    {
        const string paragraph = "<p>The committee met on Tuesday, and after a long debate, it agreed to publish the full report in May, with annexes.</p>";
        var html = "<html><body><div class=\"story\">" + paragraph + paragraph
                   + "<figure><img src=\"a.jpg\"><figcaption>The committee room on Tuesday.</figcaption></figure>"
                   + "<p><a href=\"/other\">Related: Budget talks stall again</a></p>"
                   + "<div class=\"share-tools\"><a href=\"/fb\">Facebook</a> <a href=\"/x\">X</a></div>"
                   + paragraph + "</div></body></html>";

        // The rules' view (no block model): what the content finder takes out, and why.
        var extraction = new HtmlExtractor().Extract(html).Extraction!;

        Assert.Equal(
            [("The committee room on Tuesday.", "caption"), ("Related: Budget talks stall again", "teaser-link"), ("Facebook X", "share")],
            extraction.Removed);
        Assert.Equal(3, extraction.Text.Split("\n\n").Length);

        // The block model decides on its own; the share bar and the teaser link do not come back.
        var scored = HtmlExtractor.Default.Extract(html).Extraction!;
        Assert.DoesNotContain("Facebook", scored.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Budget talks stall", scored.Text, StringComparison.Ordinal);
        Assert.Contains("committee met on Tuesday", scored.Text, StringComparison.Ordinal);
    }
}
