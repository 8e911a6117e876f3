using Normalize.Core;
using Normalize.Core.Names;

namespace Normalize.Tests.Names;

public class NamesStageTests
{
    private static Article Run(string text)
    {
        var article = new Article("t", "test", text);
        new NamesStage().Process(article);
        return article;
    }

    [Theory]
    [InlineData("Zelensky met Selenskyj's aides in Kiev.", "Zelenskyy met Zelenskyy's aides in Kyiv.")]
    [InlineData("Wolodymyr Selenskyj visited Charkiw on Monday.", "Volodymyr Zelenskyy visited Kharkiv on Monday.")]
    [InlineData("Shelling hit Odessa and Zaporozhye.", "Shelling hit Odesa and Zaporizhzhia.")]
    [InlineData("Kim Jong-un met Yoon Suk Yeol.", "Kim Jong Un met Yoon Suk-yeol.")]
    [InlineData("De VN and the OTAN met.", "De UN and the NATO met.")]
    [InlineData("Lukaschenko spoke in Minsk.", "Lukashenko spoke in Minsk.")]
    public void VariantsAreRewrittenToTheCanonical(string input, string expected)
    {
        Assert.Equal(expected, Run(input).Text);
    }

    [Theory]
    [InlineData("The \"Dnepr\" grouping attacked.")]
    [InlineData("He ordered chicken Kiev.")]
    [InlineData("The history of Kievan Rus is long.")]
    [InlineData("He said: \"We will defend Kiev.\"")]
    public void QuotesAndFixedExpressionsAreLeftAlone(string input)
    {
        Assert.Equal(input, Run(input).Text);
    }

    /// <summary>
    /// Quotes, fixed expressions and paragraph languages are looked up with cursors that only move forward (a
    /// paragraph of thousands of names was quadratic): each name still gets the answer of its own place.
    /// </summary>
    [Fact]
    public void ManyQuotesFixedExpressionsAndParagraphsEachDecideTheirOwnNames()
    {
        const string english = "Kiev said \"Kiev\" ordered chicken Kiev in Kiev. ";
        const string dutch = "Oekraïne kreeg granaten uit Kiev.";
        var text = string.Concat(Enumerable.Repeat(english, 50)) + "\n\n" + dutch + "\n\n" + english;
        var expected = string.Concat(Enumerable.Repeat("Kyiv said \"Kiev\" ordered chicken Kiev in Kyiv. ", 50)) + "\n\n" + dutch
            + "\n\nKyiv said \"Kiev\" ordered chicken Kiev in Kyiv.";
        Assert.Equal(expected, Run(text.TrimEnd()).Text);
    }

    [Fact]
    public void ASentenceLeftInAnotherLanguageKeepsItsSpelling()
    {
        var article = Run("Oekraïne kreeg granaten.");
        Assert.Equal("Oekraïne kreeg granaten.", article.Text);
        Assert.Equal("Ukraine", Assert.Single(article.Entities).Canonical);
    }

    [Theory]
    [InlineData("SAD", "United States")]
    [InlineData("Stati Uniti d'America", "United States")]
    [InlineData("Valko-Venäjä", "Belarus")]
    [InlineData("朝鲜民主主义人民共和国", "North Korea")]
    [InlineData("KR", "South Korea")]
    public void LookupVariantsResolveToTheirCountry(string variant, string canonical)
    {
        Assert.Equal(canonical, NameIndex.Default.Resolve(variant)?.Entity.Canonical);
    }

    [Fact]
    public void AnUnknownVariantKindIsARuleFileError()
    {
        var file = new NameFile
        {
            Entities = [new NameEntity { Id = "x", Canonical = "Xland", Type = "country", Variants = [new NameVariant { Text = "Ixland", Kind = "lokup" }] }],
        };
        var error = Assert.Throws<Normalize.Core.Rules.RuleFileException>(() => new NameIndex([file]));
        Assert.Contains("unknown variant kind 'lokup'", error.Message);
    }

    [Theory]
    [InlineData("SAD news came BY noon from the KR office.")]
    [InlineData("The Stati Uniti exhibit opened.")]
    public void LookupVariantsAreNeverMatchedInText(string input)
    {
        var article = Run(input);
        Assert.Equal(input, article.Text);
        Assert.Empty(article.Entities);
    }

    [Theory]
    [InlineData("The DPRK fired a missile.", "DPRK", "North Korea")]
    [InlineData("Pyongyang fired a missile.", "Pyongyang", "Pyongyang")]
    [InlineData("The Kremlin denied it.", "Kremlin", "Kremlin")]
    [InlineData("The U.N. met.", "U.N.", "UN")]
    public void MetonymsAndAcronymsAreLinkedNotRewritten(string input, string text, string canonical)
    {
        var article = Run(input);
        Assert.Equal(input, article.Text);
        var entity = Assert.Single(article.Entities);
        Assert.Equal(text, entity.Text);
        Assert.Equal(canonical, entity.Canonical);
        Assert.True(entity.Linked);
    }

    [Fact]
    public void MetonymsSayWhatTheyStandFor()
    {
        Assert.Equal("North Korea", Run("Pyongyang fired a missile.").Entities[0].MetonymOf);
        Assert.Equal("Russian government", Run("The Kremlin denied it.").Entities[0].MetonymOf);
    }

    [Fact]
    public void EntitySpansPointIntoTheRewrittenText()
    {
        var article = Run("Selenskyj and Poetin spoke of Kiev.");
        Assert.Equal("Zelenskyy and Putin spoke of Kyiv.", article.Text);
        Assert.Equal(3, article.Entities.Count);
        foreach (var e in article.Entities)
        {
            Assert.Equal(e.Text, article.Text[e.Start..e.End]);
        }

        Assert.Equal("Volodymyr Zelenskyy", article.Entities[0].Canonical);
        Assert.False(article.Entities[0].Linked);
    }

    [Fact]
    public void RewritesAreLoggedAsNamesStage()
    {
        var article = Run("Shelling hit Odessa at night.");
        var change = Assert.Single(article.Changes);
        Assert.Equal("names", change.Stage);
        Assert.Equal("Odessa", change.Before);
        Assert.Equal("Odesa", change.After);
    }

    [Fact]
    public void CanonicalTextIsLinkedWithoutAChange()
    {
        var article = Run("Zelenskyy visited Kyiv.");
        Assert.Empty(article.Changes);
        Assert.Equal(2, article.Entities.Count);
    }

    [Fact]
    public void RunningTwiceChangesNothing()
    {
        var article = Run("Selenskyj visited Kiev and the DPRK.");
        var text = article.Text;
        var spans = article.Entities.Select(e => (e.Text, e.Start, e.Linked, e.Canonical)).ToList();
        new NamesStage().Process(article);
        Assert.Equal(text, article.Text);
        Assert.Equal(spans, article.Entities.Select(e => (e.Text, e.Start, e.Linked, e.Canonical)).ToList());
    }
}
