using Normalize.Core.Pipeline;

namespace Normalize.Core.Language;

/// <summary>
/// Identifies the language of each paragraph, of the title and of the article (the language of most of its
/// letters). The declared language is evidence worth a small prior, never the answer: "identified, never
/// assumed". A paragraph in another language than the article's is recorded only when it has enough letters to
/// tell (<see cref="MinLettersForOtherLanguage"/>) and still reads so with the article's language as prior;
/// shorter ones (a name, a credit, a number) take the article's language.
/// </summary>
public sealed class LanguageStage : IStage
{
    /// <summary>About four words: fewer letters do not tell a language from its neighbours.</summary>
    public const int MinLettersForOtherLanguage = 24;

    private readonly LanguageIdentifier _identifier;

    public LanguageStage(LanguageIdentifier? identifier = null)
    {
        _identifier = identifier ?? LanguageIdentifier.Default;
    }

    public string Name => StageNames.Language;

    public void Process(Article article)
    {
        var prior = article.DeclaredLanguage;
        var paragraphs = article.Paragraphs;
        var guesses = new List<LanguageGuess>(paragraphs.Count);
        foreach (var paragraph in paragraphs)
        {
            article.Deadline.Check();
            guesses.Add(_identifier.Identify(paragraph, prior));
        }

        var letters = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var guess in guesses.Where(g => g.Letters > 0))
        {
            letters[guess.Code] = letters.GetValueOrDefault(guess.Code) + guess.Letters;
        }

        var titleGuess = string.IsNullOrWhiteSpace(article.Title) ? null : _identifier.Identify(article.Title, prior);
        string language;
        if (letters.Count > 0)
        {
            language = letters.OrderByDescending(p => p.Value)
                .ThenBy(p => p.Key == (prior is null ? null : LanguageIdentifier.PrimaryCode(prior)) ? 0 : 1)
                .ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
        }
        else if (titleGuess is { Letters: > 0 })
        {
            language = titleGuess.Code;
        }
        else
        {
            language = prior is null ? LanguageIdentifier.Undetermined : LanguageIdentifier.PrimaryCode(prior);
        }

        article.Language = language;
        article.ParagraphLanguages.Clear();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            article.Deadline.Check();
            article.ParagraphLanguages.Add(OwnLanguage(paragraphs[i], guesses[i], language));
        }

        article.TitleLanguage = titleGuess is null ? null : OwnLanguage(article.Title!, titleGuess, language);
    }

    /// <summary>The paragraph's language when it differs from the article's and says so clearly; else the article's.</summary>
    private string OwnLanguage(string text, LanguageGuess guess, string articleLanguage)
    {
        if (guess.Code == articleLanguage || guess.Letters < MinLettersForOtherLanguage || guess.Code == LanguageIdentifier.Undetermined)
        {
            return articleLanguage;
        }

        // The article's language is the prior of its own paragraphs: only what still reads otherwise is other.
        var again = _identifier.Identify(text, articleLanguage);
        return again.Code != articleLanguage && again.Code == guess.Code ? guess.Code : articleLanguage;
    }
}
