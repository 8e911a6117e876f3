using Normalize.Core.Language;

namespace Normalize.Tests.Language;

public class LanguageIdentifierTests
{
    private static readonly LanguageIdentifier Identifier = LanguageIdentifier.Default;

    [Theory]
    [MemberData(nameof(LanguageSamples.Cases), MemberType = typeof(LanguageSamples))]
    public void EveryListedLanguageIsIdentifiedFromOneSentence(int sample, string expected)
    {
        var (_, lead, second) = LanguageSamples.All[sample];
        Assert.Equal(expected, Identifier.Identify(lead).Code);
        if (second is not null)
        {
            Assert.Equal(expected, Identifier.Identify(second).Code);
        }
    }

    [Theory]
    [InlineData("Η κυβέρνηση ανακοίνωσε τη Δευτέρα νέα μέτρα.", "el")]
    [InlineData("सरकार ने सोमवार को नए कदमों की घोषणा की।", "und-Deva")]
    [InlineData("הממשלה הודיעה ביום שני על צעדים חדשים.", "he")]
    [InlineData("2024-03-12 — 1.250 / 7 000", "und")]
    [InlineData("", "und")]
    public void OtherScriptsAreNamedByTheirScriptAndTextWithoutLettersIsUndetermined(string text, string expected)
    {
        Assert.Equal(expected, Identifier.Identify(text).Code);
    }

    [Fact]
    public void TheDeclaredLanguageIsEvidenceNotTheAnswer()
    {
        var german = LanguageSamples.All.First(s => s.Code == "de").Lead;
        Assert.Equal("de", Identifier.Identify(german, prior: "en").Code);
        Assert.Equal("de", Identifier.Identify(german, prior: "nl").Code);
    }

    [Fact]
    public void AParagraphThatSwitchesLanguagePartWayIsReadWhole()
    {
        // An English sentence opens a German paragraph: the paragraph is the language of most of it,
        // not of its opening words (a shortcut that reads only the head would get this wrong).
        const string paragraph =
            "The minister said on Monday that the talks would go on. " +
            "Der Minister sagte am Montag, dass die Gespräche mit den Partnern in der kommenden Woche fortgesetzt werden sollen, " +
            "weil die Regierung noch keine Einigung über die Lieferung der zugesagten Munition erzielt habe und die Lager leer seien.";
        Assert.Equal("de", Identifier.Identify(paragraph).Code);
    }

    [Theory]
    [InlineData("Ankara'dan gelen heyet Berlin'de Almanya'nın bakanıyla görüştü.")]
    [InlineData("Rusya'nın Kiev'e saldırısı 2022'den beri sürüyor.")]
    [InlineData("Almanya'nın Berlin'den Kiev'e gönderdiği yardım arttı.")]
    public void TurkishCaseEndingsAfterNamesAndNumbersAreNotReadAsOtherLanguagesWords(string sentence)
    {
        // "Berlin'den", "2022'den": read as words, "den" and "in" would be German, Dutch or English function words.
        Assert.Equal("tr", Identifier.Identify(sentence).Code);
    }

    [Fact]
    public void ChineseWithAnEnglishNameIsStillChinese()
    {
        Assert.Equal("zh", Identifier.Identify("美国总统Donald Trump星期一在白宫会见了来访的客人。").Code);
        Assert.Equal("ja", Identifier.Identify("Donald Trump大統領は月曜日、ホワイトハウスで客を迎えた。").Code);
    }

    [Theory]
    [InlineData("de-AT", "de")]
    [InlineData("hr", "hbs")]
    [InlineData("sr-Latn", "hbs")]
    [InlineData("bs_BA", "hbs")]
    [InlineData("nb", "no")]
    [InlineData("EN", "en")]
    public void DeclaredTagsMapOntoProfileLanguages(string tag, string expected)
    {
        Assert.Equal(expected, LanguageIdentifier.PrimaryCode(tag));
    }

    [Fact]
    public void IdentificationIsTheSameFromManyThreads()
    {
        var texts = LanguageSamples.All.Select(s => s.Lead).ToArray();
        var expected = texts.Select(t => Identifier.Identify(t).Code).ToArray();
        var results = new string[texts.Length * 20];
        Parallel.For(0, results.Length, i => results[i] = Identifier.Identify(texts[i % texts.Length]).Code);
        Assert.All(results.Select((r, i) => (r, i)), p => Assert.Equal(expected[p.i % texts.Length], p.r));
    }

    [Fact]
    public void AProfileLineThatIsNotOneIsAnErrorNamingTheFileAndLine()
    {
        var error = Assert.Throws<Normalize.Core.Rules.RuleFileException>(() => LanguageProfiles.Parse("version\t1\nnonsense\n", "test.tsv"));
        Assert.Contains("test.tsv: line 2", error.Message);
    }

    [Theory]
    [InlineData("gram\tab\ten:10\ngram\tab\tde:20\n", "line 5", "listed twice")]
    [InlineData("gram\tabcde\ten:10\n", "line 4", "1 to 4 characters")]
    [InlineData("gram\tab\txx:10\n", "line 4", "'xx:10'")]
    [InlineData("gram\tab\ten:-3\n", "line 4", "not a positive number")]
    public void ABrokenGramLineIsAnErrorNamingTheFileAndLine(string grams, string line, string reason)
    {
        const string header = "version\t2\nlanguage\ten\tLatn\t1\t1\t1\t1\nlanguage\tde\tLatn\t1\t1\t1\t1\n";
        var error = Assert.Throws<Normalize.Core.Rules.RuleFileException>(() => LanguageProfiles.Parse(header + grams, "test.tsv"));
        Assert.Contains("test.tsv: " + line, error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void TheAnswerIsTheBestOfTheFullScoresEvenWhenFunctionWordsDecideAlone()
    {
        // Identify skips the n-grams when the function words lead by far; Explain always reads everything.
        var texts = LanguageSamples.All.SelectMany(s => new[] { s.Lead, s.Second }).OfType<string>()
            .Append("North Korea has sent Russia large quantities of artillery shells, the ministry said on Monday, and more are on the way.")
            .Append("Skip to content")
            .Append("Editors' Picks");
        foreach (var text in texts)
        {
            var full = Identifier.Explain(text);
            if (full.Count > 1)
            {
                Assert.Equal(full[0].Code, Identifier.Identify(text).Code);
            }
        }
    }

    [Fact]
    public void TheShippedProfileCoversTheListedLanguages()
    {
        foreach (var code in new[] { "en", "de", "nl", "fr", "es", "it", "pt", "pl", "ru", "uk", "ca", "gl", "hbs", "tr", "ar" })
        {
            Assert.Contains(code, Identifier.Languages);
        }
    }
}
