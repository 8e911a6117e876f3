using System.Text.Json;
using Normalize.Core;

namespace Normalize.Tests.Text;

public class JsonStringsTests
{
    [Theory]
    [InlineData("\"x \\ud800 y\"", "x \uFFFD y")]
    [InlineData("\"\\udc00\\ud83d\\ude00\\ud83d\"", "\uFFFD😀\uFFFD")]
    [InlineData("\"tab\\t \\\"q\\\" \\u00e9 \\\\ \\/\"", "tab\t \"q\" é \\ /")]
    public void LoneSurrogatesBecomeReplacementCharacters(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(expected, JsonStrings.Read(document.RootElement, out var repaired));
        Assert.Equal(expected.Contains('\uFFFD'), repaired);
    }
}
