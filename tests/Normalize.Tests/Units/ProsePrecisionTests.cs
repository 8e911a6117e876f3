using Normalize.Core.Units;

namespace Normalize.Tests.Units;

/// <summary>
/// The annotator runs over every article: ordinary news English must not grow false dates or quantities.
/// Each row names a fragment of a sentence and the family that must not be found on it ("*" = none).
/// </summary>
public class ProsePrecisionTests
{
    private static readonly AnnotationContext NewsArticle = new() { Reference = new DateTime(2024, 4, 2) };

    [Theory]
    [InlineData("The Kremlin may respond within days, officials said.", "may", "*")]
    [InlineData("Protesters will march to parliament on Friday.", "march", "*")]
    [InlineData("You may call it a retreat, but the troops march on.", "march", "*")]
    [InlineData("Now the question is whether the aid will arrive.", "Now", "*")]
    [InlineData("In the past, such strikes were rare.", "the past", "*")]
    [InlineData("Jan Egeland, head of the Norwegian Refugee Council, spoke in Geneva.", "Jan", "*")]
    [InlineData("The Sun newspaper reported the claim.", "Sun", "*")]
    [InlineData("Sun Myung Moon founded the church.", "Sun", "*")]
    [InlineData("No one was hurt in the attack.", "one", "*")]
    [InlineData("He was second in line for the post.", "second", "duration")]
    [InlineData("He was second in line for the post.", "second", "datetime")]
    [InlineData("Ukraine received F-16 jets and Su-34 bombers were shot down.", "16", "*")]
    [InlineData("Ukraine received F-16 jets and Su-34 bombers were shot down.", "34", "*")]
    [InlineData("COVID-19 cases rose again in the region.", "19", "*")]
    [InlineData("Leaders of the G7 met in Italy.", "7", "*")]
    [InlineData("Russia moved S-300 missiles to the border.", "300", "*")]
    [InlineData("Dozens of T-72 tanks were destroyed.", "72", "*")]
    [InlineData("The Patriot PAC-3 interceptors worked.", "3", "*")]
    [InlineData("Memories of the 9/11 attacks shaped the debate.", "9/11", "datetime")]
    [InlineData("The hotline is open 24/7 for families.", "24/7", "datetime")]
    [InlineData("The first units arrived at the front.", "first units", "datetime")]
    [InlineData("The Easter Island statues are famous.", "Easter", "datetime")]
    [InlineData("They decorated a Christmas tree in the square.", "Christmas", "datetime")]
    [InlineData("The Labor Party won the vote.", "Labor", "datetime")]
    public void NoSpanOnOrdinaryWords(string sentence, string fragment, string family)
    {
        var start = sentence.IndexOf(fragment, StringComparison.Ordinal);
        Assert.True(start >= 0, $"fragment '{fragment}' not in test sentence");
        var end = start + fragment.Length;
        var annotation = Annotator.Default.Annotate(sentence, NewsArticle);
        var spans = annotation.Quantities.Select(q => (Family: q.Family ?? "", q.Start, q.End, q.Text))
            .Concat(annotation.Dates.Select(d => (Family: d.Family, d.Start, d.End, d.Text)));
        var offending = spans.Where(s => (family == "*" || s.Family == family) && s.Start < end && start < s.End).ToList();
        Assert.True(offending.Count == 0,
            $"'{sentence}': unexpected {string.Join(", ", offending.Select(s => $"{s.Family} '{s.Text}'"))}");
    }
}
