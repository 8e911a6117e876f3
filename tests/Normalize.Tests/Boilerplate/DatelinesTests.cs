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
}
