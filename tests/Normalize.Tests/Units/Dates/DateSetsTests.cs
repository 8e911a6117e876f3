using Normalize.Core.Units;
using Normalize.Core.Units.Dates;

namespace Normalize.Tests.Units.Dates;

public class DateSetsTests
{
    private static readonly AnnotationContext Context = new() { Reference = new DateTime(2016, 11, 7) };

    private static string Sets(string text) =>
        string.Join(" | ", Annotator.Default.Annotate(text, Context).Dates.Where(d => d.Grain == "set").Select(d => $"{d.Text}={d.Iso}"));

    [Theory]
    [InlineData("I'll leave every week", "every week=P1W")]
    [InlineData("Let's meet weekly", "weekly=P1W")]
    [InlineData("I'll leave each monday", "each monday=XXXX-WXX-1")]
    [InlineData("I'll leave early every other day", "every other day=P2D")]
    [InlineData("Mumbai has seen the highest number of daily infections", "daily=P1D")]
    [InlineData("I'll leave annually", "annually=P1Y")]
    [InlineData("Trains run every 2 hours", "every 2 hours=PT2H")]
    [InlineData("we will run every morning", "every morning=TMO")]
    [InlineData("I'll leave each monday at 4pm", "each monday at 4pm=XXXX-WXX-1T16")]
    [InlineData("I'll leave every evening at 7:13 p.m.", "every evening at 7:13 p.m.=T19:13")]
    [InlineData("I'll leave 6am everyday", "6am everyday=T06")]
    [InlineData("Let's meet once a week", "once a week=P1W")]
    [InlineData("They publish a report twice per year.", "twice per year=P1Y")]
    [InlineData("I'll be out tuesday afternoons", "tuesday afternoons=XXXX-WXX-2TAF")]
    [InlineData("dinner with mom all weekends.", "all weekends=P1WE")]
    [InlineData("I'll be out mornings", "mornings=TMO")]
    [InlineData("The market is closed on Mondays and busy at weekends.", "Mondays=XXXX-WXX-1 | weekends=P1WE")]
    [InlineData("Every other Friday", "Every other Friday=XXXX-WXX-5")]
    public void Recurrences(string text, string expected)
    {
        Assert.Equal(expected, Sets(text));
    }

    /// <summary>News prose that names no recurrence.</summary>
    [Theory]
    [InlineData("The Daily Mail and the Weekly Standard reported it.")]
    [InlineData("The course will last three weekends.")]
    [InlineData("Every one of them voted; each of the 27 states agreed.")]
    [InlineData("Every second counts, said the second minister.")]
    [InlineData("Firefox 39 (currently Nightly) and the CityLab Daily newsletter.")]
    [InlineData("He spent his days and nights at home; on one of those nights it rained.")]
    [InlineData("It was thus. The Lakers beat Suns.")]
    public void ProseYieldsNoSet(string text)
    {
        Assert.Equal("", Sets(text));
    }

    [Fact]
    public void ApiGivesTheTimex()
    {
        Assert.True(DateSets.TryMatch("every two weekends", 0, out var set));
        Assert.Equal(new SetExpression(0, 18, "P2WE"), set);
    }
}
