using Normalize.Core.Pipeline;
using Normalize.Tests.Support;

namespace Normalize.Tests.Boilerplate;

public class BoilerplateStageTests
{
    private const string Body1 = "The ministry said on Monday that deliveries had resumed after a pause of several weeks.";
    private const string Body2 = "Officials did not say how many shipments were expected before the end of the year.";

    [Theory]
    [InlineData("Skip to content", "navigation")]
    [InlineData("Skip to main content", "navigation")]
    [InlineData("Edit post", "navigation")]
    [InlineData("2 min read", "read-time")]
    [InlineData("Reading time: 4 minutes", "read-time")]
    [InlineData("This audio is created with AI assistance", "audio-notice")]
    [InlineData("Listen to this article", "audio-notice")]
    [InlineData("Share this article", "share")]
    [InlineData("Facebook Twitter Email", "share")]
    [InlineData("Sign up for our daily newsletter to get the latest news", "subscribe")]
    [InlineData("We use cookies to improve your experience. By continuing you accept our policy.", "cookie")]
    [InlineData("Advertisement", "advertisement")]
    [InlineData("© 2024 Example Media. All rights reserved.", "copyright")]
    [InlineData("Home page politics", "breadcrumb")]
    [InlineData("Home > World > Europe", "breadcrumb")]
    [InlineData("Startseite Politik Ausland", "breadcrumb")]
    [InlineData("April 2, 2024 5:28 AM", "dateline")]
    [InlineData("Published: 13:45, 04.01.2024", "dateline")]
    [InlineData("By Anna Kowalczyk and Piet de Vries", "byline")]
    [InlineData("Jane Doe contributed reporting.", "credit")]
    [InlineData("Not all news on the site expresses the point of view of the site, but we transmit this news automatically and translate it through programmatic technology on the site and not from a human editor.", "aggregator-disclaimer")]
    public void ChromeParagraphsAreRemovedWithTheirReason(string chrome, string reason)
    {
        var article = Articles.Clean($"{Body1}\n\n{chrome}\n\n{Body2}", StageNames.Boilerplate);
        Assert.Equal($"{Body1}\n\n{Body2}", article.Text);
        Assert.Contains(article.Removed, r => r.Text == chrome && r.Reason == reason);
    }

    [Theory]
    [InlineData("Home is where the army stopped its advance last winter, residents said.")]
    [InlineData("Share prices of defence companies rose by 4% on Tuesday.")]
    [InlineData("Related talks are expected to resume in Geneva next week.")]
    [InlineData("Most popular among the proposals was a joint purchase of shells.")]
    [InlineData("By the end of the year, the plant aims to produce 100,000 shells a month.")]
    [InlineData("Advertisement boards in Moscow carry recruitment posters.")]
    [InlineData("Berlin called on Moscow to end the violations. The Russian side denies them (dpa/AFP)")]
    [InlineData("He met the minister. It was short (30 minutes)")]
    public void ProseThatStartsLikeChromeIsKept(string sentence)
    {
        var article = Articles.Clean($"{Body1}\n\n{sentence}\n\n{Body2}", StageNames.Boilerplate);
        Assert.Equal($"{Body1}\n\n{sentence}\n\n{Body2}", article.Text);
        Assert.Empty(article.Removed);
    }

    /// <summary>The fuzz run's page with a paragraph of one NUL: once stripped it was empty, and the related-headline check read its last character.</summary>
    [Fact]
    public void AParagraphOfControlCharactersOnlyGoesAndTheArticleIsCleaned()
    {
        var article = Articles.Clean($"Skip to content\n\n\u0000\n\n{Body1}\n\n\u0007 \u001b\n\n{Body2}", StageNames.Boilerplate);
        Assert.Equal($"{Body1}\n\n{Body2}", article.Text);
    }

    [Fact]
    public void AnEmptyParagraphIsNoHeadline()
    {
        var article = DefaultPipeline.Create(new PipelineOptions { OnlyStages = [StageNames.Boilerplate] })
            .Process(new Normalize.Core.Article("t", "t.txt", $"{Body1}\n\n\n\n{Body2}"));
        Assert.Contains(Body2, article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HeadChromeGivesTitleAndDate()
    {
        var article = Articles.Clean($"Edit post\nPentagon: shipments continue\nApril 2, 2024 5:28 AM\n2 min read\n{Body1}\n{Body2}", StageNames.Boilerplate);
        Assert.Equal("Pentagon: shipments continue", article.Title);
        Assert.Equal("2024-04-02T05:28:00", article.Date);
        Assert.Equal($"{Body1}\n\n{Body2}", article.Text);
    }

    [Fact]
    public void HeaderHeadlineIsTheTitleUnlessItIsABreadcrumb()
    {
        Assert.Equal("Shells arrive.", Articles.Clean($" date 2024-01-01 Shells arrive.\n\n{Body1}", StageNames.Boilerplate).Title);
        var breadcrumb = Articles.Clean($" date 2024-03-18 Home page politics\n\n{Body1}", StageNames.Boilerplate);
        Assert.Null(breadcrumb.Title);
        Assert.Contains(breadcrumb.Removed, r => r is { Text: "Home page politics", Reason: "breadcrumb" });
    }

    [Fact]
    public void AFirstParagraphEndingWithAPeriodIsTheLeadNotTheTitle()
    {
        var article = Articles.Clean($"Russia received many shells. But the country also sends fuel.\n\n{Body1}", StageNames.Boilerplate);
        Assert.Null(article.Title);
        Assert.StartsWith("Russia received", article.Text);
    }

    [Fact]
    public void MarkerLedTailOfHeadlinesIsRemoved()
    {
        var article = Articles.Clean($"{Body1}\n{Body2}\n\nMost popular\nEditors' Picks\n\nTaurus missiles — what can Europe hope for\n\nExplainer: Did aid really cost $350 billion?\n\nIn talks, a familiar playbook", StageNames.Boilerplate);
        Assert.Equal($"{Body1}\n\n{Body2}", article.Text);
        Assert.Equal(5, article.Removed.Count(r => r.Reason == "related-list"));
    }

    [Fact]
    public void AMarkerFollowedByProseIsNotATail()
    {
        // The prose after the marker stays; the bare marker line itself is the line scorer's call.
        var article = Articles.Clean($"{Body1}\n\nRelated\n\n{Body2}", StageNames.Boilerplate);
        Assert.EndsWith(Body2, article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(article.Removed, r => r.Reason == "related-list");
    }

    [Fact]
    public void HeadlineOfAnotherArticleBetweenParagraphsIsRemovedButSubheadingsStay()
    {
        var text = $"{Body1}\n\nAllies have new dynamics. And it's bad for Kyiv\n\n{Body2}\n\nThe plant receives 9,000 containers\n\n{Body1}\n\nWhat is the monitoring team?\n\n{Body2}\n\nRead also: Shell plan falls behind\n\n{Body1}";
        var article = Articles.Clean(text, StageNames.Boilerplate);
        Assert.Equal($"{Body1}\n\n{Body2}\n\nThe plant receives 9,000 containers\n\n{Body1}\n\nWhat is the monitoring team?\n\n{Body2}\n\n{Body1}", article.Text);
        Assert.Equal(2, article.Removed.Count(r => r.Reason == "related-headline"));
        Assert.Equal([2, 4], article.HeadingParagraphs);
    }

    [Theory]
    [InlineData("Fetch introduces new interfaces. These are Headers, Request and")]
    [InlineData("Pos.   Driver   Points   Wins   Poles")]
    [InlineData("I love that they kept it. Don't worry, nobody will take it https://t.co/abc123")]
    public void TwoSentenceLinesThatAreProseTablesOrPostsAreKept(string line)
    {
        var text = $"{Body1}\n\n{line}\n\n{Body2}";
        var article = Articles.Clean(text, StageNames.Boilerplate);
        Assert.Contains(line, article.Text);
        Assert.DoesNotContain(article.Removed, r => r.Reason == "related-headline");
    }

    [Fact]
    public void AgencyCreditAtTheEndIsMetadata()
    {
        var article = Articles.Clean($"{Body1}\n\n{Body2} (erpe/AFP)", StageNames.Boilerplate);
        Assert.Equal($"{Body1}\n\n{Body2}", article.Text);
        Assert.Equal(["erpe/AFP"], article.Credits);
        Assert.Contains(article.Removed, r => r is { Text: "(erpe/AFP)", Reason: "agency-credit" });
    }

    [Fact]
    public void ParenthesesThatAreNotAnAgencyStay()
    {
        var text = $"{Body1}\n\n{Body2} (see chart)";
        Assert.Equal(text, Articles.Clean(text, StageNames.Boilerplate).Text);
    }

    [Fact]
    public void RemovingTwiceChangesNothing()
    {
        var first = Articles.Clean($"Skip to content\nHeadline here\n\n{Body1}\n\nMost popular\n\nOther headline one\n\nOther headline two", StageNames.Boilerplate);
        var again = Articles.FromText(first.Text);
        again.Title = first.Title;
        again.DetectTitleInText = false;
        DefaultPipeline.Create(new PipelineOptions { OnlyStages = [StageNames.Boilerplate] }).Process(again);
        Assert.Equal(first.Text, again.Text);
        Assert.Empty(again.Removed);
    }
}
