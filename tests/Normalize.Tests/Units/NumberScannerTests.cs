using System.Globalization;
using Normalize.Core;
using Normalize.Core.Rules;
using Normalize.Core.Units;
using Normalize.Tests.Support;

namespace Normalize.Tests.Units;

/// <summary>Numbers, ordinals, fractions and number ranges as the annotator reads them (input → span and value).</summary>
public class NumberScannerTests
{
    private static readonly AnnotationContext News = new();
    private static readonly AnnotationContext RecognizersText = new() { Numbers = NumberReading.RecognizersText };
    private static readonly AnnotationContext Duckling = new() { Numbers = NumberReading.Duckling };

    private static List<QuantitySpan> Find(string text, AnnotationContext context, string family) =>
        Annotator.Default.Annotate(text, context).Quantities.Where(q => q.Family == family).ToList();

    private static void AssertOne(string text, AnnotationContext context, string family, string spanText, string value)
    {
        var spans = Find(text, context, family);
        Assert.True(spans.Count == 1, $"'{text}': expected one {family}, got [{string.Join(", ", spans.Select(s => $"'{s.Text}' {s.Value}"))}]");
        Assert.Equal(spanText, spans[0].Text);
        var expected = decimal.Parse(value, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(spans[0].Value!.Value - expected) <= Math.Abs(expected) * 1e-9m,
            $"'{text}': value {spans[0].Value}, expected {value}");
    }

    /// <summary>
    /// A run of digit groups longer than any quantity ("123 456 789 …") is no number from any start in its body: it
    /// used to be read whole again from every start (8 s for 100 KB of it); a grouped number of quantity size reads.
    /// </summary>
    [Theory]
    [InlineData(" ")]
    [InlineData(",")]
    [InlineData(".")]
    public void LongRunsOfDigitGroupsAreNoNumber(string separator)
    {
        var run = string.Join(separator, Enumerable.Repeat("123", 40));
        var quantities = Annotator.Default.Annotate($"Codes {run} end", News).Quantities;
        Assert.DoesNotContain(quantities, q => q.Start < "Codes ".Length + (30 * 4));
        var grouped = string.Join(separator, Enumerable.Repeat("000", 6));
        AssertOne($"about 1{separator}{grouped} voters", separator == "." ? News with { DecimalComma = true } : News, "number", $"1{separator}{grouped}", "1000000000000000000");
    }

    [Theory]
    [InlineData("one hundred and twenty-three", "one hundred and twenty-three", "123")]
    [InlineData("in two thousand and five", "two thousand and five", "2005")]
    [InlineData("Three hundred  and  thirty one", "Three hundred  and  thirty one", "331")]
    [InlineData("fifty - two", "fifty - two", "52")]
    [InlineData("twenty-one trillion and three hundred", "twenty-one trillion and three hundred", "21000000000300")]
    [InlineData("three crore twelve lakh fifty-six thousand", "three crore twelve lakh fifty-six thousand", "31256000")]
    [InlineData("They sent 3 million shells.", "3 million", "3000000")]
    [InlineData("a loan of 2.5bn", "2.5bn", "2500000000")]
    [InlineData("1,234,567.89 people", "1,234,567.89", "1234567.89")]
    [InlineData("The result is 12,34,567.89", "12,34,567.89", "1234567.89")]
    [InlineData("1 234 567 voters", "1 234 567", "1234567")]
    [InlineData("1.111,11", "1.111,11", "1111.11")]
    [InlineData("a value of 1.2e5", "1.2e5", "120000")]
    [InlineData("10^3", "10^3", "1000")]
    [InlineData("2.5^-1", "2.5^-1", "0.4")]
    [InlineData("6.23x10^-4", "6.23x10^-4", "0.000623")]
    [InlineData("8x2^10", "8x2^10", "8192")]
    [InlineData("4000 3 hundred and 21 are two", "3 hundred and 21", "321")]
    [InlineData("I count 6 crore and two hundred", "6 crore and two hundred", "60000200")]
    [InlineData("two point two million", "two point two million", "2200000")]
    [InlineData("three million, two hundred & forty, you say?", "three million, two hundred & forty", "3000240")]
    [InlineData("1.2M people", "1.2M", "1200000")]
    [InlineData("half a dozen eggs", "half a dozen", "6")]
    [InlineData("1 and a half", "1 and a half", "1.5")]
    [InlineData("nought point nought three", "nought point nought three", "0.03")]
    public void WholeNumbersAndDecimals(string text, string spanText, string value)
    {
        var spans = Find(text, News, "number");
        Assert.Contains(spans, s => s.Text == spanText && s.Value == decimal.Parse(value, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1/2", "1/2", "0.5")]
    [InlineData("one half", "one half", "0.5")]
    [InlineData("three quarters", "three quarters", "0.75")]
    [InlineData("2 1/4", "2 1/4", "2.25")]
    [InlineData("¾ of voters", "¾", "0.75")]
    [InlineData("a 2½-point lead", "2½", "2.5")]
    [InlineData("two thirds of the vote", "two thirds", "0.666666666666667")]
    [InlineData("one-eighth", "one-eighth", "0.125")]
    [InlineData("One-fourth is a fraction number.", "One-fourth", "0.25")]
    [InlineData("A fifth is missing.", "A fifth", "0.2")]
    [InlineData("five - eighths", "five - eighths", "0.625")]
    [InlineData("a hundredth", "a hundredth", "0.01")]
    [InlineData("a twenty-first", "a twenty-first", "0.0476190476190476")]
    [InlineData("three twenty-firsts", "three twenty-firsts", "0.142857142857143")]
    [InlineData("one hundred thirty fifths", "one hundred thirty fifths", "2.85714285714286")]
    [InlineData("one hundred thirty-two fifths", "one hundred thirty-two fifths", "26.4")]
    [InlineData("two hundred and fifty-four hundredths", "two hundred and fifty-four hundredths", "200.54")]
    [InlineData("twenty and three fifths", "twenty and three fifths", "20.6")]
    [InlineData("five and a quarter", "five and a quarter", "5.25")]
    [InlineData("The population is 3 million and a half", "3 million and a half", "3500000")]
    [InlineData("They have two million and one half", "two million and one half", "2500000")]
    [InlineData("one billion and a quarter million", "one billion and a quarter million", "1000250000")]
    [InlineData("one and a half million", "one and a half million", "1500000")]
    [InlineData("two thirds of a million", "two thirds of a million", "666666.666666667")]
    [InlineData("The answer is minus one hundred thirty fifths", "minus one hundred thirty fifths", "-2.85714285714286")]
    public void Fractions(string text, string spanText, string value) => AssertOne(text, News, "number", spanText, value);

    [Theory]
    [InlineData("the 21st attack", "21st", "21")]
    [InlineData("the twenty-first century", "twenty-first", "21")]
    [InlineData("the third time", "third", "3")]
    [InlineData("one hundred twenty-fifth", "one hundred twenty-fifth", "125")]
    [InlineData("a hundred trillionth", "a hundred trillionth", "100000000000000")]
    [InlineData("trillionth", "trillionth", "1000000000000")]
    [InlineData("Nineth Meeting of the Partnership", "Nineth", "9")]
    [InlineData("Germany has a third system promised", "third", "3")]
    [InlineData("Putin won a fifth term.", "fifth", "5")]
    public void Ordinals(string text, string spanText, string value) => AssertOne(text, News, "ordinal", spanText, value);

    [Theory]
    [InlineData("Show me the next to last.", "next to last", "end-1")]
    [InlineData("Give me the next item.", "next", "current+1")]
    [InlineData("Turn to previous page.", "previous", "current-1")]
    [InlineData("I meant the current one", "current one", "current+0")]
    [InlineData("the third to last one", "third to last", "end-2")]
    [InlineData("the 2nd from last", "2nd from last", "end-1")]
    [InlineData("the second last", "second last", "end-1")]
    [InlineData("the previous one", "previous one", "current-1")]
    public void RelativeOrdinalsInTheRecognizersTextReading(string text, string spanText, string relative)
    {
        var span = Assert.Single(Find(text, RecognizersText, "ordinal"));
        Assert.Equal(spanText, span.Text);
        Assert.Equal(relative, span.Relative);
        Assert.DoesNotContain(Find(text, News, "ordinal"), s => s.Relative is not null);
    }

    [Theory]
    [InlineData("a few", "a few", "3")]
    [InlineData("a couple", "a couple", "2")]
    [InlineData("a dozen of", "a dozen of", "12")]
    [InlineData("one twenty two", "one twenty two", "122")]
    [InlineData("one eleven", "one eleven", "111")]
    [InlineData("two and quarter", "two and quarter", "2.25")]
    [InlineData("1 point 5", "1 point 5", "1.5")]
    [InlineData("one and two quarter", "one and two quarter", "1.5")]
    [InlineData("point 77", "point 77", "0.77")]
    [InlineData("nil", "nil", "0")]
    [InlineData("3/15", "3/15", "0.2")]
    [InlineData("-.0012G", "-.0012G", "-1200000")]
    public void VagueAndSpokenCountsInTheDucklingReading(string text, string spanText, string value)
    {
        AssertOne(text, Duckling, "number", spanText, value);
        Assert.DoesNotContain(Find(text, News, "number"), s => s.Text == spanText);
    }

    [Theory]
    [InlineData("one over three", "one over three", "0.333333333333333")]
    [InlineData("2000 over 3", "2000 over 3", "666.666666666667")]
    [InlineData("one out of three", "one out of three", "0.333333333333333")]
    [InlineData("per cent of twenty-two", "per cent of twenty-two", "22")]
    [InlineData("I want to earn $10000 soon", "10000", "10000")]
    public void SpokenFractionsAndPercentOfInTheRecognizersTextReading(string text, string spanText, string value)
    {
        var family = text.StartsWith("per", StringComparison.Ordinal) ? "percent" : "number";
        if (spanText == "10000")
        {
            Assert.Single(Find(text, RecognizersText, "currency"));
        }

        AssertOne(text, RecognizersText, family, spanText, value);
        Assert.DoesNotContain(Find(text, News, family), s => s.Text == spanText);
    }

    [Theory]
    [InlineData("between 5 and 7", "between 5 and 7", "5", "7")]
    [InlineData("from 10 to 20", "from 10 to 20", "10", "20")]
    [InlineData("The number range is 5k-20k", "5k-20k", "5000", "20000")]
    [InlineData("These apples are about 20~100", "20~100", "20", "100")]
    [InlineData("more than 30", "more than 30", "30", null)]
    [InlineData("less than or equal to 40", "less than or equal to 40", null, "40")]
    [InlineData("There were about five hundred or more in the square.", "five hundred or more", "500", null)]
    [InlineData("no more than 12", "no more than 12", null, "12")]
    [InlineData("greater than 100 and smaller than 300", "greater than 100 and smaller than 300", "100", "300")]
    [InlineData("between one hundred and two hundred", "between one hundred and two hundred", "100", "200")]
    [InlineData("larger than or equal to 30", "larger than or equal to 30", "30", null)]
    [InlineData("equal to or fewer than 12", "equal to or fewer than 12", null, "12")]
    [InlineData("between 10 and -10", "between 10 and -10", "-10", "10")]
    [InlineData("His score is equal to 5000 or more than", "equal to 5000 or more than", "5000", null)]
    [InlineData("His score is more than 5000 or equal to it", "more than 5000 or equal to it", "5000", null)]
    [InlineData("from one thousand to one thousand and five hundred", "from one thousand to one thousand and five hundred", "1000", "1500")]
    public void NumberRanges(string text, string spanText, string? min, string? max)
    {
        var span = Assert.Single(Find(text, News, "number_range"));
        Assert.Equal(spanText, span.Text);
        Assert.Equal(min is null ? null : decimal.Parse(min, CultureInfo.InvariantCulture), span.Range?.Min);
        Assert.Equal(max is null ? null : decimal.Parse(max, CultureInfo.InvariantCulture), span.Range?.Max);
    }

    [Fact]
    public void TheRecognizersTextReadingBoundsTheNumberOfAQuantity()
    {
        var range = Assert.Single(Find("He is over thirty years old.", RecognizersText, "number_range"));
        Assert.Equal("over thirty", range.Text);
        Assert.Equal(30m, range.Range?.Min);
        Assert.Empty(Find("He is over thirty years old.", News, "number_range"));
    }

    [Theory]
    [InlineData("He ranks between the tenth and the fifteenth.", "between the tenth and the fifteenth", true, false)]
    [InlineData("He ranks higher than the tenth but lower than the fifteenth.", "higher than the tenth but lower than the fifteenth", false, false)]
    public void RanksAsRangesInTheRecognizersTextReading(string text, string spanText, bool minInclusive, bool maxInclusive)
    {
        var range = Assert.Single(Find(text, RecognizersText, "number_range"));
        Assert.Equal(spanText, range.Text);
        Assert.Equal((10m, 15m, minInclusive, maxInclusive), (range.Range!.Min, range.Range.Max, range.Range.MinInclusive, range.Range.MaxInclusive));
        Assert.Empty(Find(text, News, "number_range"));
    }

    [Fact]
    public void ContradictoryBoundsStayTwoRanges()
    {
        var spans = Find("x is no more than 12 and more than 194.", News, "number_range");
        Assert.Equal(["no more than 12", "more than 194"], spans.Select(s => s.Text));
    }

    [Fact]
    public void AUsersNumbersFileAddsScaleWords()
    {
        using var dir = new TempDirectory();
        dir.Write("numbers.yaml", "version: 1\nscales:\n  - { value: 1000000000000000, words: [quadrillion] }\n");
        var annotator = Annotator.For(new RuleFiles(dir.Path));
        var span = Assert.Single(annotator.Annotate("three quadrillion", News).Quantities);
        Assert.Equal(3_000_000_000_000_000m, span.Value);
        Assert.DoesNotContain(Annotator.Default.Annotate("three quadrillion", News).Quantities, q => q.Value == 3_000_000_000_000_000m);
    }

    [Theory]
    [InlineData("7922816251426433759354395033 million one- k")]
    [InlineData("99999999999999999999 bn hundred")]
    [InlineData("dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen")]
    [InlineData("9e20 trillion trillion trillion")]
    public void HugeNumbersAreNotQuantitiesAndDoNotThrow(string text)
    {
        foreach (var context in new[] { News, RecognizersText, Duckling })
        {
            Assert.DoesNotContain(Annotator.Default.Annotate(text, context).Quantities, q => Math.Abs(q.Value ?? 0) > 1e18m);
        }
    }

    [Fact]
    public void AnArrowIsNotABound() => Assert.Empty(Find("=>30", News, "number_range"));

    [Theory]
    [InlineData("Call +1-222-2222/2222 for help.")]
    [InlineData("Call 555-123-4567 now.")]
    [InlineData("Call (555) 123-4567 today.")]
    [InlineData("Call +44 20 7946 0958 today.")]
    [InlineData("Call 0800 123 456.")]
    [InlineData("The server at 192.168.1.2 went down.")]
    [InlineData("Update to 2.3.1 today.")]
    public void NotNumbers(string text)
    {
        var spans = Annotator.Default.Annotate(text, News).Quantities;
        Assert.True(spans.Count == 0, $"'{text}': unexpected {string.Join(", ", spans.Select(s => $"{s.Family} '{s.Text}'"))}");
    }
}
