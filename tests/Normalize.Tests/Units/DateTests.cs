using Normalize.Core.Units;

namespace Normalize.Tests.Units;

public class DateTests
{
    private static readonly AnnotationContext April2024 = new() { Reference = new DateTime(2024, 4, 2) };
    private static readonly AnnotationContext January2024 = new() { Reference = new DateTime(2024, 1, 10) };
    private static readonly AnnotationContext Unknown = new();
    private static readonly AnnotationContext DayFirst = new() { DayFirst = true, Reference = new DateTime(2024, 6, 20) };

    private static string? IsoOf(string text, AnnotationContext context, out string? spanText)
    {
        var dates = Annotator.Default.Annotate(text, context).Dates;
        spanText = dates.Count > 0 ? dates[0].Text : null;
        return dates.Count > 0 ? dates[0].Iso : null;
    }

    [Theory]
    [InlineData("The attack on Dec. 30, 2023 killed 40.", "Dec. 30, 2023", "2023-12-30")]
    [InlineData("Published 2024-01-04 in Kyiv.", "2024-01-04", "2024-01-04")]
    [InlineData("Updated: 19/06/2024", "19/06/2024", "2024-06-19")]
    [InlineData("Posted 04.01.2024", "04.01.2024", "2024-01-04")]
    [InlineData("13:45, 04.01.2024", "13:45, 04.01.2024", "2024-01-04T13:45")]
    [InlineData("April 2, 2024 5:28 AM", "April 2, 2024 5:28 AM", "2024-04-02T05:28")]
    [InlineData("on 30 December 2023", "30 December 2023", "2023-12-30")]
    public void AbsoluteDates(string text, string spanText, string iso)
    {
        Assert.Equal(iso, IsoOf(text, Unknown, out var found));
        Assert.Equal(spanText, found);
    }

    [Theory]
    [InlineData("The strike on Jan. 2 hit Kyiv.", "2024-01-02")]
    [InlineData("Talks resumed on March 28.", "2024-03-28")]
    public void PartialDatesTakeTheYearOfTheArticle(string text, string iso)
    {
        Assert.Equal(iso, IsoOf(text, April2024, out _));
    }

    [Fact]
    public void DecemberInAJanuaryArticleIsLastYear()
    {
        Assert.Equal("2023-12-30", IsoOf("The attack on Dec. 30 killed 40.", January2024, out _));
    }

    [Fact]
    public void PartialDateWithoutArticleDateIsNotEmitted()
    {
        Assert.Null(IsoOf("The strike on Jan. 2 hit Kyiv.", Unknown, out _));
    }

    [Theory]
    [InlineData("Ministers met on Wednesday.", "2024-04-03")] // article of Tuesday 2024-04-02
    [InlineData("He spoke on Monday.", "2024-04-01")]
    [InlineData("It happened yesterday.", "2024-04-01")]
    public void WeekdaysAreRelativeToTheArticleDate(string text, string iso)
    {
        Assert.Equal(iso, IsoOf(text, April2024, out _));
    }

    [Fact]
    public void AmbiguousDayMonthOrderIsLeftOut()
    {
        Assert.Null(IsoOf("Updated 04/05/2024", Unknown, out _));
        Assert.Equal("2024-05-04", IsoOf("Updated 04/05/2024", DayFirst, out _));
    }
}
