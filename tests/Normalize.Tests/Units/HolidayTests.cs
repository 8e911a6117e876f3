using Normalize.Core.Units;
using Normalize.Core.Units.Holidays;

namespace Normalize.Tests.Units;

public class HolidayTests
{
    private static readonly HolidayCalendar Calendar = new(HolidayTable.Embedded);

    /// <summary>A reference date and the date conventions of a style: news (default), duckling, recognizers-text.</summary>
    private static AnnotationContext At(string reference, string style = "news") =>
        new AnnotationContext { Reference = AnnotationContext.ParseReference(reference) }.WithDateStyle(style);

    private static (string Text, string Iso)? First(string text, AnnotationContext context)
    {
        var dates = Annotator.Default.Annotate(text, context).Dates;
        return dates.Count > 0 ? (dates[0].Text, dates[0].Iso) : null;
    }

    private static string DaysOf(string name, int year)
    {
        var holiday = HolidayTable.Embedded.Holidays.Single(h => h.Name == name);
        var days = Calendar.In(holiday, year)[0];
        return days.Days == 1 ? $"{days.First:yyyy-MM-dd}" : $"{days.First:yyyy-MM-dd}+{days.Days}";
    }

    [Theory]
    [InlineData("Christmas", 2024, "2024-12-25")]
    [InlineData("Thanksgiving Day", 2024, "2024-11-28")]
    [InlineData("Black Friday", 2024, "2024-11-29")]
    [InlineData("Memorial Day", 2024, "2024-05-27")]
    [InlineData("Martin Luther King's Day", 2025, "2025-01-20")]
    [InlineData("Easter Sunday", 2024, "2024-03-31")]
    [InlineData("Easter Sunday", 2025, "2025-04-20")]
    [InlineData("Good Friday", 2024, "2024-03-29")]
    [InlineData("Orthodox Easter", 2024, "2024-05-05")]
    [InlineData("Orthodox Easter", 2025, "2025-04-20")]
    [InlineData("Rosh Hashanah", 2024, "2024-10-03+2")]
    [InlineData("Yom Kippur", 2023, "2023-09-25")]
    [InlineData("Passover", 2024, "2024-04-23+8")]
    [InlineData("Purim", 2024, "2024-03-24")] // a leap year: Purim is in Adar II
    [InlineData("Eid al-Fitr", 2024, "2024-04-10")]
    [InlineData("Ramadan", 2024, "2024-03-11+30")]
    [InlineData("Chinese New Year", 2024, "2024-02-10")]
    [InlineData("Mid-Autumn Festival", 2023, "2023-09-29")]
    [InlineData("Diwali", 2023, "2023-11-12")]
    [InlineData("Dhanteras", 2023, "2023-11-10")]
    [InlineData("Diwali", 2013, "2013-11-03")] // the new moon ends in the evening: Lakshmi Puja is at dusk
    [InlineData("Holi", 2024, "2024-03-25")]
    [InlineData("Holi", 2016, "2016-03-24")] // a published day that differs from the tithi rule
    [InlineData("Krishna Janmashtami", 2023, "2023-09-06")]
    [InlineData("Ugadi", 2024, "2024-04-09")]
    [InlineData("Vaisakhi", 2024, "2024-04-13")]
    [InlineData("Thai Pongal", 2024, "2024-01-15")]
    [InlineData("Rabindra Jayanti", 2021, "2021-05-09")]
    [InlineData("Boss's Day", 2021, "2021-10-15")] // 16 October was a Saturday
    [InlineData("Parsi New Year", 2024, "2024-08-15")]
    [InlineData("Nowruz", 2017, "2017-03-21")] // the equinox came after noon in Tehran
    [InlineData("Nowruz", 2024, "2024-03-20")]
    [InlineData("Qingming Festival", 2023, "2023-04-05")]
    public void CalendarRules(string name, int year, string expected)
    {
        Assert.Equal(expected, DaysOf(name, year));
    }

    [Fact]
    public void AHinduHolidayCanBeMissingFromAGregorianYear()
    {
        // Pausha's bright seventh fell on 2017-12-25 and 2019-01-13.
        var gobindSingh = HolidayTable.Embedded.Holidays.Single(h => h.Name == "Guru Gobind Singh Jayanti");
        Assert.Empty(Calendar.In(gobindSingh, 2018));
    }

    [Fact]
    public void AnIslamicHolidayCanComeTwiceInAGregorianYear()
    {
        var adha = HolidayTable.Embedded.Holidays.Single(h => h.Name == "Eid al-Adha");
        Assert.Equal(2, Calendar.In(adha, 2006).Count);
    }

    [Theory]
    [InlineData("christmas", "2024-02-10", "christmas", "2024-12-25")]
    [InlineData("next thanksgiving", "2024-02-10", "next thanksgiving", "2024-11-28")]
    [InlineData("last thanksgiving", "2024-02-10", "last thanksgiving", "2023-11-23")]
    [InlineData("easter 2019", "2024-02-10", "easter 2019", "2019-04-21")]
    [InlineData("black friday of 2017", "2024-02-10", "black friday of 2017", "2017-11-24")]
    [InlineData("good friday in 2021", "2024-02-10", "good friday in 2021", "2021-04-02")]
    [InlineData("halloween two thousand twenty", "2024-02-10", "halloween two thousand twenty", "2020-10-31")]
    [InlineData("thanksgiving of next year", "2024-02-10", "thanksgiving of next year", "2025-11-27")]
    [InlineData("thanksgiving in 11 months", "2024-02-10", "thanksgiving in 11 months", "2025-11-27")]
    [InlineData("diwali three years hence", "2024-02-10", "diwali three years hence", "2027-10-29")]
    [InlineData("xmas at 7 pm", "2024-02-10", "xmas at 7 pm", "2024-12-25T19:00")]
    [InlineData("valentine’s day", "2024-02-10", "valentine’s day", "2024-02-14")]
    [InlineData("valentines day", "2024-02-10", "valentines day", "2024-02-14")]
    [InlineData("memorial day weekend", "2024-02-10", "memorial day weekend", "2024-05-25/2024-05-28")]
    [InlineData("the weekend of halloween", "2024-02-10", "the weekend of halloween", "2024-11-02/2024-11-04")]
    [InlineData("the second closest christmas to today", "2024-02-10", "the second closest christmas to today", "2024-12-25")]
    [InlineData("3 days before new year", "2024-02-10", "3 days before new year", "2024-12-29")]
    [InlineData("second sunday after easter 2024", "2024-02-10", "second sunday after easter 2024", "2024-04-14")]
    [InlineData("the day after thanksgiving", "2024-02-10", "the day after thanksgiving", "2024-11-29")]
    [InlineData("evening of christmas eve", "2024-02-10", "evening of christmas eve", "2024-12-24T16:00/2024-12-24T20:00")]
    public void ModifiersYearsAndFrames(string text, string reference, string span, string iso)
    {
        Assert.Equal((span, iso), First(text, At(reference, "duckling")));
    }

    [Theory]
    [InlineData("yom kippur 2023", "2023-09-24", "2023-09-25")]
    [InlineData("rosh hashanah 2024", "2024-10-02/2024-10-05", "2024-10-03/2024-10-04")]
    [InlineData("hanukkah 2024", "2024-12-25/2025-01-02", "2024-12-26/2025-01-02")] // eight nights from the eve
    public void JewishHolidaysFromTheirEveOnlyWhenAsked(string text, string fromEveExclusiveEnd, string newsInclusive)
    {
        Assert.Equal(fromEveExclusiveEnd, First(text, At("2020-01-01", "duckling"))?.Iso);
        Assert.Equal(newsInclusive, First(text, At("2020-01-01"))?.Iso);
    }

    [Theory]
    [InlineData("news", "during ramadan 2024", "ramadan 2024", "2024-03-11/2024-04-09")]
    [InlineData("recognizers-text", "during ramadan 2024", "ramadan 2024", "2024-03-11/2024-04-10")]
    [InlineData("duckling", "during ramadan 2024", "during ramadan 2024", "2024-03-11/2024-04-10")]
    [InlineData("news", "the weekend of halloween 2024", "the weekend of halloween 2024", "2024-11-02/2024-11-03")]
    public void IntervalEndsAndSpansFollowTheDateStyle(string style, string text, string span, string iso)
    {
        Assert.Equal((span, iso), First(text, At("2024-02-10", style)));
    }

    [Fact]
    public void RecognizersTextLeavesTheTimeToTheTimeRecogniser()
    {
        Assert.Equal(("christmas", "2024-12-25"), First("christmas at 7 pm", At("2024-09-10", "recognizers-text")));
    }

    [Theory]
    [InlineData("Sales slumped over Christmas, the retailer said.", "2024-01-10", "Christmas", "2023-12-25")]
    [InlineData("Gunfire was heard on Christmas morning.", "2024-12-20", "Christmas morning", "2024-12-25T08:00/2024-12-25T12:00")]
    [InlineData("Shops will close early on Christmas Eve.", "2024-12-02", "Christmas Eve", "2024-12-24")]
    [InlineData("The talks should end before Easter, officials said.", "2024-03-01", "Easter", "2024-03-31")]
    [InlineData("Prices rose during Ramadan, traders said.", "2024-03-20", "Ramadan", "2024-03-11/2024-04-09")]
    [InlineData("Families gathered for Thanksgiving in Ohio.", "2023-11-20", "Thanksgiving", "2023-11-23")]
    [InlineData("On Diwali, fireworks lit up Delhi.", "2023-11-14", "Diwali", "2023-11-12")]
    [InlineData("Stores reopen the day after Christmas.", "2024-12-02", "the day after Christmas", "2024-12-26")]
    [InlineData("Many give up meat during Lent.", "2024-03-01", "Lent", "2024-02-14/2024-03-30")]
    [InlineData("The vote is two weeks after Thanksgiving.", "2024-11-02", "two weeks after Thanksgiving", "2024-12-12")]
    [InlineData("Parliament rises a week before Easter.", "2024-03-01", "a week before Easter", "2024-03-24")]
    public void NewsProseYieldsTheDay(string text, string reference, string span, string iso)
    {
        Assert.Equal((span, iso), First(text, At(reference)));
    }

    [Theory]
    [InlineData("The statues of Easter Island are eroding.")]
    [InlineData("The Good Friday Agreement ended decades of conflict.")]
    [InlineData("A Christmas tree was set up in the square.")]
    [InlineData("Halloween costumes sold out in the town.")]
    [InlineData("The scholar Tariq Ramadan denied the charges.")]
    [InlineData("Retailers reported strong pre-Christmas trading.")]
    [InlineData("The Labour Party met at the war memorial.")]
    [InlineData("The pilot made a mayday call before the crash.")]
    [InlineData("She had an epiphany about the plan.")]
    [InlineData("They held a service of thanksgiving for the rescued miners.")]
    [InlineData("The bank lent money to the firm.")]
    [InlineData("The St Patrick cathedral was closed.")]
    [InlineData("Voters may day-dream about lower taxes.")]
    [InlineData("Leaders pledged reforms for the new year.")]
    [InlineData("A morning of prayer was held after the game.")]
    public void NewsProseWithoutAHoliday(string text)
    {
        Assert.Empty(Annotator.Default.Annotate(text, At("2024-04-02")).Dates);
    }

    [Fact]
    public void WordsBeforeANameThatIsNoDateAreLeftToTheOtherRecognisers()
    {
        var annotation = Annotator.Default.Annotate("He was held 10 years in the Christmas Island detention centre.", At("2024-04-02"));
        Assert.Empty(annotation.Dates);
        Assert.Contains(annotation.Quantities, q => q.Text == "10 years");
    }

    [Theory]
    [InlineData("hanukkah 2999")]
    [InlineData("eid al adha 2100")]
    [InlineData("chinese new year 2101")]
    [InlineData("diwali 1899")]
    [InlineData("purim 1000")]
    public void YearsBeyondACalendarsTablesAreLeftOut(string text)
    {
        Assert.Null(First(text, At("2024-02-10")));
    }

    [Fact]
    public void ANumberAfterTheNameIsNoTime()
    {
        Assert.Equal(("Christmas", "2023-12-25"), First("On Christmas 20 people died.", At("2024-01-10")));
    }

    [Fact]
    public void WithoutAReferenceABareHolidayIsLeftOut()
    {
        Assert.Null(First("Shops close on Christmas Day.", new AnnotationContext()));
        Assert.Equal(("Christmas Day 2023", "2023-12-25"), First("Shops closed on Christmas Day 2023.", new AnnotationContext()));
    }
}
