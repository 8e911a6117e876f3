using System.Globalization;
using Normalize.Core;
using Normalize.Core.Units;

namespace Normalize.Tests.Units;

/// <summary>Quantities with units, money, temperatures, durations and ages, under each convention.</summary>
public class QuantityTests
{
    private static readonly AnnotationContext News = new();
    private static readonly AnnotationContext Duckling = new() { Quantities = QuantityConventions.Duckling };
    private static readonly AnnotationContext RecognizersText = new() { Quantities = QuantityConventions.RecognizersText };
    private static readonly AnnotationContext Quantulum = new() { Quantities = QuantityConventions.Quantulum };

    private static AnnotationContext Convention(string name) => name switch
    {
        "duckling" => Duckling,
        "rt" => RecognizersText,
        "q3" => Quantulum,
        _ => News,
    };

    private static List<QuantitySpan> Measured(string text, AnnotationContext context) =>
        Annotator.Default.Annotate(text, context).Quantities.Where(q => q.Family is not ("number" or "ordinal" or "number_range")).ToList();

    private static decimal? Dec(string? value) => value is null ? null : decimal.Parse(value, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("news", "They raised more than $5 million.", "more than $5 million", "5000000", "$")]
    [InlineData("rt", "They raised more than $5 million.", "$5 million", "5000000", "$")]
    [InlineData("news", "The shells flew about 40 km.", "40 km", "40", "km")]
    [InlineData("duckling", "around 3 km", "around 3 km", "3", "km")]
    [InlineData("news", "It weighs 0.5 kg.", "0.5 kg", "0.5", "kg")]
    [InlineData("duckling", "0.5 kg", "0.5 kg", "500", "g")]
    [InlineData("duckling", "500 grams of strawberries", "500 grams of strawberries", "500", "g")]
    [InlineData("news", "They sent 500 tonnes of grain.", "500 tonnes", "500", "t")]
    [InlineData("q3", "I spent 20 million pounds on this!", "20 million pounds", "20000000", "GBP")]
    [InlineData("news", "I spent 20 million pounds on this!", "20 million pounds", "20000000", "£")]
    [InlineData("rt", "Find records of less than 2 hours.", "less than 2 hours", "2", "hour")]
    public void SpanAndValueFollowTheConvention(string convention, string text, string span, string value, string unit)
    {
        var q = Measured(text, Convention(convention))[0];
        Assert.Equal(span, q.Text);
        Assert.Equal(Dec(value), q.Value ?? q.Range?.Max ?? q.Range?.Min);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("news", "The walls were eight to 10 feet tall.", "eight to 10 feet", "8", "10")]
    [InlineData("rt", "The walls were eight to 10 feet tall.", "10 feet", null, null)]
    [InlineData("q3", "temperatures ranged from -18 °C to -34 °C", "-18 °C to -34 °C", "-34", "-18")]
    [InlineData("duckling", "from 30 celsius and 40 celsius", "from 30 celsius and 40 celsius", "30", "40")]
    [InlineData("duckling", "between 2.0 g and about 7.0 g", "between 2.0 g and about 7.0 g", "2", "7")]
    public void Ranges(string convention, string text, string span, string? min, string? max)
    {
        var q = Measured(text, Convention(convention))[0];
        Assert.Equal(span, q.Text);
        Assert.Equal(Dec(min), q.Range?.Min);
        Assert.Equal(Dec(max), q.Range?.Max);
    }
}
