using Normalize.Core.Ingest;
using Normalize.Tests.Support;

namespace Normalize.Tests.Ingest;

public class InputReaderTests
{
    [Fact]
    public void SeedHeaderIsMetadataNotText()
    {
        var article = InputReader.FromPlainText("a", "a.txt", " date 2023-12-23 Shells arrive in bulk.\r\n\r\nFirst paragraph.\r\nSecond paragraph.\r\n");
        Assert.Equal("2023-12-23", article.Date);
        Assert.Equal("Shells arrive in bulk.", article.HeadlineCandidate);
        Assert.Equal("First paragraph.\n\nSecond paragraph.", article.Text);
    }

    [Theory]
    [InlineData("One.\nTwo.", "One.\n\nTwo.")]
    [InlineData("One.\r\n\r\n\r\nTwo.", "One.\n\nTwo.")]
    [InlineData("  padded line.  \n", "padded line.")]
    [InlineData("A long sentence that the scraper wrapped at a fixed column and\ncontinued on the next line.", "A long sentence that the scraper wrapped at a fixed column and continued on the next line.")]
    [InlineData("Short heading\nthen lower case", "Short heading\n\nthen lower case")]
    public void LayoutMakesOneParagraphPerBlock(string raw, string expected) =>
        Assert.Equal(expected, TextLayout.ToParagraphs(raw));

    [Fact]
    public void DirectoriesAreReadRecursivelyInOrdinalOrder()
    {
        using var dir = new TempDirectory();
        dir.Write("b.txt", "Bravo text.");
        dir.Write("sub/a.txt", "Alpha text.");
        dir.Write("A.txt", "Upper text.");
        dir.Write("ignored.png", "not an article");
        var ids = new InputReader().Read([dir.Path]).OfType<IngestedArticle>().Select(a => a.Article.Id).ToList();
        Assert.Equal(["A", "b", "a"], ids);
    }

    [Fact]
    public void JsonlRecordsCarryTheirFieldsAndBadLinesAreErrorsNamingTheLine()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("batch.jsonl", string.Join('\n',
            """{"id":"r1","title":"Title one","text":"Body one.\n\nBody two.","lang":"de","date":"2024-01-04"}""",
            """{"url":"https://example.org/a","text":"From a url."}""",
            """{"id":"broken", "text": """,
            """{"id":"empty"}""",
            "[1,2]",
            ""));
        var results = new InputReader().Read([path]).ToList();

        var first = Assert.IsType<IngestedArticle>(results[0]).Article;
        Assert.Equal(("r1", "Title one", "de", "2024-01-04"), (first.Id, first.Title, first.Language, first.Date));
        Assert.Equal("Body one.\n\nBody two.", first.Text);
        Assert.False(first.DetectTitleInText);

        var second = Assert.IsType<IngestedArticle>(results[1]).Article;
        Assert.Equal(InputReader.HashId("https://example.org/a"), second.Id);
        Assert.Equal("https://example.org/a", second.Source);

        Assert.StartsWith($"{path}:3: malformed JSON", Assert.IsType<IngestError>(results[2]).ToString());
        Assert.Equal($"{path}:4: record has neither \"text\" nor \"html\"", results[3].ToString());
        Assert.Equal($"{path}:5: a record must be a JSON object, not array", results[4].ToString());
        Assert.Equal(5, results.Count);
    }

    [Fact]
    public void MissingPathIsAnErrorAndTheRestIsRead()
    {
        using var dir = new TempDirectory();
        var good = dir.Write("good.txt", "Some text.");
        var results = new InputReader().Read([dir.File("missing.txt"), good]).ToList();
        Assert.Equal($"{dir.File("missing.txt")}: no such file or directory", results[0].ToString());
        Assert.IsType<IngestedArticle>(results[1]);
    }

    [Fact]
    public void StandardInputIsTextOrJsonl()
    {
        var text = new InputReader(new IngestOptions { OpenStandardInput = () => new MemoryStream("Plain words."u8.ToArray()) })
            .Read(["-"]).Single();
        Assert.Equal("stdin", Assert.IsType<IngestedArticle>(text).Article.Id);

        var jsonl = new InputReader(new IngestOptions { OpenStandardInput = () => new MemoryStream("{\"id\":\"x\",\"text\":\"a.\"}\n{\"id\":\"y\",\"text\":\"b.\"}\n"u8.ToArray()) })
            .Read(["-"]).OfType<IngestedArticle>().Select(a => a.Article.Id);
        Assert.Equal(["x", "y"], jsonl);
    }

    [Fact]
    public void OversizedFileIsRefusedWithItsSize()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("big.txt", new string('a', 3000));
        var result = new InputReader(new IngestOptions { MaxArticleBytes = 1024 }).Read([path]).Single();
        Assert.Contains("over the 1 KB limit", Assert.IsType<IngestError>(result).Reason);
    }
}
