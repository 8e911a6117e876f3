using System.Text.Json;
using Normalize.Core.Units;
using Normalize.Core.Units.Dates;
using Normalize.Tests.Support;

namespace Normalize.Tests.Units.Dates;

public class TimeOfDayTests
{
    private static readonly AnnotationContext Clock = new() { Reference = new DateTime(2016, 11, 7) };
    private static readonly AnnotationContext Anchored =
        new AnnotationContext { Reference = new DateTime(2013, 2, 12, 4, 30, 0), AnchorBareTimes = true }.WithDateStyle("duckling");

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
    [InlineData("Polls close at 8pm.", "8pm", "T20:00")]
    [InlineData("Power was restored at 4.15pm, a spokesman said.", "4.15pm", "T16:15")]
    [InlineData("Authorities said the explosion happened around 3:40 a.m.", "around 3:40 a.m.", "T03:40")]
    [InlineData("They left at a quarter to six.", "a quarter to six", "T05:45")]
    [InlineData("The strike began at 0900 GMT on the border.", "0900", "T09:00")]
    [InlineData("Polls opened at 0700 local time.", "0700", "T07:00")]
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
    [InlineData("Let's play basketball from two thirty to two forty five", "T02:30/T02:45")]
    [InlineData("The curfew runs from 10pm to 6am.", "T22:00/T06:00")]
    [InlineData("It will happen from 10:30 to 3", "T10:30/T15:00")]
    [InlineData("let's meet after breakfast", "T12:00/..")]
    [InlineData("Where were you between 3 and 8 yesterday", "2016-11-06T03:00/2016-11-06T08:00")]
    [InlineData("I'll be out between 7 and 9:30 last night", "2016-11-06T19:00/2016-11-06T21:30")]
    [InlineData("Where were you the 12th between 0730-0930", "T07:30/T09:30")]
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
    [InlineData("for a quarter past noon", "2013-02-12T12:15")]
    [InlineData("later than 3:30pm but before 6pm", "2013-02-12T15:30/2013-02-12T18:01")]
    public void AnchoredOnTheReference(string text, string iso)
    {
        Assert.Equal((text, iso), First(text, Anchored));
    }

    /// <summary>Helper for debugging: every date span of a text.</summary>
    internal static string All(string text, AnnotationContext context) =>
        string.Join(" | ", Annotator.Default.Annotate(text, context).Dates.Select(d => $"{d.Text}={d.Iso}"));

    [Theory]
    [InlineData("Shares closed at 5 on Friday after a 3-1 loss.", "Friday=2016-11-04")]
    [InlineData("The M1 was closed between junctions 5 and 6 in the morning.", "in the morning=T08:00/T12:00")]
    [InlineData("The daily briefing happens every morning at 9am.", "daily=P1D | every morning at 9am=T09")]
    public void OnlyTheDate(string text, string expected)
    {
        Assert.Equal(expected, All(text, Clock));
    }

    [Theory]
    [InlineData(new string[0], "T15:00")]
    [InlineData(new[] { "--conventions", "duckling" }, "2013-02-12T15:00")]
    public void AnnotateAnchorsTimesOnRequest(string[] flags, string iso)
    {
        var result = CliRunner.Run(["annotate", "The vote ends at 3pm.", "--date", "2013-02-12", .. flags]);
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out.Trim());
        Assert.Equal(iso, doc.RootElement.GetProperty("dates")[0].GetProperty("iso").GetString());
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

    /// <summary>What the date grammar composes: the time after a date, on that date.</summary>
    [Theory]
    [InlineData("tomorrow at 5pm", 9, "at 5pm", "2016-11-08T17:00")]
    [InlineData("Monday at 5", 7, "at 5", "2016-11-08T05:00")]
    [InlineData("tomorrow evening", 9, "evening", "2016-11-08T16:00/2016-11-08T20:00")]
    [InlineData("tomorrow night", 9, "night", "2016-11-08T20:00/2016-11-08T23:59:59")]
    [InlineData("Saturday morning at 9", 9, "morning at 9", "2016-11-08T09:00")]
    [InlineData("tuesday in the morning", 8, "in the morning", "2016-11-08T08:00/2016-11-08T12:00")]
    [InlineData("Monday morning from 10am to 12pm", 15, "from 10am to 12pm", "2016-11-08T10:00/2016-11-08T12:00")]
    [InlineData("Monday 8-9am", 7, "8-9am", "2016-11-08T08:00/2016-11-08T09:00")]
    [InlineData("today before 4pm", 6, "before 4pm", "../2016-11-08T16:00")]
    [InlineData("March 3 at 15:00", 8, "at 15:00", "2016-11-08T15:00")]
    [InlineData("Monday at five", 7, "at five", "2016-11-08T05:00")]
    [InlineData("Sunday late evening at 10:00", 7, "late evening at 10:00", "2016-11-08T22:00")]
    [InlineData("December 12th at 4 - 6:30 pm", 14, "at 4 - 6:30 pm", "2016-11-08T16:00/2016-11-08T18:30")]
    [InlineData("tomorrow at six forty-three minutes", 9, "at six forty-three minutes", "2016-11-08T06:43")]
    [InlineData("Monday morning from 10am to 12pm", 7, "morning from 10am to 12pm", "2016-11-08T10:00/2016-11-08T12:00")]
    [InlineData("next evening between 10:30 and 11:45", 5, "evening between 10:30 and 11:45", "2016-11-08T22:30/2016-11-08T23:45")]
    [InlineData("previous Tuesday by 2 in the afternoon", 17, "by 2 in the afternoon", "../2016-11-08T14:00")]
    public void AfterADate(string text, int position, string span, string iso)
    {
        Assert.True(TimeOfDay.TryMatch(text, position, afterDate: true, out var time));
        Assert.Equal(span, text[time.Start..time.End]);
        Assert.Equal(iso, time.IsoOn(new DateTime(2016, 11, 8), Clock));
    }

    [Fact]
    public void AWeekdayAbbreviationAfterATimeIsAWord()
    {
        Assert.True(TimeOfDay.TryMatch("At 9:30 sat the jury.", 0, out var time));
        Assert.Equal("At 9:30", "At 9:30 sat the jury."[time.Start..time.End]);
        Assert.Null(time.Day);
    }

    [Fact]
    public void ADayNumberAfterAMonthIsNoHour()
    {
        const string text = "No checks were made from 10:30 p.m. Aug. 9 to 6:30 a.m. the next day.";
        Assert.False(TimeOfDay.TryMatch(text, text.IndexOf("9 to", StringComparison.Ordinal), out _));
    }

    [Theory]
    [InlineData("Monday at 5% interest", 7)]
    [InlineData("Monday at 5th place", 7)]
    [InlineData("Saturday 3-1 win", 9)]
    [InlineData("Monday, 12 people", 8)]
    [InlineData("Friday evenings", 7)]
    [InlineData("Monday early morning", 7)]
    public void NotATimeAfterADate(string text, int position)
    {
        Assert.False(TimeOfDay.TryMatch(text, position, afterDate: true, out _));
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
    [InlineData("Version 3.10 shipped; the index closed at 6.45 and the ratio was 1:3.")]
    [InlineData("Call 555-1234 between 9 and 5; turnout rose from 45 to 52 per cent.")]
    [InlineData("He was sentenced to 10 years; the hearing resumed at 2.")]
    [InlineData("The talks ran for 3 hours and for 10 days; prices rose by 2 to 3 per cent.")]
    [InlineData("In 2024 GMT shares fell; the 1200 ET staff left.")]
    [InlineData("The strike lasted 24 hours and he moved to Kyiv at 18.")]
    [InlineData("Firefighters worked through the night; it was the second time in a week.")]
    [InlineData("About two thirty-year-olds and some 134 this afternoon's fans.")]
    [InlineData("From 1140 to 1230, sales rose; call 0800 123 456.")]
    [InlineData("Current Time 0:00 / Duration Time 0:00")]
    [InlineData("James put the Lakers up with 3:08 to play; Gallinari scored with 1:24 left.")]
    [InlineData("A DeLorean model at scale 1:24 and a ratio 3:10.")]
    public void ProseYieldsNoTime(string text)
    {
        Assert.DoesNotContain(Annotator.Default.Annotate(text, Clock).Dates, d => d.Iso.Contains('T'));
    }
}
