using System.Text.RegularExpressions;
using Normalize.Core.Text;

namespace Normalize.Tests.Text;

public class WarmingRegexTests
{
    [Fact]
    public void AfterEnoughUsesTheCompiledFormTakesOverAndMatchesAlike()
    {
        var regex = new WarmingRegex(new Regex("^(?:share on facebook|read more|sign up for our newsletter)$", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(2)));
        Assert.False(regex.IsCompiled);
        Assert.Matches(regex.Current, "Share on Facebook");

        for (var i = 0; i < WarmingRegex.UsesBeforeCompiling; i++)
        {
            _ = regex.Current;
        }

        // The compile runs on a pool thread; wait for it (a safety limit, not a measure).
        SpinWait.SpinUntil(() => regex.IsCompiled, TimeSpan.FromSeconds(60));
        Assert.True(regex.IsCompiled);
        Assert.Matches(regex.Current, "READ MORE");
        Assert.DoesNotMatch(regex.Current, "Read more about the strike on Monday");
        Assert.Equal(TimeSpan.FromSeconds(2), regex.Current.MatchTimeout);
    }
}
