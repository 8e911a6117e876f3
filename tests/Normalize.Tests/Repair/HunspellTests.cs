using Normalize.Core.Repair;

namespace Normalize.Tests.Repair;

public sealed class HunspellTests
{
    [RepairTheory]
    [InlineData("ballistic", true)]
    [InlineData("monitored", true)]
    [InlineData("ballist", false)]
    [InlineData("monit", false)]
    public void EnglishDictionaryKnowsWords(string word, bool known) =>
        Assert.Equal(known, Dictionaries.System.English!.Spell(word));

    [RepairFact]
    public void SuggestionsComeBackAsUtf8Strings()
    {
        Assert.Contains("ballistic", Dictionaries.System.English!.Suggest("ballist"));
        Assert.Contains("Moscow", Dictionaries.System.English!.Suggest("Moscou"));
    }

    [RepairFact]
    public void SourceLanguageDictionariesReadNonAsciiWords()
    {
        Assert.True(Dictionaries.System.For("es")?.Spell("información") ?? true);
        Assert.True(Dictionaries.System.For("nl")?.Spell("Oekraïne") ?? true);
        Assert.False(Dictionaries.System.IsEnglishWord("desnuclearización"));
        Assert.True(Dictionaries.System.IsEnglishWord("civilisation")); // British spelling is English
    }

    [Fact]
    public void MissingFilesOpenNothing() =>
        Assert.Null(Hunspell.TryOpen("/nonexistent-dictionaries", "en_US"));
}
