using Normalize.Core;
using Normalize.Core.Pipeline;
using Normalize.Core.Typography;
using Normalize.Tests.Support;

namespace Normalize.Tests.Typography;

public class TypographyStageTests
{
    [Theory]
    [InlineData("figures from the defense ministry .", "figures from the defense ministry.", "space-before-punctuation")]
    [InlineData("Really ? Yes !", "Really? Yes!", "space-before-punctuation")]
    [InlineData("prices rose 10 % in May", "prices rose 10% in May", "space-before-percent")]
    [InlineData("tools that we may call on”. to counter this", "tools that we may call on\" to counter this", "period-after-quote")]
    [InlineData("a “significant number” of shells", "a \"significant number\" of shells", "quotes")]
    [InlineData("Moscow’s ability", "Moscow's ability", "quotes")]
    [InlineData("„Wir schaffen das“, sagte sie", "\"Wir schaffen das\", sagte sie", "quotes")]
    [InlineData("il a dit « non » hier", "il a dit \"non\" hier", "quotes")]
    [InlineData("two  spaces\tand a tab", "two spaces and a tab", "whitespace")]
    public void FixesAndLogsTheChange(string input, string expected, string rule)
    {
        var article = Articles.Clean(input, StageNames.Typography);
        Assert.Equal(expected, article.Text);
        Assert.Contains(article.Changes, c => c.Stage == "typography" && c.Rule == rule);
    }

    [Theory]
    [InlineData("The rate was .5 percent, he said.")]
    [InlineData("Wait... what happened?")]
    [InlineData("It said \"no\". Then it left.")]
    [InlineData("Ratio 3:2 and time 10:45.")]
    [InlineData("He wrote: \"Come.\" She did.")]
    public void CorrectTextIsUntouched(string input)
    {
        var article = Articles.Clean(input, StageNames.Typography);
        Assert.Equal(input, article.Text);
        Assert.Empty(article.Changes);
    }

    [Fact]
    public void TypographicQuotesCanBeKept()
    {
        var article = InputReaderFacade("a “quoted” word");
        new TypographyStage(new TypographyOptions { KeepTypographicQuotes = true }).Process(article);
        Assert.Equal("a “quoted” word", article.Text);
    }

    [Fact]
    public void TitleGetsTheSameQuoteStyle()
    {
        var article = Articles.Clean("‘North Korea supplied shells’\n\nBody text of the article goes on here at length.", StageNames.Boilerplate, StageNames.Typography);
        Assert.Equal("North Korea supplied shells", article.Title);
        var quoted = Articles.Clean(" date 2024-01-01 The “communist” country\n\nBody.", StageNames.Boilerplate, StageNames.Typography);
        Assert.Equal("The \"communist\" country", quoted.Title);
    }

    [Fact]
    public void FrenchKeepsItsBlankBeforeColonPercentAndExclamationWhileEnglishParagraphsAreFixed()
    {
        var article = Articles.FromText(
            "Le ministère a confirmé la livraison : environ 50 % des obus sont déjà arrivés, selon les services de renseignement !\n\n"
            + "The ministry confirmed the delivery : about 50 % of the shells have arrived , intelligence officials said !");
        article.Title = "Obus nord-coréens : la Russie a reçu 50 % de la livraison";
        article.DetectTitleInText = false;
        article = DefaultPipeline.Create(new PipelineOptions { OnlyStages = [StageNames.Language, StageNames.Typography] }).Process(article);

        Assert.Equal(["fr", "en"], article.ParagraphLanguages);
        Assert.StartsWith("Le ministère a confirmé la livraison : environ 50 % des obus sont déjà arrivés, selon les services de renseignement !\n\n", article.Text);
        Assert.EndsWith("The ministry confirmed the delivery: about 50% of the shells have arrived, intelligence officials said!", article.Text);
        Assert.Equal("Obus nord-coréens : la Russie a reçu 50 % de la livraison", article.Title);
    }

    [Fact]
    public void WhitespaceAndABlankBeforeACommaAreFixedInEveryLanguage()
    {
        var article = Articles.FromText("Le ministère a confirmé la livraison ,  selon les services de renseignement de plusieurs pays européens.");
        article = DefaultPipeline.Create(new PipelineOptions { OnlyStages = [StageNames.Language, StageNames.Typography] }).Process(article);

        Assert.Equal("fr", article.Language);
        Assert.Equal("Le ministère a confirmé la livraison, selon les services de renseignement de plusieurs pays européens.", article.Text);
    }

    private static Article InputReaderFacade(string text) => Articles.FromText(text);
}
