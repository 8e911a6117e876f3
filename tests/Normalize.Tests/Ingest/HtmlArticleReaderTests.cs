using System.Text;
using Normalize.Core.Ingest;

namespace Normalize.Tests.Ingest;

public class HtmlArticleReaderTests
{
    [Fact]
    public void TitleDateAndMainTextWithoutChrome()
    {
        const string html = """
            <html lang="en-GB"><head><title>Shells shipped | The Site</title>
            <meta property="og:title" content="Shells shipped">
            <meta property="article:published_time" content="2024-09-12T08:30:00Z"></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Shells shipped</h1><p>First paragraph of the story.</p><p>Second &amp; last.</p>
            <script>var tracking = 1;</script><aside>Related: other story</aside></article>
            <footer>© 2024 The Site</footer></body></html>
            """;
        var result = HtmlArticleReader.Read("page.html", "page", Encoding.UTF8.GetBytes(html));
        var article = Assert.IsType<IngestedArticle>(result).Article;
        Assert.Equal("Shells shipped", article.Title);
        Assert.Equal("2024-09-12T08:30:00Z", article.Date);
        Assert.Equal("en", article.Language);
        Assert.Equal("First paragraph of the story.\n\nSecond & last.", article.Text);
    }

    [Fact]
    public void PageWithoutVisibleTextIsAnError()
    {
        var result = HtmlArticleReader.Read("empty.html", "empty", "<html><body><script>x()</script></body></html>"u8.ToArray());
        Assert.Equal("empty.html: no visible text in the page", result.ToString());
    }
}
