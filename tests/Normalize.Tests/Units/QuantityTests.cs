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

    [Theory]
    [InlineData("news", "He is 5 ft 2 in tall.", "5 ft 2 in", "5.1666666666666666666666666667", "ft")]
    [InlineData("duckling", "7 feet and 10 inches", "7 feet and 10 inches", "94", "in")]
    [InlineData("duckling", "2 kilometer 1 metre", "2 kilometer 1 metre", "2001", "m")]
    [InlineData("duckling", "1 meter and 1 foot", "1 meter and 1 foot", "1.3048", "m")]
    [InlineData("news", "He is 6'2\" tall.", "6'2\"", "6.1666666666666666666666666667", "ft")]
    [InlineData("news", "It has a 55\" screen.", "55\"", "55", "in")]
    [InlineData("news", "The trip took 2 years and 3 months.", "2 years and 3 months", "27", "month")]
    [InlineData("news", "It lasted an hour and a half.", "an hour and a half", "1.5", "hour")]
    [InlineData("news", "They walked a mile and a half.", "a mile and a half", "1.5", "mi")]
    [InlineData("news", "It took three quarters of an hour.", "three quarters of an hour", "0.75", "hour")]
    [InlineData("news", "Add half a liter of water.", "half a liter", "0.5", "L")]
    [InlineData("news", "The talks lasted two and a half hours.", "two and a half hours", "2.5", "hour")]
    [InlineData("news", "It takes five and half min.", "five and half min", "5.5", "minute")]
    [InlineData("news", "Give it 2 more minutes.", "2 more minutes", "2", "minute")]
    [InlineData("news", "It rained for a month.", "a month", "1", "month")]
    public void CompositesFractionsAndArticles(string convention, string text, string span, string value, string unit)
    {
        var q = Measured(text, Convention(convention))[0];
        Assert.Equal(span, q.Text);
        Assert.Equal(Dec(value), q.Value);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("He said \"we fired 5\" and left.")]
    [InlineData("He takes it twice a day.")]
    [InlineData("Oil sold at $80 a barrel.")]
    [InlineData("He ran for a second time.")]
    [InlineData("Not a bit of it, he said.")]
    [InlineData("The soldiers went on foot; a foot patrol followed.")]
    [InlineData("She holds a degree in law.")]
    [InlineData("It was a turn for the worse.")]
    [InlineData("They had a ton of fun.")]
    [InlineData("He lifted the World Cup, a cup final win.")]
    public void ProseWithoutMeasurements(string text)
    {
        Assert.DoesNotContain(Measured(text, News), q => q.Family is "dimension" or "duration" or "temperature");
    }

    [Theory]
    [InlineData("news", "Petrol rose 10c a litre.", "10c", "10", "cent")]
    [InlineData("news", "It costs twenty rupees 43.", "twenty rupees 43", "20.43", "INR")]
    [InlineData("news", "it only cost thirteen dollars forty five", "thirteen dollars forty five", "13.45", "$")]
    [InlineData("news", "They paid 20 ringgit and 43 sen.", "20 ringgit and 43 sen", "20.43", "MYR")]
    [InlineData("news", "It was -10C in Kharkiv.", "-10C", "-10", "°C")]
    [InlineData("news", "It is 30 C outside.", "30 C", "30", "°C")]
    [InlineData("news", "Police seized 200 pounds of cocaine.", "200 pounds", "200", "lb")]
    [InlineData("news", "The bag weighs 40 pounds.", "40 pounds", "40", "lb")]
    [InlineData("news", "The club spent 20 million pounds of public money.", "20 million pounds", "20000000", "£")]
    [InlineData("rt", "this baby is over two pounds.", "two pounds", "2", "lb")]
    public void MoneyTemperaturesAndPounds(string convention, string text, string span, string value, string unit)
    {
        var q = Measured(text, Convention(convention))[0];
        Assert.Equal(span, q.Text);
        Assert.Equal(Dec(value), q.Value);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("He paid 5 dollars, 20 people came.", "5 dollars", "5")]
    [InlineData("A Boeing 777F landed.", null, null)]
    [InlineData("Profit was 14.7C/ per security.", null, null)]
    [InlineData("Ukraine received 5 F-16s and 2 C-130 planes.", null, null)]
    [InlineData("The K2 and the Tu-22M3 flew.", null, null)]
    public void NoFalseUnits(string text, string? span, string? value)
    {
        var measured = Measured(text, News);
        Assert.Equal(span, measured.FirstOrDefault()?.Text);
        Assert.Equal(Dec(value), measured.FirstOrDefault()?.Value);
    }

    [Fact]
    public void BareUnitMentionsOnlyWhereTheConventionAsks()
    {
        const string text = "convert 200 celsius into fahrenheit";
        Assert.Single(Measured(text, News));
        var rt = Measured(text, RecognizersText);
        Assert.Equal(2, rt.Count);
        Assert.Equal("fahrenheit", rt[1].Text);
        Assert.Null(rt[1].Value);
        Assert.Equal("°F", rt[1].Unit);
    }
}
