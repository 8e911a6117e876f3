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
    [InlineData("news", "The 6-foot-6 forward scored.", "6-foot-6", "6.5", "ft")]
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
    [InlineData("Hamilton defended his position in the first two turns.")]
    [InlineData("Senators told \"60 Minutes\" whether the inquiry was limited.")]
    [InlineData("Israel took the West Bank in the 1967 Six-Day War.")]
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
    [InlineData("news", "It was 30 C.", "30 C", "30", "°C")]
    [InlineData("news", "It is 30 C outside.", "30 C", "30", "°C")]
    [InlineData("news", "Police seized 200 pounds of cocaine.", "200 pounds", "200", "lb")]
    [InlineData("news", "The bag weighs 40 pounds.", "40 pounds", "40", "lb")]
    [InlineData("news", "The club spent 20 million pounds of public money.", "20 million pounds", "20000000", "£")]
    [InlineData("rt", "this baby is over two pounds.", "two pounds", "2", "lb")]
    [InlineData("news", "Sell Mex$ 10 million forward.", "Mex$ 10 million", "10000000", "MXN")]
    [InlineData("news", "Eskom owes 50 billion rand.", "50 billion rand", "50000000000", "ZAR")]
    [InlineData("news", "He bought a twenty pound bag of rice.", "twenty pound", "20", "lb")]
    [InlineData("news", "She won a 1 million pound share of the prize.", "1 million pound", "1000000", "£")]
    [InlineData("news", "A kibibyte is small.", "A kibibyte", "1", "KiB")]
    [InlineData("news", "The 550 pound hog had mauled the farmer.", "550 pound", "550", "lb")]
    [InlineData("news", "He paid with a ten pound note.", "ten pound", "10", "£")]
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
    [InlineData("That is 5 real dollars, Ron said to 5 Ron fans.", null, null)]
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

    [Theory]
    [InlineData("news", "Add ½ tbsp of salt.", "½ tbsp", "0.5", "tbsp")]
    [InlineData("news", "They walked 1½ miles.", "1½ miles", "1.5", "mi")]
    [InlineData("news", "Its GDP is $2.174T.", "$2.174T", "2174000000000", "$")]
    [InlineData("news", "The lake holds 4km^3 of water.", "4km^3", "4", "km3")]
    [InlineData("news", "The zone covers 4 km squared.", "4 km squared", "4", "km2")]
    [InlineData("news", "They were given 45 and 50 mg ethanol.", "45", "45", "mg")]
    [InlineData("news", "It weighs 2,000.45±0.01 pounds.", "2,000.45±0.01 pounds", "2000.45", "lb")]
    [InlineData("news", "The weight is 20 [kg].", "20 [kg]", "20", "kg")]
    [InlineData("news", "It hit 50 meters per millisecond.", "50 meters per millisecond", "50", "m/ms")]
    [InlineData("news", "The plant delivers 50 MW.", "50 MW", "50", "MW")]
    [InlineData("news", "It fires 7.62x39mm rounds.", "7.62x39mm", "7.62", "mm")]
    [InlineData("news", "It uses 5.56×45mm NATO rounds.", "5.56×45mm", "5.56", "mm")]
    [InlineData("news", "Households used 4.5 kWh a day.", "4.5 kWh", "4.5", "kWh")]
    [InlineData("news", "Workers got 20 mSv of radiation.", "20 mSv", "20", "mSv")]
    [InlineData("news", "Add a half cup of milk.", "a half cup", "0.5", "cup")]
    [InlineData("rt", "The submarine weighs 25 lakh tonnes", "25 lakh tonnes", "2500000", "ton")]
    [InlineData("rt", "It totaled 291,890 metric tons.", "291,890 metric tons", "291890", "t")]
    public void MoreUnitsAndForms(string convention, string text, string span, string value, string unit)
    {
        var q = Measured(text, Convention(convention))[0];
        Assert.Equal(span, q.Text);
        Assert.Equal(Dec(value), q.Value);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("a conceptualized 8- to 16-meter telescope", "8- to 16-meter", "8", "16")]
    [InlineData("the LHC smashed them at 3.5–4.0 TeV", "3.5–4.0 TeV", "3.5", "4")]
    public void SuspendedAndDashRanges(string text, string span, string min, string max)
    {
        var q = Measured(text, News)[0];
        Assert.Equal(span, q.Text);
        Assert.Equal(Dec(min), q.Range?.Min);
        Assert.Equal(Dec(max), q.Range?.Max);
    }

    [Theory]
    [InlineData("In 2014 and 50 km away, the front held.", "50 km")]
    [InlineData("He cited paragraph 3 (c) of the law.", null)]
    [InlineData("The F-16 and MiG-29 flew over the G7 summit.", null)]
    [InlineData("The 5G network and 3D maps of the 4x4 trucks.", null)]
    [InlineData("Flight MH17 was downed by a Buk; COVID-19 cases rose.", null)]
    [InlineData("Russia moved S-300 and Su-34 units, and 2S19 and M777 guns.", null)]
    [InlineData("Prices rose in the 1990s.", null)]
    public void NewsProseKeepsOnlyRealMeasurements(string text, string? only)
    {
        var measured = Measured(text, News).Where(q => q.Family != "percent").ToList();
        Assert.Equal(only, measured.SingleOrDefault()?.Text);
    }

    [Theory]
    [InlineData("They pumped 1.5m barrels a day.", "1.5m barrels", "1500000", "bbl")]
    [InlineData("They sold 5 m tonnes of grain.", "5 m tonnes", "5000000", "t")]
    [InlineData("The wall is 3 m high.", "3 m", "3", "m")]
    public void AnMBeforeAUnitIsAMillion(string text, string span, string value, string unit)
    {
        var q = Measured(text, News)[0];
        Assert.Equal(span, q.Text);
        Assert.Equal(Dec(value), q.Value);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("The minister said a day after the strike that Kyiv would respond.")]
    [InlineData("A week before the vote, polls closed.")]
    [InlineData("He won 3 C grades and 2 F grades.")]
    [InlineData("A second wave hit; one of them died, a few fled.")]
    [InlineData("The Sun newspaper said Jan Kowalski may march on Monday.")]
    [InlineData("8 in 10 voters backed the G7 plan, and the 4x4 fleet grew.")]
    public void NewsSentencesWithoutMeasurements(string text)
    {
        Assert.DoesNotContain(Measured(text, News), q => q.Family is "dimension" or "duration" or "temperature" or "currency" or "age");
    }

    [Theory]
    [InlineData("news")]
    [InlineData("duckling")]
    [InlineData("recognizers-text")]
    [InlineData("rt")]
    [InlineData("quantulum3")]
    public void StylesHaveNames(string style)
    {
        Assert.Contains(style, QuantityConventions.Styles);
        Assert.NotNull(QuantityConventions.ForStyle(style));
    }

    [Theory]
    [InlineData("They fought all day.", "all day", "86400")]
    [InlineData("The talks lasted 3 days.", "3 days", "259200")]
    [InlineData("Talks resumed two days later.", null, null)]
    [InlineData("The plant was hit 2 weeks ago.", null, null)]
    [InlineData("It happened 5 days before the vote.", null, null)]
    [InlineData("Ten years previously, a pig pinned a farmer.", null, null)]
    public void DurationsAreLengthsNotOffsets(string text, string? span, string? seconds)
    {
        var duration = Measured(text, News).SingleOrDefault(q => q.Family == "duration");
        Assert.Equal(span, duration?.Text);
        Assert.Equal(Dec(seconds), duration?.SiValue);
    }

    [Theory]
    [InlineData("The victim, aged 30, died.", "30", "30", null, null)]
    [InlineData("Men aged 18 to 60 cannot leave.", "18 to 60", null, "18", "60")]
    [InlineData("Younger voters, 18- to 29-year-olds, backed him.", "18- to 29-year-olds", null, "18", "29")]
    [InlineData("The boy was 5 years old.", "5 years old", "5", null, null)]
    public void Ages(string text, string span, string? value, string? min, string? max)
    {
        var age = Measured(text, News).Single(q => q.Family == "age");
        Assert.Equal(span, age.Text);
        Assert.Equal(Dec(value), age.Value);
        Assert.Equal(Dec(min), age.Range?.Min);
        Assert.Equal(Dec(max), age.Range?.Max);
    }

    [Fact]
    public void GermanBillionsInTranslatedText()
    {
        var q = Measured("Berlin gab €1,5 Mrd. aus.", new AnnotationContext { DecimalComma = true })[0];
        Assert.Equal("€1,5 Mrd", q.Text);
        Assert.Equal(1_500_000_000m, q.Value);
        Assert.Equal("EUR", q.Unit);
    }

    [Theory]
    [InlineData("It has a 360-degree camera.", "360-degree", "dimension")]
    [InlineData("Pull it at a 40-degree angle.", "40-degree", "dimension")]
    [InlineData("rotate 90 degrees", "90 degrees", "dimension")]
    [InlineData("It was 30 degrees in Madrid.", "30 degrees", "temperature")]
    [InlineData("It makes 414 lb-ft of torque.", "414 lb-ft", "dimension")]
    public void DegreesAreAnglesOrTemperatures(string text, string span, string family)
    {
        var q = Measured(text, News)[0];
        Assert.Equal(span, q.Text);
        Assert.Equal(family, q.Family);
    }

    [Fact]
    public void ARateAfterACountedNounIsNotADuration()
    {
        var spans = Measured("SpaceX wants to produce two rockets a year.", News);
        Assert.DoesNotContain(spans, q => q.Family == "duration");
        var count = Annotator.Default.Annotate("SpaceX wants to produce two rockets a year.", News).Quantities.Single(q => q.Family == "number");
        Assert.Equal("year", count.Rate);
    }
}
