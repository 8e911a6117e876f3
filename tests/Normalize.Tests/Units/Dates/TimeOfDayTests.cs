using Normalize.Core.Units;
using Normalize.Core.Units.Dates;

namespace Normalize.Tests.Units.Dates;

public class TimeOfDayTests
{
    private static readonly AnnotationContext Clock = new() { Reference = new DateTime(2016, 11, 7) };
    private static readonly AnnotationContext Anchored = new() { Reference = new DateTime(2013, 2, 12, 4, 30, 0), AnchorBareTimes = true };

    private static (string Text, string? Iso)? First(string text, AnnotationContext context)
    {
        var dates = Annotator.Default.Annotate(text, context).Dates;
        return dates.Count == 0 ? null : (dates[0].Text, dates[0].Iso);
    }

    [Theory]
    [InlineData("3pm", "3pm", "T15:00")]
    [InlineData("create appointment at 3 p . m .", "3 p . m .", "T15:00")]
    [InlineData("It ends at 3 p.m. sharp", "3 p.m.", "T15:00")]
    [InlineData("The polls close at 15:30.", "15:30", "T15:30")]
    [InlineData("I'll be back 7:56:30 am", "7:56:30 am", "T07:56:30")]
    [InlineData("I'll be back 1140 a.m.", "1140 a.m.", "T11:40")]
    [InlineData("at noon", "noon", "T12:00")]
    [InlineData("shortly after midnight", "after midnight", "T00:00/..")]
    [InlineData("half past four", "half past four", "T04:30")]
    [InlineData("quarter to 5", "quarter to 5", "T04:45")]
    [InlineData("I made this purchase at 10 past 9", "10 past 9", "T09:10")]
    [InlineData("3 o'clock in the afternoon", "3 o'clock in the afternoon", "T15:00")]
    [InlineData("It's 20 min past eight in the evening", "20 min past eight in the evening", "T20:20")]
    [InlineData("Let's meet one in the morning together", "one in the morning", "T01:00")]
    [InlineData("5 in the evening", "5 in the evening", "T17:00")]
    [InlineData("around 7pm", "around 7pm", "T19:00")]
    [InlineData("The show starts at 20h.", "20h", "T20:00")]
    [InlineData("ten thirty am", "ten thirty am", "T10:30")]
    public void ClockTimes(string text, string span, string iso)
    {
        Assert.Equal((span, iso), First(text, Clock));
    }

    [Theory]
    [InlineData("from 3 to 5pm", "T15:00/T17:00")]
    [InlineData("between 9 and 11 am", "T09:00/T11:00")]
    [InlineData("9-11am", "T09:00/T11:00")]
    [InlineData("I'll be out between 5 and 6 in the afternoon", "T17:00/T18:00")]
    [InlineData("I'll be out 5 to seven in the morning", "T05:00/T07:00")]
    [InlineData("on skype between 3:00 pm and 5:00 pm eastern", "T15:00/T17:00")]
    [InlineData("meet after 3pm", "T15:00/..")]
    [InlineData("I'll leave as late as 7:00 am", "../T07:00")]
    public void Ranges(string text, string iso)
    {
        Assert.Equal(iso, First(text, Clock)?.Iso);
    }

    [Theory]
    [InlineData("in the morning", "T08:00/T12:00")]
    [InlineData("let's meet in the daytime", "T08:00/T18:00")]
    [InlineData("What happened early in the morning.", "T08:00/T10:00")]
    [InlineData("any available time to run errands at lunchtime today", "T11:00/T13:00")]
    [InlineData("this evening", "2016-11-07T16:00/2016-11-07T20:00")]
    public void PartsOfDay(string text, string iso)
    {
        Assert.Equal(iso, First(text, Clock)?.Iso);
    }

    [Theory]
    [InlineData("3pm", "2013-02-12T15:00")]
    [InlineData("at 3am", "2013-02-13T03:00")]
    [InlineData("4:23am", "2013-02-12T04:23")]
    [InlineData("3:30", "2013-02-12T15:30")]
    [InlineData("3pm tomorrow", "2013-02-13T15:00")]
    [InlineData("9 tomorrow evening", "2013-02-13T21:00")]
    [InlineData("8 tonight", "2013-02-12T20:00")]
    [InlineData("3:30 to 6 PM", "2013-02-12T15:30/2013-02-12T18:01")]
    [InlineData("8am - 1pm", "2013-02-12T08:00/2013-02-12T14:00")]
    [InlineData("in the afternoon", "2013-02-12T12:00/2013-02-12T19:00")]
    [InlineData("9h30 - 11h00 on Thursday", "2013-02-14T09:30/2013-02-14T11:01")]
    public void AnchoredOnTheReference(string text, string iso)
    {
        Assert.Equal((text, iso), First(text, Anchored));
    }

    /// <summary>Helper for debugging: every date span of a text.</summary>
    internal static string All(string text, AnnotationContext context) =>
        string.Join(" | ", Annotator.Default.Annotate(text, context).Dates.Select(d => $"{d.Text}={d.Iso}"));

    [Theory]
    [InlineData("Shares closed at 5 on Friday after a 3-1 loss.", "Friday=2016-11-04")]
    public void OnlyTheDate(string text, string expected)
    {
        Assert.Equal(expected, All(text, Clock));
    }

    [Fact]
    public void ApiExposesTheParts()
    {
        Assert.True(TimeOfDay.TryMatch("around 7pm tomorrow", 0, out var time));
        Assert.Equal(0, time.Start);
        Assert.Equal(19, time.End);
        Assert.Equal(19, time.Time!.Value.Hour);
        Assert.True(time.MeridiemStated);
        Assert.Equal("approx", time.Qualifier);
        Assert.Equal(new DayReference(1, null), time.Day);
        Assert.Equal("2024-03-03T19:00", time.IsoOn(new DateTime(2024, 3, 3), Clock));
    }

    [Fact]
    public void BareHourIsATimeOnlyAfterADate()
    {
        Assert.False(TimeOfDay.TryMatch("at 5", 0, out _));
        Assert.True(TimeOfDay.TryMatch("at 5", 0, afterDate: true, out var time));
        Assert.Equal("2024-03-03T05:00", time.IsoOn(new DateTime(2024, 3, 3), Clock));
    }

    /// <summary>News prose with no time in it.</summary>
    [Theory]
    [InlineData("Shares closed at 5 after a 3-1 loss.")]
    [InlineData("The second round starts in the evening of his career.")]
    [InlineData("He scored in the 24/7 league and the 9/11 report came out.")]
    [InlineData("Chelsea won 1:0 and 2-1, a ratio of 3 to 1.")]
    [InlineData("One of three F-16 jets landed; the G7 met at 9-11 Downing Street.")]
    [InlineData("They rose 5 to 7 per cent in the second quarter.")]
    [InlineData("The index was at 6.45 and a.m. radio is dying.")]
    [InlineData("The evening news said two thirty-year-olds were hurt.")]
    [InlineData("A 12h shift, then the 24h race.")]
    [InlineData("Vladimir Putin arrived in the night from Tuesday to Wednesday.")]
    public void ProseYieldsNoTime(string text)
    {
        Assert.DoesNotContain(Annotator.Default.Annotate(text, Clock).Dates, d => d.Iso.Contains('T'));
    }
}
