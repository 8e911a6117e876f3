using Normalize.Tests.Support;

namespace Normalize.Tests.EndToEnd;

/// <summary>Pathological runs (the fuzz runner's giant tokens, dots and spaces): cleaned, and the article kept.</summary>
public class FuzzTests
{
    [Theory]
    [InlineData("dots")]
    [InlineData("spaces")]
    [InlineData("word")]
    public void LongRunsAreCleanedAndKept(string kind)
    {
        var run = kind switch
        {
            "dots" => new string('.', 200_000),
            "spaces" => "a" + new string(' ', 200_000) + "b",
            _ => "US sanct" + string.Concat(Enumerable.Repeat("kmkm", 110_000)),
        };
        var article = Articles.Clean($"The army said drones arrived. {run} The end (dpa)");
        Assert.Contains("The army said drones arrived.", article.Text);
        Assert.Contains("The end", article.Text);
    }
}
