using Normalize.Core.Units;

namespace Normalize.Tests.Units;

/// <summary>
/// The annotator runs inside `clean` over whatever was scraped: no input may make it throw. Long digit runs
/// next to every kind of trigger word are the classic overflow; each row is read under every convention.
/// </summary>
public class RobustnessTests
{
    private const string Long = "99999999999999999999999999999999";

    public static TheoryData<string> Inputs() =>
    [
        $"{Long}", $"{Long} pm", $"at {Long}:{Long}", $"{Long}:30", $"15:{Long}", $"{Long}h", $"{Long}.{Long}.{Long}",
        $"{Long}/{Long}/{Long}", $"{Long}-{Long}-{Long}", $"every {Long} days", $"in {Long} days", $"{Long} years ago",
        $"the {Long}th", $"{Long}st of March", $"March {Long}", $"March {Long}, {Long}", $"Christmas {Long}",
        $"{Long} 1/2", $"{Long}/3", $"1/{Long}", $"{Long}%", $"${Long}", $"{Long} km", $"{Long} million",
        $"1e{Long}", $"10^{Long}", $"between {Long} and {Long}", $"from {Long} to {Long} pm", $"{Long}-{Long}am",
        $"{Long} o'clock", $"quarter past {Long}", $"in {Long}", $"{Long}s", $"the {Long}s", $"Q{Long} {Long}",
        $"week {Long}", $"{Long} BC", $"{Long} degrees", $"{Long} years old", $"{Long} hours and {Long} minutes",
        "It was the warmest decade in the last 3000 years.", "2013 last years", $"in the last {Long} years", "the past 9999 centuries",
        "0.000000000000000000000000000000000001 km", "-0", "--5", "$-", "...", "1..2", "12:", ":30", "at", "the",
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void NeverThrows(string input)
    {
        foreach (var style in new[] { "news", "duckling", "recognizers-text" })
        {
            var context = new AnnotationContext { Reference = new DateTime(2024, 4, 2), AnchorBareTimes = style == "duckling" }.WithDateStyle(style);
            var annotation = Annotator.Default.Annotate(input, context);
            Assert.All(annotation.Quantities, q => Assert.InRange(q.End, q.Start + 1, input.Length));
            Assert.All(annotation.Dates, d => Assert.InRange(d.End, d.Start + 1, input.Length));
        }
    }

    private static readonly string[] Vocabulary =
    [
        "0", "1", "12", "31", "59", "60", "99", "2024", "12345", Long, "1.5", "1,5", "3/4", "-", "/", ":", ".", ",", "'", "%", "$",
        "€", "£", "°", "+", "±", "x", "^", "at", "on", "in", "the", "of", "and", "to", "from", "between", "since", "until",
        "pm", "a.m.", "am", "h", "o'clock", "noon", "midnight", "quarter", "half", "past", "morning", "tonight", "every",
        "each", "other", "next", "last", "this", "ago", "later", "before", "after", "day", "days", "week", "month", "year",
        "years", "hours", "Q3", "March", "May", "Dec.", "Monday", "weekend", "Christmas", "Easter", "eve", "one",
        "twenty", "first", "second", "third", "million", "bn", "km", "mm", "kg", "litres", "degrees", "C", "F", "dollars",
        "cents", "percent", "per", "more", "than", "about", "up", "old", "aged", "s", "th", "st", "early", "mid", "late",
    ];

    [Fact]
    public void RandomMixesOfTriggerWordsNeverThrow()
    {
        var random = new Random(20261203); // fixed seed: the same inputs on every run
        var styles = new[] { "news", "duckling", "recognizers-text" }
            .Select(s => new AnnotationContext { Reference = new DateTime(2024, 4, 2), AnchorBareTimes = s == "duckling" }.WithDateStyle(s))
            .ToArray();
        for (var i = 0; i < 3000; i++)
        {
            var words = Enumerable.Range(0, random.Next(1, 9)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]);
            var input = string.Join(random.Next(3) == 0 ? "" : " ", words);
            foreach (var context in styles)
            {
                var annotation = Record.Exception(() => Annotator.Default.Annotate(input, context));
                Assert.True(annotation is null, $"'{input}' threw {annotation}");
            }
        }
    }
}
