using System.Text;
using Normalize.Core.Ingest.Html;

namespace Normalize.Tests.Ingest.Html;

public class HtmlMetadataTests
{
    private const string Body = "<body><article><p>The committee met on Tuesday, and after a long debate, it agreed to publish the full report in May, with all of its annexes.</p></article></body>";

    private static HtmlMetadata MetadataOf(string head, string? url = null, string htmlAttributes = "") =>
        HtmlExtractor.Default.Extract($"<html{htmlAttributes}><head>{head}</head>{Body}</html>", url).Extraction!.Metadata;

    [Theory]
    [InlineData("<title>Budget report delayed again | Daily Planet</title><meta property=\"og:site_name\" content=\"Daily Planet\">", "Budget report delayed again")]
    [InlineData("<title>Daily Planet - Budget report delayed again</title><meta property=\"og:site_name\" content=\"Daily Planet\">", "Budget report delayed again")]
    [InlineData("<title>Budget report delayed again for the third time – Planet</title>", "Budget report delayed again for the third time")]
    [InlineData("<title>Budget: what it means</title>", "Budget: what it means")]
    [InlineData("<meta property=\"og:title\" content=\"From Open Graph\"><title>From the title element</title>", "From Open Graph")]
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"From JSON-LD\"}</script><title>Other</title>", "From JSON-LD")]
    public void TitleWithoutTheSiteName(string head, string expected)
    {
        Assert.Equal(expected, MetadataOf(head).Title);
    }

    [Theory]
    [InlineData("<meta property=\"article:published_time\" content=\"2021-04-05T10:20:30+02:00\">", null, "2021-04-05T10:20:30+02:00")]
    [InlineData("<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebSite\"},{\"@type\":\"Article\",\"datePublished\":\"2020-01-31\"}]}</script>", null, "2020-01-31")]
    [InlineData("<link rel=\"canonical\" href=\"https://news.example/2019/07/21/moon-landing-anniversary/\">", null, "2019-07-21")]
    [InlineData("", "https://news.example/world/2018-11-03/elections.html", "2018-11-03")]
    [InlineData("<meta name=\"date\" content=\"not a date\">", null, null)]
    public void DateFromMetaJsonLdOrUrl(string head, string? url, string? expected)
    {
        Assert.Equal(expected, MetadataOf(head, url).Date);
    }

    [Theory]
    [InlineData("<meta name=\"author\" content=\"By Ann Lee and Bo Chen\">", new[] { "Ann Lee", "Bo Chen" })]
    [InlineData("<meta property=\"article:author\" content=\"https://facebook.example/someone\">", new string[0])]
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"author\":{\"@type\":\"Person\",\"name\":\"Ines Duarte\"}}</script>", new[] { "Ines Duarte" })]
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\": [broken json</script>", new string[0])]
    public void Authors(string head, string[] expected)
    {
        Assert.Equal(expected, MetadataOf(head).Authors);
    }

    private const string Story =
        "<p>The committee met on Tuesday, and after a long debate, it agreed to publish the full report in May, with all of its annexes.</p>" +
        "<p>Its chair said the delay had cost the council more than it saved, and that the next report would come out on time.</p>";

    private static HtmlMetadata MetadataOfPage(string head, string body, string? url = null, DateTimeOffset? now = null) =>
        new HtmlExtractor(budget: new HtmlBudget { Clock = new FixedClock(now ?? new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero)) }, blockModel: Normalize.Core.Learning.BlockModels.Html)
            .Extract($"<html><head>{head}</head><body>{body}</body></html>", url).Extraction!.Metadata;

    [Fact]
    public void TheVisibleHeadlineWinsOverTheSearchEngineTitle()
    {
        var metadata = MetadataOfPage(
            "<title>Council report: 5 things to know in 2025 | Daily Planet</title><meta property=\"og:title\" content=\"Council report: 5 things to know\">",
            $"<header><h1 class=\"logo\">Daily Planet</h1></header><article><h1>Council agrees to publish the delayed report</h1>{Story}</article>");

        Assert.Equal("Council agrees to publish the delayed report", metadata.Title);
    }

    [Fact]
    public void AnH1ThatSaysSomethingElseEntirelyIsNotTheHeadline()
    {
        var metadata = MetadataOfPage(
            "<title>Council agrees to publish the delayed report | Daily Planet</title>",
            $"<div class=\"popup\"><h1>Subscribe to our weekly newsletter</h1></div><article>{Story}</article>");

        Assert.Equal("Council agrees to publish the delayed report", metadata.Title);
    }

    [Fact]
    public void TheSiteNameComesOffAnH1ThatCopiesTheTitle()
    {
        var metadata = MetadataOfPage(
            "<title>Council agrees to publish the delayed report | News | Daily Planet</title><meta property=\"og:site_name\" content=\"Daily Planet\">",
            $"<article><h1>Council agrees to publish the delayed report | News | Daily Planet</h1>{Story}</article>");

        Assert.Equal("Council agrees to publish the delayed report", metadata.Title);
    }

    [Fact]
    public void TheDateShownUnderTheHeadlineWinsOverAnotherStructuredDate()
    {
        var metadata = MetadataOfPage(
            "<meta property=\"article:published_time\" content=\"2024-02-01T08:00:00Z\">",
            $"<article><h1>Council agrees to publish the delayed report</h1><p class=\"meta\">March 3, 2024</p>{Story}</article>");

        Assert.Equal("2024-03-03", metadata.Date);
    }

    [Fact]
    public void PublishedIsPreferredWhenTheShownDateIsTheModifiedOne()
    {
        var metadata = MetadataOfPage(
            "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"datePublished\":\"2021-08-12T19:35:44Z\",\"dateModified\":\"2025-02-22T22:13:14Z\"}</script>",
            $"<article><h1>Council agrees to publish the delayed report</h1><p>Updated <time datetime=\"2025-02-22\">February 22, 2025</time></p>{Story}</article>");

        Assert.Equal("2021-08-12T19:35:44Z", metadata.Date);
    }

    [Fact]
    public void TheShownDateTakesTheTimeOfTheStructuredDateOfThatDay()
    {
        var metadata = MetadataOfPage(
            "<meta property=\"article:published_time\" content=\"2024-03-03T09:30:00+01:00\">",
            $"<article><h1>Council agrees to publish the delayed report</h1><p>3 March 2024</p>{Story}</article>");

        Assert.Equal("2024-03-03T09:30:00+01:00", metadata.Date);
    }

    [Theory]
    [InlineData("<time datetime=\"May 28\">May 28</time>")] // no year: not this year's May 28
    [InlineData("<time datetime=\"02-12-2025\">02-12-2025</time>")] // December 2 or February 12
    [InlineData("<p>March 3, 2031</p>")] // later than the clock
    public void ADateWithoutItsYearAmbiguousOrInTheFutureIsNotTaken(string shown)
    {
        var metadata = MetadataOfPage(
            "<meta property=\"article:published_time\" content=\"2024-02-01\">",
            $"<article><h1>Council agrees to publish the delayed report</h1>{shown}{Story}</article>");

        Assert.Equal("2024-02-01", metadata.Date);
    }

    [Fact]
    public void AFutureStructuredDateIsNotThePublicationDate()
    {
        var metadata = MetadataOfPage("<meta property=\"article:published_time\" content=\"2027-05-01\">", $"<article>{Story}</article>");

        Assert.Null(metadata.Date);
    }

    [Fact]
    public void TheBylineShownUnderTheHeadlineGivesTheAuthorsWithoutLabelDateOrRole()
    {
        var metadata = MetadataOfPage(
            "<meta name=\"author\" content=\"dp-editor-7\">",
            "<article><h1>Council agrees to publish the delayed report</h1>" +
            "<div class=\"byline\"><span>By</span> <a href=\"/author/ann-lee\">Ann Lee</a> and <a href=\"/author/bo-chen\">Bo Chen</a>" +
            $"<span> • March 3, 2024</span></div><a href=\"/author/cy-park\">Reviewed by Cy Park</a>{Story}</article>");

        Assert.Equal(["Ann Lee", "Bo Chen"], metadata.Authors);
    }

    [Fact]
    public void AnAuthorBoxGivesItsNameNotTheRoleOrBio()
    {
        var metadata = MetadataOfPage(
            "",
            "<article><h1>Council agrees to publish the delayed report</h1>" +
            "<div class=\"author-box\"><img class=\"author-avatar\" src=\"a.jpg\"><p class=\"author-name\">Harry Rabin</p><p class=\"author-job\">Tech Reporter</p></div>" +
            $"{Story}</article>");

        Assert.Equal(["Harry Rabin"], metadata.Authors);
    }

    [Fact]
    public void ADegreeAfterANameStaysWithTheName()
    {
        var metadata = MetadataOfPage("<meta name=\"author\" content=\"Genevieve Carlton, Ph.D., and Shelby Loos, DVM\">", $"<article>{Story}</article>");

        Assert.Equal(["Genevieve Carlton, Ph.D.", "Shelby Loos, DVM"], metadata.Authors);
    }

    [Fact]
    public void ASocialProfileLinkIsNotAByline()
    {
        var metadata = MetadataOfPage(
            "<meta name=\"author\" content=\"Ann Lee\">",
            $"<article><h1>Council agrees to publish the delayed report</h1><a href=\"https://social.example/profile/dailyplanet\">Bluesky</a>{Story}</article>",
            url: "https://planet.example/news/report");

        Assert.Equal(["Ann Lee"], metadata.Authors);
    }

    [Fact]
    public void JsonLdAuthorsReferencedByIdAreResolved()
    {
        var metadata = MetadataOfPage(
            "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"Article\",\"author\":{\"@id\":\"https://planet.example/#/person/1\"}}," +
            "{\"@type\":\"Person\",\"@id\":\"https://planet.example/#/person/1\",\"name\":\"Ines Duarte\"}]}</script>",
            $"<article>{Story}</article>");

        Assert.Equal(["Ines Duarte"], metadata.Authors);
    }

    [Fact]
    public void AnOrganisationIsTheAuthorOnlyWhenThePageNamesNoPerson()
    {
        var withPerson = MetadataOfPage(
            "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":{\"@type\":\"Organization\",\"name\":\"Planet Media\"}}</script>" +
            "<meta name=\"twitter:label1\" content=\"Written by\"><meta name=\"twitter:data1\" content=\"Albert Swann\">",
            $"<article>{Story}</article>");
        var withoutPerson = MetadataOfPage(
            "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":{\"@type\":\"Organization\",\"name\":\"Planet Media\"}}</script>",
            $"<article>{Story}</article>");

        Assert.Equal(["Albert Swann"], withPerson.Authors);
        Assert.Equal(["Planet Media"], withoutPerson.Authors);
    }

    [Theory]
    [InlineData(" lang=\"pt-BR\"", "", "pt")]
    [InlineData("", "<meta property=\"og:locale\" content=\"de_DE\">", "de")]
    [InlineData("", "", null)]
    public void Language(string htmlAttributes, string head, string? expected)
    {
        Assert.Equal(expected, MetadataOf(head, htmlAttributes: htmlAttributes).Language);
    }

    [Fact]
    public void BylineInTheBodyGivesTheAuthorWhenMetadataHasNone()
    {
        var html = "<html><body><article><p class=\"byline\">By Sam Rivers</p>" + Body[6..^7] + "</article></body></html>";

        var extraction = HtmlExtractor.Default.Extract(html).Extraction!;

        Assert.Equal(["Sam Rivers"], extraction.Metadata.Authors);
        Assert.DoesNotContain("Sam Rivers", extraction.Text, StringComparison.Ordinal);
    }
}

/// <summary>A clock that says the same time whenever it is asked.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

public class HtmlDecodingTests
{
    [Theory]
    [InlineData("<meta charset=\"windows-1251\">", "windows-1251")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=KOI8-R\">", "koi8-r")]
    [InlineData("<meta charset=iso-8859-1>", "windows-1252")]
    [InlineData("<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?>", "iso-8859-2")]
    [InlineData("<meta charset=\"no-such-charset\">", null)]
    [InlineData("<p>no declaration</p>", null)]
    public void DeclaredEncoding(string head, string? expected)
    {
        Assert.Equal(expected, HtmlDecoding.DeclaredEncoding(Encoding.ASCII.GetBytes(head))?.WebName);
    }

    [Fact]
    public void Windows1251BytesAreReadWithTheDeclaredEncoding()
    {
        var encoding = CodePages1251();
        var bytes = encoding.GetBytes("<html><head><meta charset=\"windows-1251\"></head><body><p>Привет, мир</p></body></html>");

        Assert.Contains("Привет, мир", HtmlDecoding.Decode(bytes).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8BytesWinOverAStaleDeclaration()
    {
        var bytes = Encoding.UTF8.GetBytes("<html><head><meta charset=\"gb2312\"></head><body><p>谷歌在2014年收购的公司</p></body></html>");

        Assert.Contains("谷歌在2014年收购的公司", HtmlDecoding.Decode(bytes).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ByteOrderMarkWins()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<meta charset=\"windows-1251\"><p>Zürich</p>")).ToArray();

        Assert.Contains("Zürich", HtmlDecoding.Decode(bytes).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EntitiesAreDecoded()
    {
        var html = "<html><body><article><p>Caf&eacute; prices rose 5&nbsp;% &ndash; &#8220;too much&#x201D;, said the owner of the caf&#233; on the corner of the square.</p></article></body></html>";

        var text = Normalize.Core.Ingest.Html.HtmlExtractor.Default.Extract(html).Extraction!.Text;

        Assert.Equal("Café prices rose 5 % – “too much”, said the owner of the café on the corner of the square.", text);
    }

    private static Encoding CodePages1251()
    {
        _ = Normalize.Core.Ingest.TextDecoder.Windows1252;
        return Encoding.GetEncoding(1251);
    }
}
