using Normalize.Core;
using Normalize.Core.Units;

namespace Normalize.Tests.Units;

public class UnitsStageTests
{
    private static Article Run(string text, string? translatedFrom = null, string? date = null)
    {
        var article = new Article("t", "test", text) { TranslatedFrom = translatedFrom, Date = date };
        new UnitsStage().Process(article);
        return article;
    }

    [Theory]
    [InlineData("Germany pledged 1,5 million euros.", "de", "Germany pledged 1.5 million euros.")]
    [InlineData("Some 7 000 troops crossed.", null, "Some 7,000 troops crossed.")]
    [InlineData("The cost was 1.000,5 euros.", "fr", "The cost was 1,000.5 euros.")]
    [InlineData("They fired 1,500 shells.", null, "They fired 1,500 shells.")]
    [InlineData("It was 1,5 km away.", null, "It was 1,5 km away.")]
    [InlineData("They need a million shells.", null, "They need a million shells.")]
    [InlineData("North Korea sent 152-mm shells.", null, "North Korea sent 152-mm shells.")]
    [InlineData("The missile flew 690km and carried 500kg.", null, "The missile flew 690 km and carried 500 kg.")]
    [InlineData("They fired 152mm shells from 10-15km away.", null, "They fired 152 mm shells from 10-15 km away.")]
    [InlineData("The deal was worth $5m at 32°C.", null, "The deal was worth $5m at 32°C.")]
    [InlineData("The convoy was 690 km long.", null, "The convoy was 690 km long.")]
    [InlineData("The plant makes 50MW and pumps 1.5m barrels a day.", null, "The plant makes 50 MW and pumps 1.5m barrels a day.")]
    [InlineData("It was -10C and he is 6'2\" tall, 5ft 2in.", null, "It was -10C and he is 6'2\" tall, 5ft 2in.")]
    [InlineData("The crane lifts 100t at over 10kmph.", null, "The crane lifts 100 t at over 10 kmph.")]
    [InlineData("It fires 7.62x39mm rounds from 690km away.", null, "It fires 7.62x39mm rounds from 690 km away.")]
    public void NumbersGetOneWrittenForm(string input, string? from, string expected)
    {
        Assert.Equal(expected, Run(input, from).Text);
    }

    [Fact]
    public void SpansPointIntoTheFinalText()
    {
        var article = Run("Some 7 000 troops and 1,5 million euros, on Dec. 30, 2023.", "de");
        foreach (var q in article.Quantities)
        {
            Assert.Equal(q.Text, article.Text[q.Start..q.End]);
        }

        Assert.Contains(article.Quantities, q => q.Text == "1.5 million euros" && q.Value == 1_500_000m && q.Unit == "EUR");
        Assert.Contains(article.Quantities, q => q.Text == "7,000" && q.Value == 7000m);
        var date = Assert.Single(article.Dates);
        Assert.Equal("2023-12-30", date.Iso);
        Assert.Equal(date.Text, article.Text[date.Start..date.End]);
    }

    [Theory]
    [InlineData("Die Armee sagte, 1/２ der Granaten sei angekommen.", "1/２", 0.5)]
    [InlineData("Die Armee zählte １２３ Granaten.", "１２３", 123)]
    [InlineData("Die Armee zahlte ２,５ Millionen Euro.", "２,５ Millionen", 2_500_000)]
    public void DigitsOfOtherScriptsInAnotherLanguageAreReadNotFatal(string text, string number, decimal value)
    {
        // The fuzz run's "number soup": a pattern's \d takes "２", int.Parse did not, and the article was lost.
        var article = new Article("t", "test", text) { Language = "de" };
        new UnitsStage().Process(article);
        Assert.Empty(article.Warnings);
        Assert.Contains(article.Quantities, q => q.Text == number && q.Value == value);
    }

    [Fact]
    public void ChangesAreLoggedAsUnitsStage()
    {
        var article = Run("Some 7 000 troops.");
        var change = Assert.Single(article.Changes);
        Assert.Equal("units", change.Stage);
        Assert.Equal("7 000", change.Before);
        Assert.Equal("7,000", change.After);
    }

    [Fact]
    public void RunningTwiceChangesNothing()
    {
        var article = Run("Some 7 000 troops and 1,5 million euros.", "de");
        var text = article.Text;
        var count = article.Quantities.Count;
        new UnitsStage().Process(article);
        Assert.Equal(text, article.Text);
        Assert.Equal(count, article.Quantities.Count);
    }
}
