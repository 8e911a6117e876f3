using Normalize.Core.Units;

namespace Normalize.Tests.Units.Dates;

/// <summary>The date grammar (Units/Dates): input → span text and ISO value, under each date style.</summary>
public class DateGrammarTests
{
    // Tuesday 2 April 2024, the date of a news article.
    private static readonly AnnotationContext News = new() { Reference = new DateTime(2024, 4, 2) };

    private static (string? Text, string? Iso, string? Qualifier) First(string text, AnnotationContext context)
    {
        var dates = Annotator.Default.Annotate(text, context).Dates;
        return dates.Count == 0 ? (null, null, null) : (dates[0].Text, dates[0].Iso, dates[0].Qualifier);
    }

    [Theory]
    [InlineData("Talks will resume next week in Geneva.", "next week", "2024-04-08")]
    [InlineData("Prices rose last month.", "last month", "2024-03")]
    [InlineData("Elections are due this year.", "this year", "2024")]
    [InlineData("The town fell 2 weeks ago.", "2 weeks ago", "2024-03-19")]
    [InlineData("It opened two years ago.", "two years ago", "2022")]
    [InlineData("The vote is 3 days from now.", "3 days from now", "2024-04-05")]
    [InlineData("They meet the day after tomorrow.", "the day after tomorrow", "2024-04-04")]
    [InlineData("They meet next Tuesday.", "next Tuesday", "2024-04-09")]
    [InlineData("It ends on the last Friday of March.", "the last Friday of March", "2024-03-29")]
    [InlineData("Q3 2023 results were weak.", "Q3 2023", "2023-07")]
    [InlineData("Fighting eased in early March.", "early March", "2024-03-01/2024-03-10")]
    [InlineData("Troops leave at the end of the year.", "end of the year", "2024-09/2024-12")]
    [InlineData("Music of the 1990s returned.", "1990s", "1990/1999")]
    [InlineData("The fair ran from March 3 to 5.", "from March 3 to 5", "2024-03-03/2024-03-05")]
    [InlineData("The fair ran March 3-5.", "March 3-5", "2024-03-03/2024-03-05")]
    [InlineData("Output grew between 2010 and 2015.", "between 2010 and 2015", "2010/2015")]
    [InlineData("He served from 2001 to 2005.", "from 2001 to 2005", "2001/2005")]
    [InlineData("The 2022-2023 season was long.", "2022-2023", "2022/2023")]
    [InlineData("They arrive tomorrow at 3pm.", "tomorrow at 3pm", "2024-04-03T15:00")]
    [InlineData("It starts March 3 at 15:00.", "March 3 at 15:00", "2024-03-03T15:00")]
    [InlineData("It was signed on the 3rd of March.", "the 3rd of March", "2024-03-03")]
    [InlineData("It was founded in 2019.", "2019", "2019")]
    [InlineData("He was born in August.", "August", "2024-08")]
    [InlineData("The report came out in October.", "October", "2023-10")]
    [InlineData("On 12 May the second wave began.", "12 May", "2024-05-12")]
    [InlineData("Russia launched the attack on Tuesday, officials said.", "Tuesday", "2024-04-02")]
    [InlineData("The first week of March was calm.", "The first week of March", "2024-03-04")]
    [InlineData("Earlier this year, he resigned.", "Earlier this year", "2024-01-01/2024-04-01")]
    [InlineData("Last night the city was shelled.", "Last night", "2024-04-01T20:00/2024-04-01T23:59:59")]
    [InlineData("In March two thousand people marched.", "March", "2024-03")]
    [InlineData("Troops left after mid-November.", "after mid-November", "2023-11-10/..")]
    [InlineData("It was signed on 15 April of 87.", "15 April of 87", "1987-04-15")]
    public void NewsReadings(string text, string span, string iso)
    {
        var (found, value, _) = First(text, News);
        Assert.Equal(span, found);
        Assert.Equal(iso, value);
    }

    [Theory]
    [InlineData("The ceasefire has held since February 2022.", "since February 2022", "2022-02/..", "since")]
    [InlineData("Talks continue until Friday.", "until Friday", "../2024-04-05", "before")]
    [InlineData("No deal is expected before 2026.", "before 2026", "../2026", "before")]
    [InlineData("Sanctions apply to goods shipped after May 1, 2024.", "after May 1, 2024", "2024-05-01/..", "after")]
    public void OpenIntervalsCarryTheirQualifier(string text, string span, string iso, string qualifier)
    {
        Assert.Equal((span, iso, qualifier), First(text, News));
    }

    /// <summary>Ordinary news English that names no date.</summary>
    [Theory]
    [InlineData("Officials said they may decide to march on the capital.")]
    [InlineData("The first units arrived, and one of them said a few more would come.")]
    [InlineData("Now the evening news reports 8 in 10 voters backed the plan.")]
    [InlineData("Jan Novak told the Sun newspaper that version 2.1.3 was released.")]
    [InlineData("Call 555-1234 or +44 20 7946 0958 for details.")]
    [InlineData("COVID-19 cases rose as F-16 jets and Su-34 bombers flew; the G7 met; S-300 systems were moved.")]
    [InlineData("They delivered 2000 pieces of equipment and 1500 soldiers.")]
    [InlineData("It was the first time in 24 years that the team won.")]
    [InlineData("The second round is due, and the end is near.")]
    [InlineData("The score was 9-11 after 24/7 coverage.")]
    [InlineData("A day later, the talks collapsed.")]
    [InlineData("He flew to Mar-a-Lago; May I ask why?")]
    [InlineData("Turnout rose from 12 to 16 percent in the coming months.")]
    [InlineData("At the end of the day, it is up to him.")]
    [InlineData("The talks will last two hours; the truce shouldn't last two days.")]
    [InlineData("Officials said this may take weeks.")]
    [InlineData("Now, the past is the past, he said in a recent interview.")]
    [InlineData("Two people died and the first time one of them spoke was in court.")]
    public void ProseWithoutDatesYieldsNothing(string text)
    {
        Assert.Empty(Annotator.Default.Annotate(text, News).Dates);
    }

    [Theory]
    [InlineData("July 13-15", "2013-07-13/2013-07-16")]
    [InlineData("from 13 to 15 of July", "2013-07-13/2013-07-16")]
    [InlineData("monday", "2013-02-18")]
    [InlineData("in 7 days", "2013-02-19T04:00")]
    [InlineData("last 2 days", "2013-02-10/2013-02-12")]
    [InlineData("next 3 months", "2013-03/2013-06")]
    [InlineData("at the end of April", "2013-04-21/2013-05-01")]
    [InlineData("Aug 8", "2013-08-08")]
    [InlineData("third day of october", "2013-10-03")]
    public void DucklingConventions(string text, string iso)
    {
        var context = new AnnotationContext { Reference = new DateTime(2013, 2, 12, 4, 30, 0) }.WithDateStyle("duckling");
        var (span, value, _) = First(text, context);
        Assert.Equal(text, span);
        Assert.Equal(iso, value);
    }

    [Theory]
    [InlineData("2016-11-07", "I was there in August 2019", "August 2019", "2019-08-01/2019-09-01")]
    [InlineData("2019-01-31", "Do you have any arrangement on next Friday?", "next Friday", "2019-02-08")]
    [InlineData("2016-11-07", "The range is between 2014 and 2018.", "between 2014 and 2018", "2014-01-01/2018-01-01")]
    [InlineData("2019-07-04", "Sales for this quarter", "this quarter", "2019-07-01/2019-10-01")]
    [InlineData("2019-06-11", "2019 H2 will bring challenges", "2019 H2", "2019-07-01/2020-01-01")]
    public void RecognizersTextConventions(string reference, string text, string span, string iso)
    {
        var context = new AnnotationContext { Reference = DateTime.Parse(reference, System.Globalization.CultureInfo.InvariantCulture) }.WithDateStyle("rt");
        var (found, value, _) = First(text, context);
        Assert.Equal(span, found);
        Assert.Equal(iso, value);
    }
}
