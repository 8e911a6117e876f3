using Normalize.Core.Repair;

namespace Normalize.Tests.Repair;

/// <summary>Correct English that looks like an artifact stays exactly as it is.</summary>
public sealed class LookAlikeTests
{
    [RepairTheory]
    [InlineData("The judge granted her a restraining order against her former partner.")]
    [InlineData("Vietnam's benchmark VN30 index rose 1.2 percent on Monday, and the VN-Index followed.")]
    [InlineData("It was big, it was loud, and it was over in minutes.")]
    [InlineData("She was named to the Time 100 list of the most influential people this year.")]
    [InlineData("It is particularly a problem in the \"Dnepr\" grouping of forces, according to Ukraine's army.")]
    [InlineData("The crater was so large it could be seen from orbit.")]
    [InlineData("Officials said the monitor ordered by the court had arrived.")]
    [InlineData("The magazine, citing the South Korean ministry, said Time Magazine was first.")]
    [InlineData("Last month saw record rainfall across the region.")]
    [InlineData("Reuters quoted the minister as saying the talks had failed.")]
    [InlineData("He wanted to write what he wanted to write.")]
    [InlineData("The ballistic missile systems were tested in the autumn.")]
    public void CorrectEnglishIsUntouched(string sentence)
    {
        foreach (var translatedFrom in new string?[] { null, "nl" })
        {
            var article = RepairFixtures.Repair(sentence, translatedFrom);
            Assert.Equal(sentence, article.Text);
            Assert.Empty(article.RepairChanges());
            Assert.DoesNotContain(article.Flags, f => f.Reason.StartsWith(FlagReasons.Repetition, StringComparison.Ordinal)
                || f.Reason.StartsWith(FlagReasons.VerbSecond, StringComparison.Ordinal));
        }
    }

    [RepairTheory]
    [InlineData("Oekraïne kreeg granaten.")]
    [InlineData("De VN hebben een rapport over Rusland gepubliceerd.")]
    public void DutchTextLabelledEnglishIsLeftAlone(string dutch)
    {
        var article = RepairFixtures.Repair(dutch);
        Assert.Equal(dutch, article.Text);
        Assert.Null(article.TranslatedFrom);
    }

    [RepairFact]
    public void UntranslatedTextIsLeftAlone()
    {
        const string dutch = "De VN hebben gisteren een rapport gepubliceerd over de wapenleveringen van Noord-Korea aan Rusland.";
        var article = new Normalize.Core.Article("nl", "test", dutch) { Language = "nl" };
        RepairFixtures.Stage().Process(article);
        Assert.Equal(dutch, article.Text);
        Assert.Empty(article.Flags);
    }
}
