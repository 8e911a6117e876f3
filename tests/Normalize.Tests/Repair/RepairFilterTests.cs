using Normalize.Core.Repair;

namespace Normalize.Tests.Repair;

public sealed class RepairFilterTests
{
    [Theory]
    [InlineData("The Party *Laborista declared it.", "es", "The Party Laborista declared it.")]
    [InlineData("It was a #carry of *muppets and @sida.", "es", "It was a carry of muppets and AIDS.")]
    public void ApertiumMarksGoAndTheWordIsFlaggedUntranslated(string input, string language, string expected)
    {
        var article = RepairFixtures.Repair(input, language, Dictionaries.None);
        Assert.Equal(expected.Replace("AIDS", "sida", StringComparison.Ordinal), article.Text);
        Assert.Contains(article.Flags, f => f.Reason.StartsWith(FlagReasons.Untranslated, StringComparison.Ordinal));
    }

    [Fact]
    public void MarkedParticleWithoutEnglishEquivalentIsDropped()
    {
        var article = RepairFixtures.Repair("The government *se decided on the plan.", "hr", Dictionaries.None);
        Assert.Equal("The government decided on the plan.", article.Text);
        Assert.Contains(article.RepairChanges(), c => c.Rule == "apertium-mark:drop" && c.Before == "*se ");
    }

    [Fact]
    public void MarksNeedEvidenceOfApertium()
    {
        const string text = "Read *this before you post about #MeToo.";
        var article = RepairFixtures.Repair(text, null, Dictionaries.None);
        Assert.Equal(text, article.Text);
    }

    [Theory]
    [InlineData("The EE. UU. and the ONU agreed on *desnuclearización.", "es", "The US and the UN agreed on denuclearization.")]
    [InlineData("The army fired 4,8 million obus at Moscou.", "fr", "The army fired 4,8 million shells at Moscow.")]
    [InlineData("A VN panel met in Rusland.", "nl", "A UN panel met in Russia.")]
    [InlineData("The Vietnamese VN30 index and a \"VN\" label stay.", "nl", "The Vietnamese VN30 index and a \"VN\" label stay.")]
    public void PackOfTheKnownSourceLanguageApplies(string input, string language, string expected)
    {
        var article = RepairFixtures.Repair(input, language, Dictionaries.None);
        Assert.Equal(expected, article.Text);
    }

    [Fact]
    public void PackNeedsTheSourceLanguage()
    {
        const string text = "A VN panel met on Monday.";
        var article = RepairFixtures.Repair(text, null, Dictionaries.None);
        Assert.Equal(text, article.Text);
        Assert.Contains(article.Flags, f => f.Reason.StartsWith(FlagReasons.PossibleLeftover, StringComparison.Ordinal));
        Assert.Null(article.TranslatedFrom);
    }

    [RepairFact]
    public void SeveralLeftoversOfOneLanguageDetectIt()
    {
        var article = RepairFixtures.Repair("The VN said that Rusland sent troops to the border.");
        Assert.Equal("The UN said that Russia sent troops to the border.", article.Text);
        Assert.Equal("nl", article.TranslatedFrom);
    }

    [RepairTheory]
    [InlineData("The panel that previously North Korea monit order.", "monitored")]
    [InlineData("At least one hundred North Korean ballist missiles were used.", "ballistic missiles")]
    public void DictionaryRepairsOfSplitAndTruncatedWords(string input, string expected)
    {
        var article = RepairFixtures.Repair(input);
        Assert.Contains(expected, article.Text);
    }

    /// <summary>
    /// The fuzz runner's giant token ("sanct" + 18,000 x's before "reportedly") made the split-word
    /// filter compare two 18,000-letter strings letter by letter (50 s, 1.3 GB per comparison): a join
    /// longer than any dictionary word is now left alone, and the repairs around it still happen.
    /// </summary>
    [RepairFact]
    public void GiantTokenBesideAWordIsKeptAndTheRestIsRepaired()
    {
        var giant = "sanct" + new string('x', 18_000);
        var article = RepairFixtures.Repair($"WeWork is US {giant} reportedly being investigated. The panel that previously North Korea monit order.");
        Assert.Contains($"US {giant} reportedly being investigated.", article.Text);
        Assert.Contains("monitored", article.Text);
    }

    [Fact]
    public void WithoutDictionariesTheDictionaryRepairsAreOffAndSaySo()
    {
        var none = Dictionaries.Open(["/nonexistent-dictionaries"]);
        Assert.NotNull(none.Availability);
        Assert.Contains("apt-get install", none.Availability);
        Assert.Contains("hunspell-en-us", none.Availability);
        const string text = "At least one hundred North Korean ballist missiles were used.";
        Assert.Equal(text, RepairFixtures.Repair(text, null, none).Text);
    }

    [RepairFact]
    public void RepairOfRepairedTextChangesNothing()
    {
        var first = RepairFixtures.Repair("The Party *Laborista and the EE. UU. met; Time Citing the paper wrote.", "es");
        var second = RepairFixtures.Repair(first.Text, "es");
        Assert.Equal(first.Text, second.Text);
        Assert.Empty(second.RepairChanges());
    }
}
