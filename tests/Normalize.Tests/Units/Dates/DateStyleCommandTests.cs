using System.Text.Json;
using Normalize.Tests.Support;

namespace Normalize.Tests.Units.Dates;

/// <summary>`normalize annotate --conventions`: the suites' date conventions from the command line.</summary>
public class DateStyleCommandTests
{
    private static string? FirstIso(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out.Trim());
        var dates = doc.RootElement.GetProperty("dates");
        return dates.GetArrayLength() == 0 ? null : dates[0].GetProperty("iso").GetString();
    }

    [Theory]
    [InlineData("news", "2013-07-13/2013-07-15")]
    [InlineData("duckling", "2013-07-13/2013-07-16")]
    [InlineData("recognizers-text", "2013-07-13/2013-07-15")]
    public void IntervalEndsFollowTheStyle(string style, string iso)
    {
        Assert.Equal(iso, FirstIso("annotate", "July 13-15", "--date", "2013-02-12", "--conventions", style));
    }

    [Theory]
    [InlineData("news", "2019-08")]
    [InlineData("recognizers-text", "2019-08-01/2019-09-01")]
    public void MonthsAreRangesOnlyForRecognizersText(string style, string iso)
    {
        Assert.Equal(iso, FirstIso("annotate", "in August 2019", "--date", "2016-11-07", "--conventions", style));
    }

    [Fact]
    public void NowIsADateOnlyByTheBenchConventions()
    {
        Assert.Null(FirstIso("annotate", "Can we meet now", "--date", "2016-11-07"));
        Assert.Equal("2016-11-07T00:00", FirstIso("annotate", "Can we meet now", "--date", "2016-11-07", "--conventions", "rt"));
    }

    [Fact]
    public void UnknownStyleIsAUsageError()
    {
        var result = CliRunner.Run("annotate", "x", "--conventions", "klingon");
        Assert.NotEqual(0, result.ExitCode);
    }
}
