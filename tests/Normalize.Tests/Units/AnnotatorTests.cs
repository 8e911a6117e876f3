using System.Globalization;
using Normalize.Core;
using Normalize.Core.Units;

namespace Normalize.Tests.Units;

public class AnnotatorTests
{
    private static readonly AnnotationContext English = new();
    private static readonly AnnotationContext FromGerman = new() { DecimalComma = true, DayFirst = true };

    private static QuantitySpan Single(string text, AnnotationContext? context = null, string? family = null)
    {
        var spans = Annotator.Default.Annotate(text, context ?? English).Quantities
            .Where(q => family is null || q.Family == family).ToList();
        Assert.True(spans.Count >= 1, $"no quantity in '{text}'");
        return spans[0];
    }

    [Theory]
    [InlineData("Germany pledged 1,5 million euros.", "1,5 million euros", "1500000", "EUR")]
    [InlineData("Kyiv asked for 4,8 million shells.", "4,8 million", "4800000", null)]
    [InlineData("The cost was 1.000,5 euros.", "1.000,5 euros", "1000.5", "EUR")]
    public void DecimalCommaInTextFromGerman(string text, string spanText, string value, string? unit)
    {
        var span = Single(text, FromGerman);
        Assert.Equal(spanText, span.Text);
        Assert.Equal(decimal.Parse(value, CultureInfo.InvariantCulture), span.Value);
        Assert.Equal(unit, span.Unit);
    }

    [Fact]
    public void CommaIsAThousandsSeparatorInEnglishText()
    {
        var span = Single("They fired 1,500 shells.");
        Assert.Equal(1500m, span.Value);
        Assert.Equal("shells", span.Noun);
    }

    [Theory]
    [InlineData("Some 7 000 troops crossed.", "7 000", "7000")]
    [InlineData("They need a million shells.", "a million", "1000000")]
    [InlineData("They need 3 million shells.", "3 million", "3000000")]
    [InlineData("The package is worth one hundred dollars.", "one hundred dollars", "100")]
    [InlineData("Aid of $2.5bn was approved.", "$2.5bn", "2500000000")]
    [InlineData("It was the twenty-fifth attack.", "twenty-fifth", "25")]
    public void NumbersInNewsForms(string text, string spanText, string value)
    {
        var span = Single(text);
        Assert.Equal(spanText, span.Text);
        Assert.Equal(decimal.Parse(value, CultureInfo.InvariantCulture), span.Value);
    }

    [Fact]
    public void CountedNounFollowsABareNumber()
    {
        var span = Single("Russia fired a million shells.");
        Assert.Equal("shells", span.Noun);
        Assert.Equal("number", span.Family);
    }

    [Theory]
    [InlineData("North Korea sent 152-mm shells.", "152-mm", "152", "mm")]
    [InlineData("It uses 155mm rounds.", "155mm", "155", "mm")]
    [InlineData("The drone flew 690 kilometres.", "690 kilometres", "690", "km")]
    [InlineData("It was 32 °C in Kherson.", "32 °C", "32", "°C")]
    [InlineData("It weighs 20 kg.", "20 kg", "20", "kg")]
    public void UnitsAndCalibres(string text, string spanText, string value, string unit)
    {
        var span = Single(text);
        Assert.Equal(spanText, span.Text);
        Assert.Equal(decimal.Parse(value, CultureInfo.InvariantCulture), span.Value);
        Assert.Equal(unit, span.Unit);
    }

    [Fact]
    public void SiValueAndOriginalUnitAreKept()
    {
        var span = Single("The drone flew 690 kilometres.");
        Assert.Equal(690_000m, span.SiValue);
        Assert.Equal("m", span.SiUnit);
        Assert.Equal("kilometres", span.OriginalUnit);
    }

    [Theory]
    [InlineData("The front moved 10-15 km.", "10-15 km", "10", "15", "km")]
    [InlineData("from 2 to 7 l", "from 2 to 7 l", "2", "7", "L")]
    public void RangesWithUnits(string text, string spanText, string min, string max, string unit)
    {
        var span = Single(text);
        Assert.Equal(spanText, span.Text);
        Assert.Equal(decimal.Parse(min, CultureInfo.InvariantCulture), span.Range!.Min);
        Assert.Equal(decimal.Parse(max, CultureInfo.InvariantCulture), span.Range!.Max);
        Assert.Equal(unit, span.Unit);
    }

    [Fact]
    public void BetweenGivesANumberRange()
    {
        var span = Single("They lost between 5 and 7 tanks.", family: "number_range");
        Assert.Equal("between 5 and 7", span.Text);
        Assert.Equal(5m, span.Range!.Min);
        Assert.Equal(7m, span.Range!.Max);
    }

    [Theory]
    [InlineData("more than 30 drones", "gt", "30", null)]
    [InlineData("at least 12 people", "ge", "12", null)]
    [InlineData("up to 700 workers", "le", null, "700")]
    public void ComparisonsBecomeBoundedRanges(string text, string qualifier, string? min, string? max)
    {
        var span = Single(text, family: "number_range");
        Assert.Equal(qualifier, span.Qualifier);
        Assert.Equal(min is null ? null : decimal.Parse(min, CultureInfo.InvariantCulture), span.Range!.Min);
        Assert.Equal(max is null ? null : decimal.Parse(max, CultureInfo.InvariantCulture), span.Range!.Max);
    }

    [Theory]
    [InlineData("about $ 14 million", "$ 14 million", "approx")]
    [InlineData("nearly 300 km", "300 km", "nearly")]
    [InlineData("over 2,000 km a day", "over 2,000 km", "gt")]
    public void QualifierIsNeverDropped(string text, string spanText, string qualifier)
    {
        var span = Single(text);
        Assert.Equal(spanText, span.Text);
        Assert.Equal(qualifier, span.Qualifier);
    }

    [Fact]
    public void RateIsRecorded()
    {
        var span = Single("Russia fires 10,000 shells a day.");
        Assert.Equal(10_000m, span.Value);
        Assert.Equal("shells", span.Noun);
        var withUnit = Single("The pipeline carries 500,000 barrels a day.");
        Assert.Equal("day", withUnit.Rate);
        Assert.Equal("500,000 barrels", withUnit.Text);
    }

    [Theory]
    [InlineData("The T-72 tank", 0)]
    [InlineData("A COVID-19 wave", 0)]
    [InlineData("The Su-25 jet", 0)]
    public void ModelNumbersAreNotQuantities(string text, int expected)
    {
        Assert.Equal(expected, Annotator.Default.Annotate(text, English).Quantities.Count);
    }
}
