using Normalize.Core.Boilerplate;

namespace Normalize.Tests.Boilerplate;

public class DatelinesTests
{
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
