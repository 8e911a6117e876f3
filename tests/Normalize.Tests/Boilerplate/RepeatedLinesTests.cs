using Normalize.Core;
using Normalize.Core.Boilerplate;

namespace Normalize.Tests.Boilerplate;

public class RepeatedLinesTests
{
    private const string Promo = "Follow our live coverage on Telegram";

    private static Article ArticleFrom(string source, params string[] paragraphs) =>
        new($"a{source.GetHashCode():x}", source, string.Join("\n\n", paragraphs));

    [Theory]
    // carrying the line, articles of the site, repeated?
    [InlineData(3, 4, true)]
    [InlineData(2, 4, false)] // fewer than 3 articles
    [InlineData(3, 10, false)] // under half of the site's articles
    [InlineData(5, 10, true)]
    public void ALineIsChromeWhenEnoughOfTheSitesArticlesCarryIt(int carrying, int total, bool repeated)
    {
        var lines = new RepeatedLines(new RepeatedLineSettings());
        for (var i = 0; i < total; i++)
        {
            lines.Add(i < carrying
                ? ArticleFrom($"/in/site/{i}.txt", $"Body {i} of the story.", Promo)
                : ArticleFrom($"/in/site/{i}.txt", $"Body {i} of the story."));
        }

        lines.Freeze();
        Assert.Equal(repeated, lines.IsRepeated("/in/site", "Follow  our live coverage on telegram"));
    }

    [Fact]
    public void SitesAreCountedApartAndLongParagraphsAreNeverChrome()
    {
        var background = string.Join(' ', Enumerable.Repeat("word", 41));
        var lines = new RepeatedLines(new RepeatedLineSettings());
        for (var i = 0; i < 4; i++)
        {
            lines.Add(ArticleFrom($"/in/one/{i}.txt", Promo, background));
            lines.Add(new Article($"b{i}", $"/in/two/{i}.txt", $"Other text {i}.") { Url = $"https://www.example.org/news/{i}" });
        }

        lines.Add(new Article("c", "/in/two/x.txt", Promo) { Url = "https://example.org/x" });
        lines.Freeze();

        Assert.True(lines.IsRepeated("/in/one", Promo));
        Assert.False(lines.IsRepeated("/in/one", background));
        Assert.False(lines.IsRepeated("example.org", Promo));
        Assert.False(lines.IsRepeated("/in/two", Promo));
    }

    [Fact]
    public void ABatchCountedInPartsOnSeveralThreadsFindsTheSameLinesAsOneCount()
    {
        // 3 of 5 articles carry the promo: chrome in one count; no part alone has 3 of them.
        var articles = Enumerable.Range(0, 5)
            .Select(i => i % 2 == 0 ? ArticleFrom($"/in/site/{i}.txt", $"Body {i}.", Promo) : ArticleFrom($"/in/site/{i}.txt", $"Body {i}."))
            .ToList();
        var whole = new RepeatedLines(new RepeatedLineSettings());
        articles.ForEach(whole.Add);
        var merged = new RepeatedLines(new RepeatedLineSettings());
        foreach (var part in articles.Chunk(2))
        {
            var counted = new RepeatedLines(new RepeatedLineSettings());
            Array.ForEach(part, counted.Add);
            merged.Merge(counted);
        }

        whole.Freeze();
        merged.Freeze();
        Assert.True(whole.IsRepeated("/in/site", Promo));
        Assert.True(merged.IsRepeated("/in/site", Promo));
        Assert.Equal(whole.Count, merged.Count);
    }

    [Theory]
    [InlineData("/data/site/a.txt", null, "/data/site")]
    [InlineData("/data/feed.jsonl:12", null, "/data/feed.jsonl")]
    [InlineData("/data/feed.jsonl:12", "https://www.Kyivindependent.com/a", "kyivindependent.com")]
    public void TheSiteIsTheUrlHostElseTheFolderOrFeed(string source, string? url, string site)
    {
        Assert.Equal(site, RepeatedLines.SiteOf(new Article("x", source, "Text.") { Url = url }));
    }
}
