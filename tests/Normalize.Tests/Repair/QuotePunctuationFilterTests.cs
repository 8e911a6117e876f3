using Normalize.Core;
using Normalize.Core.Pipeline;

namespace Normalize.Tests.Repair;

public class QuotePunctuationFilterTests
{
    private static Article Repair(string text, bool translated)
    {
        var article = new Article("q", "test", text);
        if (translated)
        {
            article.Original = new OriginalText("es", null, "original");
            article.TranslatedFrom = "es";
        }

        return DefaultPipeline.Create(new PipelineOptions { OnlyStages = [StageNames.Repair] }).Process(article);
    }

    [RepairFact]
    public void ATranslationGetsEnglishNewsOrderOfCommaAndPeriodAtAClosingQuote()
    {
        var article = Repair("\"We will not leave the city\", the mayor said on Monday. He called the plan \"a serious mistake\".", translated: true);

        Assert.Equal("\"We will not leave the city,\" the mayor said on Monday. He called the plan \"a serious mistake.\"", article.Text);
        Assert.Equal(2, article.Changes.Count(c => c.Rule == "quote-punctuation"));
    }

    [RepairFact]
    public void TextWrittenInEnglishKeepsItsOwnConvention()
    {
        const string text = "\"We will not leave the city\", the mayor said on Monday. He called the plan \"a serious mistake\".";

        Assert.Equal(text, Repair(text, translated: false).Text);
    }
}
