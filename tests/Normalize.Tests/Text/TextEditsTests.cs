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

    /// <summary>
    /// Span offsets are mapped by binary search (an article with thousands of edits and spans was quadratic); the
    /// answer is the one of walking the edits in order, for every offset, start or end, around insertions,
    /// deletions and replacements.
    /// </summary>
    [Fact]
    public void OffsetsMapAsWalkingTheEditsInOrderWould()
    {
        var random = new Random(14);
        for (var round = 0; round < 200; round++)
        {
            var edits = new List<TextEdit>();
            for (var position = random.Next(3); position < 60; position += random.Next(0, 5))
            {
                var length = random.Next(0, 3);
                edits.Add(new TextEdit(position, length, new string('x', random.Next(0, 4)), "r"));
                position += length;
            }

            var map = new OffsetMap(edits);
            for (var offset = 0; offset <= 65; offset++)
            {
                Assert.Equal(Walk(offset, edits, isEnd: false), map.Map(offset, isEnd: false));
                Assert.Equal(Walk(offset, edits, isEnd: true), map.Map(offset, isEnd: true));
            }
        }

        static int Walk(int offset, List<TextEdit> sorted, bool isEnd)
        {
            var delta = 0;
            foreach (var edit in sorted)
            {
                if (edit.End <= offset && !(edit.Length == 0 && edit.Start == offset && !isEnd))
                {
                    delta += edit.Replacement.Length - edit.Length;
                    continue;
                }

                return edit.Start < offset ? (isEnd ? edit.Start + delta + edit.Replacement.Length : edit.Start + delta) : offset + delta;
            }

            return offset + delta;
        }
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
