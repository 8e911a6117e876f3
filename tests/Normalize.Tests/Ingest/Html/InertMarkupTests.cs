using Normalize.Core.Ingest.Html;

namespace Normalize.Tests.Ingest.Html;

public class InertMarkupTests
{
    [Theory]
    [InlineData("<p>a<script>var x = '<p>no</p>';</script>b</p>", "<p>ab</p>")]
    [InlineData("<p>a<SCRIPT type=\"text/javascript\">x()</SCRIPT >b</p>", "<p>ab</p>")]
    [InlineData("<style>p { color: red }</style><p>a</p>", "<p>a</p>")]
    [InlineData("<p>a<!-- <p>hidden</p> -->b</p>", "<p>ab</p>")]
    [InlineData("<p>a<svg viewBox=\"0 0 1 1\"><path d=\"M0\"/><title>icon</title></svg>b</p>", "<p>ab</p>")]
    [InlineData("<script type=\"application/ld+json\">{\"headline\":\"x\"}</script>", "<script type=\"application/ld+json\">{\"headline\":\"x\"}</script>")]
    [InlineData("<p>a<scripted>b</scripted></p>", "<p>a<scripted>b</scripted></p>")]
    [InlineData("<p>a</p><script>never closed", "<p>a</p>")]
    [InlineData("<p>a</p><!-- never closed", "<p>a</p>")]
    [InlineData("no markup at all", "no markup at all")]
    public void InertPartsAreCut(string html, string expected)
    {
        Assert.Equal(expected, InertMarkup.Strip(html));
    }
}
