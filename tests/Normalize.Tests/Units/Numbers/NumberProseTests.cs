using Normalize.Core.Units;

namespace Normalize.Tests.Units.Numbers;

/// <summary>
/// Numbers on ordinary news prose: each sentence must yield exactly the listed number, ordinal,
/// percent and number_range spans ("text=value", "" for none), nothing else.
/// </summary>
public class NumberProseTests
{
    private static readonly AnnotationContext NewsArticle = new() { Reference = new DateTime(2024, 4, 2) };
    private static readonly HashSet<string> NumberFamilies = ["number", "ordinal", "percent", "number_range"];

    [Theory]
    [InlineData("One of them was arrested at the border.", "")]
    [InlineData("He said one of the suspects had fled.", "")]
    [InlineData("The two leaders blamed one another for the collapse.", "two=2")]
    [InlineData("A few soldiers and a couple of medics stayed behind.", "")]
    [InlineData("Which one of the plans will pass is unclear.", "")]
    [InlineData("The hotline is open 24/7 for families.", "")]
    [InlineData("Memories of the 9/11 attacks shaped the debate.", "")]
    [InlineData("Ukraine received F-16 jets and Su-34 bombers were shot down.", "")]
    [InlineData("Russia moved S-300 missiles near the G7 summit venue.", "")]
    [InlineData("COVID-19 cases rose again in the region.", "")]
    [InlineData("Call the embassy on +44-20-7946-0958 for help.", "")]
    [InlineData("The app was updated to version 2.3.1 on Monday.", "")]
    [InlineData("The server at 192.168.1.2 went down.", "")]
    [InlineData("Germany has a third system promised.", "third=3")]
    [InlineData("Putin won a fifth term in March.", "fifth=5")]
    [InlineData("Almost two thirds of the voters backed the plan.", "two thirds=0.6666666666666666666666666667")]
    [InlineData("Some 8 in 10 voters back the deal.", "8=8|10=10")]
    [InlineData("Turnout was 61.5 percent, up from 58 per cent.", "61.5 percent=61.5|58 per cent=58")]
    [InlineData("More than 1,500 people were evacuated.", "More than 1,500=|1,500=1500")]
    [InlineData("The next meeting is in the last week of the month.", "")]
    [InlineData("The current government took office last year.", "")]
    [InlineData("Wait a second, he said, and then a second blast hit.", "second=2")]
    [InlineData("Several dozen protesters gathered; half a dozen were held.", "half a dozen=6")]
    [InlineData("It was a one-off event in a two-faced campaign.", "")]
    [InlineData("They won 3-1 at home; the vote was 52-48 in the 2022-23 season.", "")]
    [InlineData("It happened an hour and a half later.", "")]
    [InlineData("He has a half-brother in Kyiv.", "")]
    [InlineData("They are one and the same.", "")]
    [InlineData("The first one failed, the third one worked.", "first=1|third=3")]
    [InlineData("Alarm fatigue is common [1], studies say [12].", "")]
    [InlineData("It feels like the Xbox One controller; Air Force One landed.", "")]
    [InlineData("One official said the design is due in the first half of next year.", "One=1|first=1")]
    [InlineData("A quarter of the budget and three-quarters of the staff.", "A quarter=0.25|three-quarters=0.75")]
    [InlineData("The 1980s and 1990s were different; 5G and 3D are new.", "")]
    public void SentenceYieldsExactlyTheseNumbers(string sentence, string expected)
    {
        var found = Annotator.Default.Annotate(sentence, NewsArticle).Quantities
            .Where(q => NumberFamilies.Contains(q.Family ?? ""))
            .Select(q => $"{q.Text}={q.Value}");
        var wanted = expected.Length == 0 ? [] : expected.Split('|');
        Assert.Equal(wanted, found);
    }
}
