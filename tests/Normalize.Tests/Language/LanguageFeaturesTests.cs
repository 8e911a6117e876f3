using Normalize.Core.Language;

namespace Normalize.Tests.Language;

public class LanguageFeaturesTests
{
    [Theory]
    [InlineData("The government said on Monday: a 2nd round, l'hiver, Straße — ok?")]
    [InlineData("a b c")]
    [InlineData("Правительство в понедельник сообщило")]
    [InlineData("")]
    [InlineData("x")]
    public void TheKeysTheIdentifierLooksUpAreExactlyTheGramsTheTrainerCounted(string text)
    {
        // The profile is trained on VisitGrams' grams; the identifier looks up VisitGramKeys' keys: any drift
        // between the two would make every lookup of a gram the profile holds silently miss.
        var buffer = new char[text.Length + 2];
        var normalized = buffer.AsSpan(0, LanguageFeatures.Normalize(text, buffer));
        var grams = new GramCollector { Keys = [] };
        LanguageFeatures.VisitGrams(normalized, ref grams);
        var keys = new KeyCollector { Keys = [] };
        LanguageFeatures.VisitGramKeys(normalized, ref keys);
        Assert.Equal(grams.Keys, keys.Keys);
    }

    [Fact]
    public void WordsKnowWhetherAnApostropheGluesThemToTheWordOrNumberBefore()
    {
        var words = new WordCollector { Words = [] };
        LanguageFeatures.VisitWords("Qu'il l’a dit: Kore'den, 2018'in, 'quoted' Trump's", ref words);
        Assert.Equal(
            [("qu", false, false), ("il", true, false), ("l", false, false), ("a", true, false), ("dit", false, false),
             ("kore", false, false), ("den", true, false), ("in", true, true), ("quoted", false, false), ("trump", false, false), ("s", true, false)],
            words.Words);
    }

    private struct WordCollector : LanguageFeatures.IWordVisitor
    {
        public List<(string, bool, bool)> Words;

        public readonly void Visit(ReadOnlySpan<char> word, bool afterApostrophe, bool afterDigit) => Words.Add((word.ToString(), afterApostrophe, afterDigit));
    }

    private struct GramCollector : LanguageFeatures.IGramVisitor
    {
        public List<ulong> Keys;

        public readonly void Visit(ReadOnlySpan<char> gram)
        {
            ulong key = 0;
            for (var i = 0; i < gram.Length; i++)
            {
                key |= (ulong)gram[i] << (16 * i);
            }

            Keys.Add(key);
        }
    }

    private struct KeyCollector : LanguageFeatures.IGramKeyVisitor
    {
        public List<ulong> Keys;

        public readonly void Visit(ulong key) => Keys.Add(key);
    }
}
