using Normalize.Core;
using Normalize.Tests.Support;

namespace Normalize.Tests.Text;

public class TextEditsTests
{
    [Fact]
    public void EditsAreLoggedAndLaterSpansShift()
    {
        var article = Articles.FromText("The VN panel met in Kiew today.");
        article.Entities.Add(new EntitySpan { Text = "Kiew", Canonical = "Kyiv", Type = "place", Start = 20, End = 24 });
        TextEdits.Apply(article, "repair", [new TextEdit(4, 2, "UN", "nl-leftover"), new TextEdit(0, 3, "A", "test")]);
        Assert.Equal("A UN panel met in Kiew today.", article.Text);
        var span = article.Entities[0];
        Assert.Equal("Kiew", article.Text[span.Start..span.End]);
        Assert.Equal([new Change("repair", "test", "The", "A"), new Change("repair", "nl-leftover", "VN", "UN")], article.Changes);
    }

    [Fact]
    public void AnEditInsideASpanKeepsTheSpanAroundTheReplacement()
    {
        var article = Articles.FromText("at least a million shells");
        article.Quantities.Add(new QuantitySpan { Text = "a million shells", Start = 9, End = 25 });
        TextEdits.Apply(article, "units", [new TextEdit(11, 7, "1,000,000", "scale")]);
        var span = article.Quantities[0];
        Assert.Equal("a 1,000,000 shells", article.Text[span.Start..span.End]);
    }

    [Fact]
    public void OverlappingEditsAreABug()
    {
        var article = Articles.FromText("abcdef");
        Assert.Throws<InvalidOperationException>(() =>
            TextEdits.Apply(article, "x", [new TextEdit(0, 3, "X", "r"), new TextEdit(2, 2, "Y", "r")]));
    }

    [Fact]
    public void NoOpEditsAreNotLogged()
    {
        var article = Articles.FromText("same");
        Assert.Equal(0, TextEdits.Apply(article, "x", [new TextEdit(0, 4, "same", "r")]));
        Assert.Empty(article.Changes);
    }
}
