using Normalize.Core.Boilerplate;

namespace Normalize.Tests.Boilerplate;

public class DatelinesTests
{
    [Theory]
    [InlineData("２ April ２０２４", "2024-04-02")]
    [InlineData("April 2, 2024 ５:２８ AM", "2024-04-02T05:28:00")]
    [InlineData("0４.01.2024", "2024-01-04")]
    public void DigitsOfAnyScriptAreRead(string line, string iso)
    {
        Assert.Equal(iso, Datelines.TryParse(line, []));
    }

    [Theory]
    [InlineData("2 April 0000")]
    [InlineData("0000-01-01")]
    [InlineData("31.02.2024")]
    [InlineData("April 2, 2024 25:61 AM")]
    public void ImpossibleDatesAreNoDateNotAnError(string line)
    {
        Assert.Null(Datelines.TryParse(line, []));
    }

    [Theory]
    [InlineData("Jun 08, 2023 • 11 Minute Read", "2023-06-08", 0)]
    [InlineData("By Haley Hoekstra • March 12, 2025", "2025-03-12", 20)]
    [InlineData("Posted on the 15/12/2025 at 19:00 by", "2025-12-15", 14)]
    [InlineData("Updated on 17 December 2025", "2025-12-17", 11)]
    [InlineData("Stand: 23.07.2025", "2025-07-23", 7)]
    [InlineData("Published 2024-04-16T09:38", "2024-04-16", 10)]
    public void FindsTheDateInsideAShortText(string text, string iso, int index)
    {
        Assert.Equal((iso, index), Datelines.Find(text));
    }

    [Theory]
    [InlineData("Posted 02/03/2025")] // the 2nd of March or February 3rd
    [InlineData("May 28")] // no year
    [InlineData("Top 10 picks for 2025")]
    [InlineData("February 30, 2024")] // no such day
    public void FindsNoDateWhereTheTextHasNoneOrItIsAmbiguous(string text)
    {
        Assert.Null(Datelines.Find(text));
    }
}
