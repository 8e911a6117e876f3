using Normalize.Core.Ingest.Html;

namespace Normalize.Tests.Ingest.Html;

public class StreamedSegmentsTests
{
    private const string Article =
        "<article><h1>Harbour cranes return</h1><p>The two cranes that were taken down last spring went back up on Monday, and the port says the first ships will be loaded there next week.</p>" +
        "<p>Dock workers had waited for the repair since April, when a storm bent the arm of the older crane beyond use.</p></article>";

    [Fact]
    public void ReactStreamedContentIsReadWhereItsPlaceholderIs()
    {
        // React's streamed rendering: the article arrives hidden at the end of the body, a script moves it to the template.
        var html = "<html><body><header><a href=\"/\">Port News</a></header><main><template id=\"B:0\"></template><p>Loading…</p></main>" +
                   "<footer><p>© Port News. All rights reserved.</p></footer>" +
                   $"<div hidden id=\"S:0\">{Article}</div></body></html>";

        var extraction = HtmlExtractor.Default.Extract(html).Extraction!;

        Assert.Contains("The two cranes that were taken down last spring went back up on Monday", extraction.Text, StringComparison.Ordinal);
        Assert.Contains("Dock workers had waited for the repair since April", extraction.Text, StringComparison.Ordinal);
        Assert.Equal("Harbour cranes return", extraction.Metadata.Title);
    }

    [Fact]
    public void AHiddenElementThatIsNotAStreamedSegmentStaysHidden()
    {
        var html = $"<html><body>{Article}<div hidden id=\"menu\"><p>This drawer of links is hidden until a reader opens the menu of the site.</p></div></body></html>";

        var text = HtmlExtractor.Default.Extract(html).Extraction!.Text;

        Assert.DoesNotContain("drawer of links", text, StringComparison.Ordinal);
    }
}
