using Normalize.Core.Pipeline;
using Normalize.Tests.Support;

namespace Normalize.Tests.Language;

public class LanguageStageTests
{
    private static readonly string[] EnglishRuleStages = [StageNames.Repair, StageNames.Names, StageNames.Units];

    [Theory]
    [MemberData(nameof(LanguageSamples.Cases), MemberType = typeof(LanguageSamples))]
    public void AnUntranslatedArticleGetsItsLanguageAndNoRewriteByEnglishRules(int sample, string expected)
    {
        var (_, lead, second) = LanguageSamples.All[sample];
        var article = Articles.FromText(lead + "\n\n" + (second ?? lead));
        article.Title = second ?? lead;
        article.DetectTitleInText = false;
        article = DefaultPipeline.Create().Process(article);

        Assert.Equal(expected, article.Language);
        Assert.DoesNotContain(article.Changes, c => EnglishRuleStages.Contains(c.Stage));
        Assert.All(article.ParagraphLanguages, l => Assert.Equal(expected, l));
    }

    [Fact]
    public void AnUntranslatedGermanArticleKeepsItsNamesAndReadsItsNumbersTheGermanWay()
    {
        var article = Articles.Clean(
            " date 2024-03-12 Nordkorea liefert Granaten an Russland\n\n"
            + "Nach Schätzungen aus Seoul hat Nordkorea mehr als 1,5 Millionen Artilleriegranaten an Russland geliefert. "
            + "Rund 7 000 Container sollen über den Hafen Rajin gegangen sein, ihr Wert liegt bei 1.000,5 Mio. Euro.");

        Assert.Equal("de", article.Language);
        Assert.Equal("Nordkorea liefert Granaten an Russland", article.Title);
        Assert.Contains("an Russland geliefert", article.Text);
        Assert.DoesNotContain(article.Changes, c => EnglishRuleStages.Contains(c.Stage));
        Assert.Contains(article.Entities, e => e.Text == "Russland" && e.Canonical == "Russia"); // linked, not rewritten
        var numbers = article.Quantities.Select(q => (q.Text, q.Value)).ToList();
        Assert.Contains(("1,5 Millionen", 1_500_000m), numbers);
        Assert.Contains(("7 000", 7000m), numbers);
        Assert.Contains(("1.000,5 Mio", 1_000_500_000m), numbers);
        Assert.DoesNotContain(numbers, n => n.Text == "1" || n.Text == "5");
    }

    [Fact]
    public void AnEnglishArticleRecordsItsOtherLanguageParagraphsAndRewritesOnlyItsEnglish()
    {
        var article = Articles.Clean(
            "Ministers meet in Kiev as shell orders grow\n\n"
            + "Defence ministers met in Kiev on Tuesday to discuss new orders for artillery shells, officials said.\n\n"
            + "\"Wir werden Russland nicht gewinnen lassen, und wir liefern weiter Munition nach Kiew\", sagte der Minister.\n\n"
            + "De Nederlandse minister zei dat de bestelling ook de eigen voorraden moet aanvullen, die bijna leeg zijn.\n\n"
            + "The next meeting is planned for the summer.");

        Assert.Equal("en", article.Language);
        Assert.Equal(["en", "de", "nl", "en"], article.ParagraphLanguages);
        Assert.Contains("met in Kyiv", article.Text);
        Assert.Contains("Russland nicht gewinnen lassen, und wir liefern weiter Munition nach Kiew", article.Text);
        Assert.Null(article.TranslatedFrom); // whole paragraphs in other languages are not leftovers of a translation
        Assert.DoesNotContain(article.Flags, f => f.Sentence.Contains("Munition") || f.Sentence.Contains("bestelling"));
    }

    [Fact]
    public void AShortParagraphTakesTheArticlesLanguage()
    {
        var article = Articles.Clean(
            "Die Regierung teilte am Montag mit, dass weitere Flugabwehrsysteme in den Osten des Landes geschickt werden.\n\n"
            + "Reuters\n\n"
            + "Die Angriffe auf Kraftwerke haben seit Beginn des Winters deutlich zugenommen, sagte ein Sprecher.", StageNames.Language);
        Assert.Equal(["de", "de", "de"], article.ParagraphLanguages);
    }

    [Fact]
    public void TheRecordListsOtherLanguageParagraphs()
    {
        using var dir = new TempDirectory();
        dir.Write("in/mixed.txt", "Officials in both capitals said the talks went well and that orders would follow soon.\n\n"
            + "Die Bundesregierung will die Produktion von Munition in diesem Jahr deutlich erhöhen, sagte ein Sprecher am Dienstag.\n\n"
            + "The first contracts could be signed before the summer, according to people who were at the meeting.");
        var result = CliRunner.Run("clean", dir.File("in/mixed.txt"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"language\":\"en\"", result.Out);
        Assert.Contains("\"other_languages\":[{\"paragraph\":1,\"language\":\"de\"}]", result.Out);
    }
}
