using System.Text;
using Normalize.Core.Corpus;

namespace Normalize.Tests.Corpus;

public class ArticleFileNamesTests
{
    [Fact]
    public void ASafeShortIdIsItsOwnFileName()
    {
        Assert.Equal("reuters-2024-001.txt", ArticleFileNames.For("reuters-2024-001"));
        Assert.Equal("Ukraïne nieuws.txt", ArticleFileNames.For("Ukraïne nieuws"));
    }

    [Theory]
    [InlineData("x/y", "x_y")]
    [InlineData(".hidden", "hidden")]
    [InlineData("..", "../")]
    [InlineData("a\\b", "a_b")]
    [InlineData("tab\tid", "tab_id")]
    [InlineData("a~b", "a_b")]
    public void IdsThatSanitiseAlikeGetDifferentFileNames(string first, string second)
    {
        Assert.NotEqual(ArticleFileNames.For(first), ArticleFileNames.For(second));
    }

    [Fact]
    public void LongIdsSharingAPrefixGetDifferentNamesWithinTheByteLimit()
    {
        var prefix = new string('a', 150);
        var first = ArticleFileNames.For(prefix + "-one");
        var second = ArticleFileNames.For(prefix + "-two");
        Assert.NotEqual(first, second);
        Assert.True(Encoding.UTF8.GetByteCount(first) <= 255 - 20);
    }

    [Fact]
    public void NonAsciiIdsAreCutByBytesNotCharacters()
    {
        var id = string.Concat(Enumerable.Repeat("über€😀", 60));
        var name = ArticleFileNames.For(id);
        Assert.True(Encoding.UTF8.GetByteCount(name) <= ArticleFileNames.MaxStemBytes + ArticleFileNames.Extension.Length);
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(name)));
        Assert.StartsWith("über€😀", name);
    }

    [Fact]
    public void FileNamesNeverHideOrLeaveTheFolder()
    {
        foreach (var id in new[] { "..", "../", ".", "/etc/passwd", ".hidden", "a/../../b" })
        {
            var name = ArticleFileNames.For(id);
            Assert.False(name.StartsWith('.'), name);
            Assert.DoesNotContain('/', name);
        }
    }
}
